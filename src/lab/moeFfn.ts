/**
 * The lab's top-k mixture-of-experts feed-forward block in jax-js (Shazeer et al. 2017, arXiv:1701.06538 §2.1;
 * gates renormalised over the chosen experts as in Mixtral) with the Switch Transformer balance loss
 * E · Σ_i f_i · P_i (Fedus et al. 2021, arXiv:2101.03961 §2.2 eq. 4–6; f_i the share of the N·k assignments sent to
 * expert i, P_i its mean router probability), the same definitions as src/core/moe.ts.
 * The experts run densely (every expert on every token, then masked): simpler and differentiable, and at this size
 * cheaper than gathering; the active-parameter figures come from the params core, not from this compute.
 */
import type { LabMoeFfn } from './config';
import type { ParamOf } from './mixers';
import type { JArray, Jax } from './modelTypes';

/** What the block returns: its output [N, C], the balance loss (scalar) and the tokens each expert got [E]. */
export interface MoeOutput {
  readonly out: JArray;
  readonly balance: JArray;
  readonly load: JArray;
}

/** The MoE block on x [N, C] (consumed). */
export function moeFfn(jax: Jax, ffn: LabMoeFfn, p: ParamOf, x: JArray): MoeOutput {
  const { numpy: np, nn, lax } = jax;
  const { experts: E, topK: k, hidden: F } = ffn;
  const [N = 1, C = 1] = x.shape;
  const probs = nn.softmax(np.matmul(x.ref, p('router')), -1); // (N, E)
  const [top, chosen] = lax.topK(lax.stopGradient(probs.ref), k, -1); // (N, k)
  top.dispose();
  const mask = lax.stopGradient(nn.oneHot(chosen, E).sum(1)); // (N, E): 1 for the chosen experts
  const picked = probs.ref.mul(mask.ref);
  const gates = picked.ref.div(picked.sum(-1, { keepdims: true }));
  const hidden = nn
    .relu(np.matmul(x, p('w1')).add(p('b1')))
    .reshape([N, E, F])
    .transpose([1, 0, 2]); // (E, N, F)
  const perExpert = np
    .matmul(hidden, p('w2'))
    .add(p('b2').reshape([E, 1, C]))
    .transpose([1, 0, 2]); // (N, E, C)
  const out = perExpert.mul(gates.reshape([N, E, 1])).sum(1);
  const load = mask.ref.sum(0);
  const balance = mask
    .mean(0)
    .mul(1 / k)
    .mul(probs.mean(0))
    .sum()
    .mul(E);
  return { out, balance, load };
}
