/**
 * FlashAttention's forward pass (Dao et al. 2022, arXiv:2205.14135, Algorithm 1) computed tile by tile on the CPU,
 * with the online softmax of Milakov & Gimelshein 2018 (arXiv:1805.02867): for each block K_j, V_j (outer loop) and
 * each query block Q_i (inner loop), S_ij = Q_i K_jᵀ/√d, m̃ = rowmax(S_ij), P̃ = exp(S_ij − m̃), ℓ̃ = rowsum(P̃);
 * m_new = max(m_i, m̃), ℓ_new = e^(m_i − m_new) ℓ_i + e^(m̃ − m_new) ℓ̃ (line 11);
 * O_i ← diag(ℓ_new)⁻¹ (diag(ℓ_i) e^(m_i − m_new) O_i + e^(m̃ − m_new) P̃ V_j) (line 12). Every tile's statistics
 * before and after are recorded, so a reader can watch m and ℓ being rescaled. The causal case skips tiles whose keys
 * all follow their queries (the block-sparse skipping of §3.3) and masks inside the diagonal tiles.
 *
 * The HBM-traffic model counts the reads and writes of Algorithm 0 (standard attention: S and P go through HBM) and
 * of Algorithm 1 with its block sizes B_c = ⌈M/4d⌉, B_r = min(⌈M/4d⌉, d), line by line; Theorem 2 states them
 * asymptotically as Θ(Nd + N²) and Θ(N²d²/M) for d ≤ M ≤ Nd. Counts are in elements.
 */
import { InputError, positiveInt } from './modelSpec';
import { checkAttentionInputs, visible, type AttentionShape } from './sdpa';

/** One tile of Algorithm 1: query block i against key/value block j. Per-row arrays cover the block's rows. */
export interface TileStep {
  /** 0-based position in the loop order (outer j, inner i). */
  index: number;
  i: number;
  j: number;
  /** Query rows [start, end) and key columns [start, end) of the tile. */
  rows: [number, number];
  cols: [number, number];
  /** Causal: every key of the tile follows every query, so the kernel never loads it. */
  skipped: boolean;
  /** m̃: the row maximum of this tile's scores (−∞ for a row with every key masked). */
  tileMax: Float64Array;
  /** m and ℓ of the block's rows before and after the tile. */
  mBefore: Float64Array;
  mAfter: Float64Array;
  lBefore: Float64Array;
  lAfter: Float64Array;
  /** e^(m_before − m_after): the factor the old ℓ and O are multiplied by (0 before any key was seen). */
  rescale: Float64Array;
  /** O_i after the tile: [rows, valueDim], normalised by ℓ_after as in line 12. */
  output: Float64Array;
}

export interface FlashResult {
  /** [queries, valueDim] */
  output: Float64Array;
  /** Final per-row statistics: m, ℓ and the log-sum-exp m + log ℓ the backward pass keeps. */
  m: Float64Array;
  l: Float64Array;
  logSumExp: Float64Array;
  steps: TileStep[];
  /** T_r and T_c: query and key/value blocks. */
  rowBlocks: number;
  colBlocks: number;
}

export interface FlashOptions {
  /** B_r: query rows per tile. */
  blockRows: number;
  /** B_c: keys per tile. */
  blockCols: number;
  causal?: boolean;
}

