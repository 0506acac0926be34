/**
 * Reciprocal rank fusion (Cormack, Clarke & Büttcher, "Reciprocal Rank Fusion outperforms Condorcet and individual
 * Rank Learning Methods", SIGIR 2009): score(d) = Σ_legs w_leg / (κ + rank_leg(d)), κ = 60, ranks from 1. Scores of
 * different legs (BM25 and cosine) are not comparable; ranks are. Each fused hit keeps its rank in every leg so the
 * page can show why it ranked where it did.
 */

/** κ in the RRF formula; 60 as in the paper. */
export const RRF_K = 60;

export interface RankedLeg<L extends string> {
  name: L;
  /** Ids best first. */
  ids: readonly string[];
  /** Weight of this leg (default 1). */
  weight?: number;
}

export interface FusedHit<L extends string> {
  id: string;
  score: number;
  /** 1-based rank in each leg, or null when the leg did not return the id. */
  ranks: Record<L, number | null>;
}

/** Fuses ranked lists; ties go to the better best rank, then to the id (deterministic). */
export function reciprocalRankFusion<L extends string>(legs: readonly RankedLeg<L>[], k = RRF_K): FusedHit<L>[] {
  const hits = new Map<string, FusedHit<L>>();
  const empty = () => Object.fromEntries(legs.map((leg) => [leg.name, null])) as Record<L, number | null>;
  for (const leg of legs) {
    const weight = leg.weight ?? 1;
    leg.ids.forEach((id, i) => {
      let hit = hits.get(id);
      if (!hit) {
        hit = { id, score: 0, ranks: empty() };
        hits.set(id, hit);
      }
      if (hit.ranks[leg.name] !== null) return;
      hit.ranks[leg.name] = i + 1;
      hit.score += weight / (k + i + 1);
    });
  }
  const best = (h: FusedHit<L>) => Math.min(...Object.values<number | null>(h.ranks).map((r) => r ?? Infinity));
  return [...hits.values()].sort((a, b) => b.score - a.score || best(a) - best(b) || (a.id < b.id ? -1 : 1));
}
