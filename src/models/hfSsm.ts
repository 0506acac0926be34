/**
 * Mamba fields of a config: HF names (`state_size`, `conv_kernel`, `expand`, `time_step_rank`, Mamba-2 `num_heads`,
 * `head_dim`, `n_groups`), Jamba's `mamba_*` names, and mamba_ssm's native `ssm_cfg` (whose omitted fields take the
 * module defaults of mamba_ssm `Mamba` / `Mamba2`: d_state 16 / 128, d_conv 4, expand 2, headdim 64, ngroups 1).
 */
import type { SsmSpec } from '../core/modelSpec';
import { ConfigError, Fields, isObject, show } from './hfFields';
import type { Family } from './hfLayout';

const MAX_WIDTH = 1_000_000;

/** Reads the SSM block shape; throws a ConfigError naming a missing or contradictory field. */
export function parseSsm(f: Fields, d: number, modelType: string, family: Family): SsmSpec {
  let s = f;
  const native = f.has('ssm_cfg');
  if (native) {
    const cfg = f.raw.ssm_cfg;
    if (!isObject(cfg))
      throw new ConfigError(f.label('ssm_cfg'), `${f.label('ssm_cfg')} must be an object, got ${show(cfg)}`);
    s = new Fields(cfg, f.label('ssm_cfg.'), f.notes);
  }
  const v2 = modelType === 'mamba2' || s.str('layer') === 'Mamba2';
  const why = { because: 'mamba_ssm default' };
  const dState = s.int(native ? ['d_state', 'state_size'] : ['state_size', 'd_state', 'mamba_d_state'], {
    max: 100_000,
    ...(native ? { fallback: v2 ? 128 : 16, ...why } : {}),
  });
  const dConv = s.int(native ? ['d_conv', 'conv_kernel'] : ['conv_kernel', 'd_conv', 'mamba_d_conv'], {
    max: 1_000,
    ...(native ? { fallback: 4, ...why } : {}),
  });
  const expand = s.optInt(['expand', 'mamba_expand'], { max: 1_000 });
  const dInner = innerWidth(f, s, d, expand, family, native);
  const convBias = boolOf(s, ['use_conv_bias', 'mamba_conv_bias', 'conv_bias'], true);
  const projBias = boolOf(s, ['use_bias', 'mamba_proj_bias', 'bias'], false);

  if (v2) {
    let nHeads = s.optInt(['num_heads', 'nheads', 'mamba_n_heads'], { max: MAX_WIDTH });
    let headDim = s.optInt(['head_dim', 'headdim', 'mamba_d_head'], { max: MAX_WIDTH });
    if (headDim === null && native) headDim = 64;
    if (nHeads === null && headDim !== null && dInner % headDim === 0) nHeads = dInner / headDim;
    if (headDim === null && nHeads !== null && dInner % nHeads === 0) headDim = dInner / nHeads;
    if (nHeads === null || headDim === null)
      throw new ConfigError(
        s.label('num_heads'),
        `${s.label('num_heads')} and ${s.label('head_dim')} are missing (positive integers with num_heads · head_dim = d_inner ${dInner})`,
      );
    if (nHeads * headDim !== dInner)
      throw new ConfigError(
        s.label('num_heads'),
        `${s.label('num_heads')} ${nHeads} × head_dim ${headDim} must equal d_inner = expand × hidden_size = ${dInner}`,
      );
    const nGroups = s.int(['n_groups', 'ngroups', 'mamba_n_groups'], {
      max: MAX_WIDTH,
      ...(native ? { fallback: 1, ...why } : {}),
    });
    return { version: 2, dInner, dState, dConv, nHeads, headDim, nGroups, convBias, projBias };
  }
  return {
    version: 1,
    dInner,
    dState,
    dConv,
    dtRank: dtRankOf(s, d),
    convBias,
    projBias,
    innerNorms: modelType === 'jamba',
  };
}

/** d_inner: HF Mamba-1 reads `intermediate_size` (Falcon-Mamba's config says expand 16 beside intermediate_size 8192). */
function innerWidth(f: Fields, s: Fields, d: number, expand: number | null, family: Family, native: boolean): number {
  const stated =
    family === 'ssm' && !native
      ? f.optInt(['intermediate_size', 'd_inner'], { max: 10 * MAX_WIDTH })
      : s.optInt('d_inner', { max: 10 * MAX_WIDTH });
  if (stated !== null) {
    if (expand !== null && expand * d !== stated)
      f.notes.push(
        `d_inner is intermediate_size ${stated}; expand ${expand} × hidden_size ${d} = ${expand * d} disagrees and is ignored (the modeling code reads intermediate_size).`,
      );
    return stated;
  }
  if (expand !== null) return expand * d;
  if (native) {
    f.notes.push('ssm_cfg.expand is absent: 2 assumed (mamba_ssm default).');
    return 2 * d;
  }
  const name = family === 'hybrid' ? 'mamba_expand' : 'expand';
  throw new ConfigError(
    s.label(name),
    `${s.label(name)} is missing (a positive integer; d_inner = expand × hidden_size)`,
  );
}

function dtRankOf(s: Fields, d: number): number {
  const name = s.pick(['time_step_rank', 'mamba_dt_rank', 'dt_rank']);
  if (name === undefined || s.raw[name] === 'auto') return Math.ceil(d / 16);
  return s.int(name, { max: MAX_WIDTH });
}

function boolOf(s: Fields, names: readonly string[], fallback: boolean): boolean {
  const name = s.pick(names);
  return name === undefined ? fallback : s.bool(name, fallback);
}