/** Runs Algorithm 1 over Q [queries, dim], K [keys, dim], V [keys, valueDim] and records every tile. */
export function flashAttention(
  q: ArrayLike<number>,
  k: ArrayLike<number>,
  v: ArrayLike<number>,
  shape: AttentionShape,
  options: FlashOptions,
): FlashResult {
  const dv = checkAttentionInputs(q, k, v, shape);
  const { queries: Tq, keys: Tk, dim: d } = shape;
  const Br = positiveInt('blockRows', options.blockRows, Tq);
  const Bc = positiveInt('blockCols', options.blockCols, Tk);
  const causal = options.causal ?? false;
  const scale = 1 / Math.sqrt(d);
  const rowBlocks = Math.ceil(Tq / Br);
  const colBlocks = Math.ceil(Tk / Bc);
  const O = new Float64Array(Tq * dv);
  const l = new Float64Array(Tq);
  const m = new Float64Array(Tq).fill(-Infinity);
  const steps: TileStep[] = [];

  for (let j = 0; j < colBlocks; j++) {
    const c0 = j * Bc;
    const c1 = Math.min(Tk, c0 + Bc);
    for (let i = 0; i < rowBlocks; i++) {
      const r0 = i * Br;
      const r1 = Math.min(Tq, r0 + Br);
      const rows = r1 - r0;
      const mBefore = m.slice(r0, r1);
      const lBefore = l.slice(r0, r1);
      const tileMax = new Float64Array(rows).fill(-Infinity);
      const rescale = new Float64Array(rows).fill(1);
      // (r1 − 1, c0) is the tile's most visible corner: if even it is masked, so is the whole tile.
      const skipped = causal && !visible(r1 - 1, c0, shape, true);
      if (!skipped) {
        for (let r = r0; r < r1; r++) {
          const s = new Float64Array(c1 - c0).fill(-Infinity);
          let tm = -Infinity;
          for (let c = c0; c < c1; c++) {
            if (causal && !visible(r, c, shape, true)) continue;
            let dot = 0;
            for (let x = 0; x < d; x++) dot += (q[r * d + x] ?? 0) * (k[c * d + x] ?? 0);
            s[c - c0] = dot * scale;
            tm = Math.max(tm, dot * scale);
          }
          tileMax[r - r0] = tm;
          if (tm === -Infinity) continue;
          const mOld = m[r] ?? -Infinity;
          const mNew = Math.max(mOld, tm);
          const a = mOld === -Infinity ? 0 : Math.exp(mOld - mNew);
          const b = Math.exp(tm - mNew);
          const pv = new Float64Array(dv);
          let tileSum = 0;
          for (let c = c0; c < c1; c++) {
            const score = s[c - c0] ?? -Infinity;
            if (score === -Infinity) continue;
            const p = Math.exp(score - tm);
            tileSum += p;
            for (let x = 0; x < dv; x++) pv[x] = (pv[x] ?? 0) + p * (v[c * dv + x] ?? 0);
          }
          const lOld = l[r] ?? 0;
          const lNew = a * lOld + b * tileSum;
          for (let x = 0; x < dv; x++) O[r * dv + x] = (lOld * a * (O[r * dv + x] ?? 0) + b * (pv[x] ?? 0)) / lNew;
          l[r] = lNew;
          m[r] = mNew;
          rescale[r - r0] = a;
        }
      }
      steps.push({
        index: steps.length,
        i,
        j,
        rows: [r0, r1],
        cols: [c0, c1],
        skipped,
        tileMax,
        mBefore,
        mAfter: m.slice(r0, r1),
        lBefore,
        lAfter: l.slice(r0, r1),
        rescale,
        output: O.slice(r0 * dv, r1 * dv),
      });
    }
  }
  const logSumExp = m.map((mi, r) => mi + Math.log(l[r] ?? 0));
  return { output: O, m, l, logSumExp, steps, rowBlocks, colBlocks };
}

/** HBM reads and writes of one algorithm, in elements. */
export interface HbmCount {
  reads: number;
  writes: number;
  total: number;
}

export interface HbmModel {
  n: number;
  d: number;
  /** M: on-chip memory in elements. */
  sram: number;
  /** Algorithm 1's block sizes and block counts. */
  blockCols: number;
  blockRows: number;
  colBlocks: number;
  rowBlocks: number;
  standard: HbmCount;
  flash: HbmCount;
  /** standard.total / flash.total */
  ratio: number;
  /** The asymptotic expressions of Theorem 2 evaluated without constants: N·d + N² and N²·d²/M. */
  asymptotic: { standard: number; flash: number };
}

/** The largest sequence length the traffic model accepts. */
export const MAX_HBM_N = 1 << 24;
/** The largest on-chip memory (elements) the traffic model accepts. */
export const MAX_SRAM = 1 << 24;

const count = (reads: number, writes: number): HbmCount => ({ reads, writes, total: reads + writes });

/**
 * Counts HBM element accesses for sequence length n, head dim d and on-chip memory M (elements), one head, forward.
 * Standard (Algorithm 0): read Q, K, write S; read S, write P; read P, V, write O — reads 3nd + 2n², writes nd + 2n².
 * Tiled (Algorithm 1): write O, ℓ, m once to initialise (nd + 2n); read every K_j, V_j once (2nd); in each of the T_c
 * outer passes read all of Q, O, ℓ, m (2nd + 2n) and write O, ℓ, m (nd + 2n).
 */
export function hbmAccesses(n: number, d: number, sram: number): HbmModel {
  positiveInt('n', n, MAX_HBM_N);
  positiveInt('d', d, 4096);
  positiveInt('sram', sram, MAX_SRAM);
  if (sram < d) throw new InputError('sram', `sram must be at least d = ${d} elements (d ≤ M), got ${sram}`);
  const blockCols = Math.ceil(sram / (4 * d));
  const blockRows = Math.min(blockCols, d);
  const colBlocks = Math.ceil(n / blockCols);
  const rowBlocks = Math.ceil(n / blockRows);
  const nd = n * d;
  const standard = count(3 * nd + 2 * n * n, nd + 2 * n * n);
  const flash = count(2 * nd + colBlocks * (2 * nd + 2 * n), nd + 2 * n + colBlocks * (nd + 2 * n));
  return {
    n,
    d,
    sram,
    blockCols,
    blockRows,
    colBlocks,
    rowBlocks,
    standard,
    flash,
    ratio: standard.total / flash.total,
    asymptotic: { standard: nd + n * n, flash: (n * n * d * d) / sram },
  };
}
