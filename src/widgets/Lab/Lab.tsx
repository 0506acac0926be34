/**
 * The architecture lab: pick two to four tiny variants (MHA, GQA, MQA, MLA, sliding window, Mamba-2 SSM, MoE FFN),
 * train them side by side in a Web Worker with jax-js on the same seeded batches, and compare loss curves,
 * throughput, parameters, KV bytes and FLOPs per token, samples and attention maps. The page starts from a recorded
 * run so it is never empty. Render-only: settings.ts, runState.ts, view.ts and attention.ts compute everything.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { labWorker, type LabWorker } from '../../lab/client';
import type { VariantMetrics } from '../../lab/metrics';
import type { LabRunRecord } from '../../lab/record';
import { SAMPLE_LENGTH, SAMPLE_TEMPERATURE, variantId, variantLabel } from '../../lab/variants';
import { LineChart } from '../shared/LineChart';
import { useUrlRestore, useUrlSync } from '../shared/url';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import { prepareInput } from '../TinyAttention/model';
import { useHeatRamp } from '../TinyAttention/useHeatRamp';
import { attentionPanel } from './attention';
import { AttentionPanel } from './AttentionPanel';
import { chartPng, download } from './exportFiles';
import { MetricsTable } from './MetricsTable';
import { RunButtons } from './RunButtons';
import { SamplesPanel } from './SamplesPanel';
import {
  addVariant,
  DEFAULT_SETTINGS,
  LAB_SEED,
  removeVariant,
  setKind,
  setKnob,
  settingsFromUrl,
  settingsToUrl,
  type LabSettings,
} from './settings';
import { hasLiveModels, recordedState, reduceRun, startState, toRecord, type RunState } from './runState';
import { SummaryTable } from './SummaryTable';
import { VariantPicker } from './VariantPicker';
import { labPanels } from './panels';
import { summaryView } from './summary';
import { chartView, metricsRows, readout, runNotes, statusText } from './view';
import './lab.css';

export interface LabProps {
  /** Every variant's computed figures (built at build time from the cores). */
  catalogue: readonly VariantMetrics[];
  /** The recorded run the page starts from. */
  record: LabRunRecord;
  level?: 2 | 3;
  url?: boolean;
}

const chosenOf = (s: LabSettings) => s.variants.map((v) => ({ id: variantId(v), label: variantLabel(v) }));

