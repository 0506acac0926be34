import * as jax from '@jax-js/jax';
import { beforeAll, describe, expect, it } from 'vitest';
import { balanceLoss, route, routerLogits, routerScores } from '../core/moe';
import { randn } from '../core/random';
import { selectiveScan } from '../core/ssm';
import { lowerOnes, shiftMatrix, ssd } from './mixers';
import { own } from './modelTypes';
import { moeFfn } from './moeFfn';

beforeAll(async () => {
  await jax.init('wasm');
  jax.defaultDevice('wasm');
});

const arr = (values: Float32Array, shape: number[]) => jax.numpy.array(own(values), { shape });

describe('the SSD dual form (Mamba-2) equals the recurrence of src/core/ssm.ts', () => {
  it('2 heads × 3 channels, N = 4, T = 12: y within 1e-5 of selectiveScan with the simplified discretisation', async () => {
    const [H, P, N, T] = [2, 3, 4, 12];
    const x = randn(H * T * P, 11, 1); // [H, T, P]
    const dt = Float32Array.from(randn(H * T, 12, 1), (v) => Math.log1p(Math.exp(v))); // softplus > 0
    const A = Float32Array.from([-0.7, -2.5]);
    const Bm = randn(T * N, 13, 1);
    const Cm = randn(T * N, 14, 1);
    const D = Float32Array.from([0.5, 1.5]);
    const y = await ssd(
      jax,
      arr(x, [1, H, T, P]),
      arr(dt, [1, H, T]),
      arr(A, [H]),
      arr(Bm, [1, 1, T, N]),
      arr(Cm, [1, 1, T, N]),
      arr(D, [H]),
    ).data();
    // The same map channel by channel: channel (h, p) has A = A_h on every state, Δ = Δ_h, skip D_h.
    const channels = H * P;
    const input = new Float64Array(T * channels);
    const delta = new Float64Array(T * channels);
    for (let h = 0; h < H; h++)
      for (let t = 0; t < T; t++)
        for (let p = 0; p < P; p++) {
          input[t * channels + h * P + p] = x[(h * T + t) * P + p] ?? 0;
          delta[t * channels + h * P + p] = dt[h * T + t] ?? 0;
        }
    const expected = selectiveScan(
      {
        tokens: T,
        channels,
        stateSize: N,
        x: input,
        delta,
        B: Float64Array.from(Bm),
        C: Float64Array.from(Cm),
        A: Float64Array.from({ length: channels * N }, (_, i) => A[Math.floor(i / (P * N))] ?? 0),
        skip: Float64Array.from({ length: channels }, (_, c) => D[Math.floor(c / P)] ?? 0),
      },
      'simplified',
    ).y;
    let maxError = 0;
    for (let h = 0; h < H; h++)
      for (let t = 0; t < T; t++)
        for (let p = 0; p < P; p++) {
          const got = y[(h * T + t) * P + p] ?? NaN;
          maxError = Math.max(maxError, Math.abs(got - (expected[t * channels + h * P + p] ?? NaN)));
        }
    expect(maxError).toBeLessThan(1e-5);
  });

  it('shift and triangle matrices: S₂ delays by two steps, the triangle keeps j ≤ i', () => {
    expect(Array.from(shiftMatrix(3, 1))).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0]);
    expect(Array.from(shiftMatrix(3, 2))).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect(Array.from(lowerOnes(3))).toEqual([1, 0, 0, 1, 1, 0, 1, 1, 1]);
  });
});

describe('the MoE block routes like src/core/moe.ts', () => {
  it('4 experts, top-2, 40 tokens: loads sum to 80 and equal route(); balance loss equals balanceLoss()', async () => {
    const [Ntok, C, E, F, k] = [40, 8, 4, 6, 2];
    const x = randn(Ntok * C, 21, 1);
    const router = randn(C * E, 22, 1); // [C, E]
    const weights: Record<string, Float32Array> = {
      router,
      w1: randn(C * E * F, 23, 0.3),
      b1: new Float32Array(E * F),
      w2: randn(E * F * C, 24, 0.3),
      b2: new Float32Array(E * C),
    };
    const shapes: Record<string, number[]> = { router: [C, E], w1: [C, E * F], b1: [E * F], w2: [E, F, C], b2: [E, C] };
    const out = moeFfn(
      jax,
      { kind: 'moe', experts: E, topK: k, hidden: F, balance: 0.01 },
      (name) => arr(weights[name] as Float32Array, shapes[name] as number[]),
      arr(x, [Ntok, C]),
    );
    const load = Array.from(await out.load.data());
    const balance = (await out.balance.data())[0] ?? NaN;
    expect((await out.out.data()).every(Number.isFinite)).toBe(true);
    expect(load.reduce((a, b) => a + b, 0)).toBe(Ntok * k);
    // The core router is x·Wᵀ with W [E, C]: transpose ours.
    const wT = new Float64Array(E * C);
    for (let c = 0; c < C; c++) for (let e = 0; e < E; e++) wT[e * C + c] = router[c * E + e] ?? 0;
    const routing = route(routerScores(routerLogits(Float64Array.from(x), wT, C), E, 'softmax'), E, { topK: k });
    expect(load).toEqual(Array.from(routing.load));
    expect(balance).toBeCloseTo(balanceLoss(routing), 5);
  });
});
