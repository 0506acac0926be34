/**
 * Captions, hints and enabled states of the lab's secondary panels (metrics table, router loads, summary, samples,
 * attention maps), as sentences derived from the run state. Pure.
 */
import { formatInteger } from '../../core/units';
import { SAMPLE_LENGTH, SAMPLE_TEMPERATURE } from '../../lab/variants';
import type { RunState } from './runState';

/** The outcome of mapping a typed prompt onto the vocabulary (TinyAttention's prepareInput). */
interface Prepared {
  readonly chars: readonly string[];
  readonly ids: readonly number[];
  readonly notes: readonly string[];
}

export interface PanelsView {
  readonly tableCaption: string;
  readonly router: { id: string; text: string }[];
  readonly summaryHeading: string;
  readonly canSample: boolean;
  readonly sampleHint: string;
  readonly samplesHeading: string;
  readonly canAttention: boolean;
  readonly attentionHint: string;
}

const notLive = (state: RunState) =>
  state.status === 'loading'
    ? 'Available once the models are compiled.'
    : 'Start a run first: samples and attention maps come from the models training in your browser.';

function promptHint(p: Prepared, state: RunState, live: boolean, what: string): string {
  if (!live) return notLive(state);
  if (p.ids.length === 0) return "Type at least one character the models know (letters, space, . , ! ? ').";
  return p.notes.length ? p.notes.join(' ') : what;
}

export function labPanels(state: RunState, sample: Prepared, attention: Prepared, live: boolean): PanelsView {
  const recorded = state.source === 'recorded';
  const router = state.routerLoads.flatMap(({ id, loads }) => {
    const label = state.variants.find((v) => v.id === id)?.label ?? id;
    const layers = loads.map((layer, l) => {
      const total = layer.reduce((a, b) => a + b, 0) || 1;
      return `layer ${l + 1}: ${layer.map((n) => `${Math.round((n / total) * 100)}%`).join(' / ')}`;
    });
    return [{ id, text: `${label}, share of routed tokens per expert in the last batch: ${layers.join('; ')}.` }];
  });
  const samples = state.samples;
  return {
    tableCaption: recorded
      ? `Parameters, KV bytes (fp32, both layers) and FLOPs come from the atlas's cores; tokens/s and losses from the recorded run (${state.runtime}).`
      : "Parameters, KV bytes (fp32, both layers) and FLOPs come from the atlas's cores; tokens/s is each model's own step time in your browser (the models take turns).",
    router,
    summaryHeading: recorded
      ? `Summary of the recorded run (${formatInteger(state.step)} steps)`
      : `Summary after ${formatInteger(state.step)} steps in your browser`,
    canSample: live && sample.ids.length > 0,
    sampleHint: promptHint(
      sample,
      state,
      live,
      `${formatInteger(SAMPLE_LENGTH)} characters from each model at temperature ${SAMPLE_TEMPERATURE}, seeded.`,
    ),
    samplesHeading: samples
      ? `${recorded ? 'Recorded samples' : 'Samples'} after ${formatInteger(samples.step)} steps, temperature ${samples.temperature}, seed ${samples.seed}; the prompt is shown faded.`
      : '',
    canAttention: live && attention.ids.length > 0,
    attentionHint: promptHint(
      attention,
      state,
      live,
      'Every head of the attention variants (the SSM has none); at most 64 characters.',
    ),
  };
}
