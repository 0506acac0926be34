/**
 * Retrieval evaluation over the hand-written question set: hit@1, hit@5 (at least one acceptable chunk among the
 * top k) and MRR@10 (mean of 1/rank of the first acceptable chunk, 0 when none is in the top 10), for each leg and
 * for the fusion. Gold answers are entry slugs ("kv-cache": any chunk of that entry) or chunk-id prefixes
 * ("kv-cache#managing-the-cache"). Questions with no gold are out of scope: the pipeline should report "not found".
 */
import { retrieve, type Leg } from '../retrieve';
import type { RagIndex } from '../store';

export interface EvalQuestion {
  q: string;
  gold: string[];
}

export type Method = Leg | 'fused';
export const METHODS: readonly Method[] = ['lexical', 'dense', 'fused'];

export interface Metrics {
  hit1: number;
  hit5: number;
  mrr: number;
}

export interface QuestionResult {
  q: string;
  gold: string[];
  /** 1-based rank of the first acceptable chunk per method, null when not in the top 10. */
  ranks: Record<Method, number | null>;
  /** The fused top 3 chunk ids, for reading misses. */
  top: string[];
}

export interface EvalReport {
  questions: number;
  metrics: Record<Method, Metrics>;
  /** The same metrics on every third question (indices 2, 5, 8, …), a split never looked at while tuning weights. */
  heldOut: Record<Method, Metrics>;
  results: QuestionResult[];
  outOfScope: { q: string; notFound: boolean; top: string[] }[];
}

/** Whether chunk `id` answers a question with these gold slugs / chunk-id prefixes. */
export function isGold(id: string, gold: readonly string[]): boolean {
  const slug = id.split('#')[0];
  return gold.some((g) => (g.includes('#') ? id.startsWith(g) : slug === g));
}

function firstRank(ids: readonly string[], gold: readonly string[]): number | null {
  const i = ids.slice(0, 10).findIndex((id) => isGold(id, gold));
  return i < 0 ? null : i + 1;
}

function metrics(results: readonly QuestionResult[], method: Method): Metrics {
  const n = results.length || 1;
  const ranks = results.map((r) => r.ranks[method]);
  return {
    hit1: ranks.filter((r) => r === 1).length / n,
    hit5: ranks.filter((r) => r !== null && r <= 5).length / n,
    mrr: ranks.reduce<number>((sum, r) => sum + (r === null ? 0 : 1 / r), 0) / n,
  };
}

function byMethod(results: readonly QuestionResult[]): Record<Method, Metrics> {
  return { lexical: metrics(results, 'lexical'), dense: metrics(results, 'dense'), fused: metrics(results, 'fused') };
}

/** Runs every question through the pipeline and scores each leg and the fusion. */
export function evaluate(index: RagIndex, questions: readonly EvalQuestion[]): EvalReport {
  const results: QuestionResult[] = [];
  const outOfScope: EvalReport['outOfScope'] = [];
  for (const { q, gold } of questions) {
    const r = retrieve(index, q, { k: 10 });
    const fusedIds = r.hits.map((h) => h.id);
    if (gold.length === 0) {
      outOfScope.push({ q, notFound: r.notFound, top: fusedIds.slice(0, 3) });
      continue;
    }
    results.push({
      q,
      gold,
      ranks: {
        lexical: firstRank(
          r.lexicalHits.map((h) => h.id),
          gold,
        ),
        dense: firstRank(
          r.denseHits.map((h) => h.id),
          gold,
        ),
        fused: firstRank(fusedIds, gold),
      },
      top: fusedIds.slice(0, 3),
    });
  }
  return {
    questions: results.length,
    metrics: byMethod(results),
    heldOut: byMethod(results.filter((_, i) => i % 3 === 2)),
    results,
    outOfScope,
  };
}
