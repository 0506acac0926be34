/**
 * Training batches for the ε-prediction objective (Ho, Jain & Abbeel 2020, arXiv:2006.11239, Algorithm 1 and eq. 14):
 * x_0 from the data, t ~ Uniform{1 … T}, ε ~ N(0, I), input x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε, target ε. The class
 * label is replaced by ∅ with probability p_uncond so one network learns both ε(x, c) and ε(x, ∅) for classifier-free
 * guidance (Ho & Salimans 2022, arXiv:2207.12598, Algorithm 1). Everything is drawn from one seeded generator, so a
 * seed fixes the whole training run.
 */
import { InputError } from '../modelSpec';
import { normal, type Rng } from '../random';
import type { Dataset2D } from './data';
import { buildInput, OUTPUT_DIM } from './mlp';
import { NO_CLASS } from './sample';
import type { NoiseSchedule } from './schedule';

export interface Batch {
  /** B × INPUT_DIM network inputs (x_t, time features, class one-hot). */
  readonly input: Float32Array;
  /** B × 2 targets ε. */
  readonly target: Float32Array;
}

/** A batch sampler over `data`; each call draws a fresh batch of `size` examples from `rng`. */
export function batchSampler(
  data: Dataset2D,
  schedule: NoiseSchedule,
  size: number,
  rng: Rng,
  pUncond = 0.2,
): () => Batch {
  const m = data.points.length / 2;
  if (m < 1) throw new InputError('points', 'the dataset has no points');
  if (!Number.isInteger(size) || size < 1 || size > 65_536) {
    throw new InputError('batch', `batch must be an integer from 1 to 65,536, got ${size}`);
  }
  if (!(pUncond >= 0 && pUncond <= 1)) throw new InputError('pUncond', `pUncond must be from 0 to 1, got ${pUncond}`);
  const gauss = normal(rng);
  const { T } = schedule;
  return () => {
    const xt = new Float32Array(size * 2);
    const target = new Float32Array(size * OUTPUT_DIM);
    const ts = new Int32Array(size);
    const cond = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      const j = Math.min(m - 1, Math.floor(rng() * m));
      const t = 1 + Math.min(T - 1, Math.floor(rng() * T));
      const ab = schedule.alphaBars[t] ?? 1;
      const a = Math.sqrt(ab);
      const s = Math.sqrt(1 - ab);
      for (let d = 0; d < 2; d++) {
        const e = gauss();
        target[2 * i + d] = e;
        xt[2 * i + d] = a * (data.points[2 * j + d] ?? 0) + s * e;
      }
      ts[i] = t;
      const drop = data.classes === 1 || rng() < pUncond;
      cond[i] = drop ? NO_CLASS : (data.labels[j] ?? NO_CLASS);
    }
    return { input: buildInput(xt, ts, T, cond), target };
  };
}