export function Lab({ catalogue, record, level = 2, url = true }: LabProps) {
  const [settings, setSettings] = useState<LabSettings>(DEFAULT_SETTINGS);
  const [urlNotes, setUrlNotes] = useState<string[]>([]);
  const [run, setRun] = useState<RunState>(() => recordedState(record, chosenOf(DEFAULT_SETTINGS)));
  const [webgpu, setWebgpu] = useState(false);
  const [samplePrompt, setSamplePrompt] = useState('The ');
  const [attentionPrompt, setAttentionPrompt] = useState('The old fox saw the bird.');
  const [attentionVariant, setAttentionVariant] = useState('');
  const [layer, setLayer] = useState(1);
  const worker = useRef<LabWorker | null>(null);
  const runCounter = useRef(0);
  const frame = useRef<HTMLDivElement>(null);
  const ramp = useHeatRamp(frame);
  const chart = useRef<HTMLDivElement>(null);

  useUrlRestore((params) => {
    const linked = settingsFromUrl(params);
    setSettings(linked.settings);
    setUrlNotes(linked.notes);
    setRun(recordedState(record, chosenOf(linked.settings)));
  }, url);
  useUrlSync(settingsToUrl(settings), url);

  useEffect(() => {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    gpu
      ?.requestAdapter()
      .then((adapter) => setWebgpu(adapter !== null))
      .catch(() => setWebgpu(false));
    return () => worker.current?.terminate();
  }, []);

  const send = (message: Parameters<LabWorker['send']>[0]) => {
    worker.current ??= labWorker((m) => setRun((state) => reduceRun(state, m)));
    worker.current.send(message);
  };

  const locked = ['loading', 'training', 'paused'].includes(run.status);
  const edit = (next: LabSettings) => {
    if (locked) return;
    setSettings(next);
    setRun(recordedState(record, chosenOf(next)));
  };

  const start = () => {
    runCounter.current += 1;
    const chosen = chosenOf(settings);
    setRun((previous) => startState(runCounter.current, chosen, settings.steps, LAB_SEED, 16, previous));
    send({
      type: 'start',
      run: runCounter.current,
      variants: chosen.map((c) => c.id),
      steps: settings.steps,
      seed: LAB_SEED,
      device: settings.device,
    });
  };
  const reset = () => {
    send({ type: 'reset' });
    setRun(recordedState(record, chosenOf(settings)));
  };

  const vocab = run.vocab ?? '';
  const sampleInput = prepareInput(samplePrompt, vocab || ' ');
  const attentionInput = prepareInput(attentionPrompt, vocab || ' ');
  const live = hasLiveModels(run);
  const panels = labPanels(run, sampleInput, attentionInput, live);
  const requestSamples = () => {
    if (!live || sampleInput.ids.length === 0) return;
    const prompt = sampleInput.chars.join('');
    setRun((s) => reduceRun(s, { type: 'request-samples', prompt, temperature: SAMPLE_TEMPERATURE, seed: LAB_SEED }));
    send({
      type: 'sample',
      prompt: sampleInput.ids.slice(),
      length: SAMPLE_LENGTH,
      temperature: SAMPLE_TEMPERATURE,
      seed: LAB_SEED,
    });
  };
  const requestAttention = () => {
    if (!live || attentionInput.ids.length === 0) return;
    setRun((s) => reduceRun(s, { type: 'request-attention', prompt: attentionInput.chars.join('') }));
    send({ type: 'attention', prompt: attentionInput.ids.slice() });
  };

  const chartData = useMemo(() => chartView(run), [run.variants, run.source]);
  const rows = metricsRows(run, catalogue);
  const summary = run.status === 'done' || run.status === 'recorded' ? summaryView(run, catalogue) : null;
  const attention = run.attention ? attentionPanel(run.attention, run.variants, attentionVariant, layer) : null;
  const colours = run.variants.map((v, i) => ({ id: v.id, label: v.label, color: i + 1 }));

  return (
    <WidgetFrame
      title="Architecture lab"
      lead="Tiny character-level models that differ only in their token mixer or feed-forward block, trained side by side on the same batches."
      provenance={run.source === 'recorded' ? 'trained' : 'computed'}
      provenanceDetail={
        run.source === 'recorded' ? 'Recorded run · trained by this project' : 'Trained live in your browser'
      }
      notes={[...urlNotes, ...runNotes(run)]}
      level={level}
      class="lab"
    >
      <div ref={frame} class="lab__body">
        <VariantPicker
          settings={settings}
          locked={locked}
          webgpu={webgpu}
          onKind={(i, kind) => edit(setKind(settings, i, kind))}
          onKnob={(i, value, which) => edit(setKnob(settings, i, value, which))}
          onAdd={() => edit(addVariant(settings))}
          onRemove={(i) => edit(removeVariant(settings, i))}
          onSteps={(steps) => edit({ ...settings, steps })}
          onDevice={(device) => edit({ ...settings, device })}
        />
        <RunButtons
          status={run.status}
          onStart={start}
          onPause={() => send({ type: 'pause' })}
          onResume={() => send({ type: 'resume' })}
          onReset={reset}
          onExportJson={() =>
            download(new Blob([JSON.stringify(toRecord(run), null, 2)], { type: 'application/json' }), 'lab-run.json')
          }
          onExportPng={() => {
            if (chart.current)
              void chartPng(chart.current, statusText(run)).then((blob) => blob && download(blob, 'lab-loss.png'));
          }}
        />
        <p class="lab__status" data-status={run.status} data-step={run.step}>
          {statusText(run)}
        </p>
        {run.status !== 'recorded' && run.status !== 'error' && (
          <progress class="lab__progress" max={run.settings.steps} value={run.step} aria-label="Training progress" />
        )}
        <div ref={chart} class="lab__chart">
          <LineChart
            series={chartData.series}
            xLabel="training step"
            yLabel="loss (nats / char)"
            description={chartData.description}
            yDomain={chartData.yDomain}
            formatY={(v) => v.toFixed(1)}
            height={280}
            legend={false}
          />
          <ul class="chart__legend" aria-hidden="true">
            {chartData.legend.map((entry) => (
              <li key={entry.label}>
                <span
                  class={`chart__swatch${entry.dashed ? ' chart__swatch--dashed' : ''}`}
                  style={{ borderColor: entry.color }}
                />
                {entry.label}
              </li>
            ))}
          </ul>
        </div>
        <MetricsTable rows={rows} caption={panels.tableCaption} />
        {panels.router.length > 0 && (
          <ul class="lab__router" aria-label="MoE router load">
            {panels.router.map((r) => (
              <li key={r.id}>{r.text}</li>
            ))}
          </ul>
        )}
        {summary && <SummaryTable summary={summary} heading={panels.summaryHeading} />}
        <div class="lab__panels">
          <SamplesPanel
            prompt={samplePrompt}
            onPrompt={setSamplePrompt}
            onSample={requestSamples}
            canSample={panels.canSample}
            busy={run.pending.samples !== null}
            hint={panels.sampleHint}
            samples={run.samples}
            variants={colours}
            heading={panels.samplesHeading}
          />
          <AttentionPanel
            prompt={attentionPrompt}
            onPrompt={setAttentionPrompt}
            onShow={requestAttention}
            canShow={panels.canAttention}
            busy={run.pending.attention !== null}
            hint={panels.attentionHint}
            view={attention}
            variant={attentionVariant || attention?.options[0]?.value || ''}
            onVariant={setAttentionVariant}
            layer={layer}
            onLayer={setLayer}
            ramp={ramp}
          />
        </div>
        <LiveReadout>{readout(run)}</LiveReadout>
      </div>
    </WidgetFrame>
  );
}
