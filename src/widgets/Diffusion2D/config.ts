/**
 * Fixed settings of the 2-D diffusion toy, shared by the widget, its training Worker, the Node pre-training script
 * and the tests, so a figure computed in one place is reproducible in every other.
 */
import type { SamplerKind } from '../../core/diffusion/sample';

/** Diffusion steps T of the toy (linear schedule, β from 1e-3 to 0.2 after the 1000/T scaling). */
export const TOY_T = 100;
/** Points per toy dataset and the seed that draws them. */
export const DATA_POINTS = 1000;
export const DATA_SEED = 7;
/** Samples drawn per run and the default seed (the quality figure of the shipped weights uses these). */
export const SAMPLE_POINTS = 400;
export const SAMPLE_SEED = 2024;
/** The sampler setting the shipped quality figure is measured with (the widget's default). */
export const EVAL_SAMPLER: { kind: SamplerKind; steps: number } = { kind: 'ddim', steps: 20 };
/** Steps of the shipped pre-training runs. */
export const PRETRAIN_STEPS = 20_000;
/** Live training: default and largest step counts. */
export const LIVE_STEPS = 2000;
export const MAX_LIVE_STEPS = 10_000;
/** Where the page fetches the shipped weights from (public/models/diffusion/). */
export const WEIGHTS_URL = '/models/diffusion/manifest.json';
