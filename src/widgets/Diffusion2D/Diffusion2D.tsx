/**
 * A toy 2-D diffusion model, live: pick two moons, a spiral or draw points; sample with DDPM or DDIM from weights
 * this project pre-trained (fetched on demand, ~20 KB) or from a model you train here in a Web Worker with jax-js
 * (loaded only when you press Train); watch the reverse trajectories; steer with classifier-free guidance.
 * Render-only: numbers and sentences come from model.ts, trainView.ts and sampling.ts.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { drawnDataset, MIN_DRAWN_POINTS, stamp, type Dataset2D, type DatasetId } from '../../core/diffusion/data';
import { mlpFromTensors, type Mlp } from '../../core/diffusion/mlp';
import { useScopedId } from '../shared/ids';
import { prefersReducedMotion } from '../shared/theme';
import { useUrlRestore, useUrlSync } from '../shared/url';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import { SAMPLE_POINTS, SAMPLE_SEED } from './config';
import { loadShipped } from './load';
import {
  baselines,
  builtinDataset,
  DEFAULT_TOY,
  legend,
  moveBrush,
  normalize,
  pathStyle,
  provenanceFor,
  qualityFigure,
  readout,
  shownSettings,
  sourceNote,
  toyFromUrl,
  toyToUrl,
  type QualityFigure,
  type ToySettings,
  type WeightSource,
} from './model';
import { DEFAULT_TRAIN } from './trainer';
import { advanceRun, runProgress, startRun, type SampleRun } from './sampling';
import { SamplingControls } from './SamplingControls';
import { StageFooter } from './StageFooter';
import { ToyCanvas } from './ToyCanvas';
import { TrainingPanel } from './TrainingPanel';
import { startTraining, type TrainingRun } from './trainingClient';
import { IDLE_TRAIN, reduceTrain, startTrain, trainingView, type TrainState } from './trainView';
import './diffusion-2d.css';

export interface Diffusion2DProps {
  level?: 2 | 3;
  /** Read and write the page's URL (the explorer page's copy). */
  url?: boolean;
}

interface LiveModel {
  mlp: Mlp;
  steps: number;
}

export function Diffusion2D({ level = 3, url = false }: Diffusion2DProps) {
  const hintId = useScopedId();
  const [settings, setSettings] = useState<ToySettings>(DEFAULT_TOY);
  const [notes, setNotes] = useState<string[]>([]);
  const [drawn, setDrawn] = useState<{ x: number; y: number }[]>([]);
  const [strokes, setStrokes] = useState<number[]>([]);
  const [brush, setBrush] = useState({ x: 0, y: 0 });
  const [model, setModel] = useState<{ mlp: Mlp; source: WeightSource } | null>(null);
  const [loading, setLoading] = useState(false);
  const [live, setLive] = useState<Partial<Record<DatasetId, LiveModel>>>({});
  const [seed, setSeed] = useState(SAMPLE_SEED);
  const [run, setRun] = useState<SampleRun | null>(null);
  const [tick, setTick] = useState(0);
  const [quality, setQuality] = useState<QualityFigure | null>(null);
  const [preview, setPreview] = useState<{ samples: Float32Array; quality: number; step: number } | null>(null);
  const [train, setTrain] = useState<TrainState>(IDLE_TRAIN);
  const [error, setError] = useState<string | null>(null);
  const training = useRef<TrainingRun | null>(null);

  useUrlRestore((params) => {
    const linked = toyFromUrl(params);
    setSettings(linked.settings);
    setNotes(linked.notes);
  }, url);
  useUrlSync(toyToUrl(settings), url);

  const data: Dataset2D = useMemo(
    () => (settings.data === 'drawn' ? drawnDataset(drawn) : builtinDataset(settings.data)),
    [settings.data, drawn],
  );
  const pointCount = data.points.length / 2;
  const base = useMemo(() => (data.points.length > 0 ? baselines(data) : null), [data]);
  const busy = train.status === 'loading' || train.status === 'training';

  // The model for the current dataset: one trained here (kept per dataset), else the shipped weights.
  useEffect(() => {
    const id = settings.data;
    const own = live[id];
    if (own) {
      setModel({ mlp: own.mlp, source: { kind: 'live', data: id, steps: own.steps } });
      return;
    }
    setModel(null);
    if (id === 'drawn') return;
    let cancelled = false;
    setLoading(true);
    loadShipped(id).then(
      ({ mlp, entry }) => {
        if (cancelled) return;
        setLoading(false);
        setModel({ mlp, source: { kind: 'shipped', data: id, steps: entry.train.steps } });
      },
      (e: unknown) => {
        if (cancelled) return;
        setLoading(false);
        setError(
          `The pre-trained weights could not be loaded (${e instanceof Error ? e.message : String(e)}). Train live instead.`,
        );
      },
    );
    return () => {
      cancelled = true;
    };
  }, [settings.data, live]);

  // A new run whenever the model or the sampling settings change (debounced), unless training is in progress.
  useEffect(() => {
    if (!model || busy) return;
    const timer = setTimeout(() => {
      setQuality(null);
      setRun(
        startRun(model.mlp, {
          kind: settings.sampler,
          steps: settings.steps,
          cls: settings.cls,
          guidance: settings.guidance,
          n: SAMPLE_POINTS,
          seed,
        }),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [model, settings.sampler, settings.steps, settings.cls, settings.guidance, seed, busy]);

  // Advance the run between frames: animated, or (reduced motion) in ~12 ms slices drawn only at the end.
  useEffect(() => {
    if (!run) return;
    const reduced = prefersReducedMotion();
    const framesPerStep = Math.max(1, Math.round(48 / run.settings.steps));
    let frame = 0;
    let raf = 0;
    const tickFrame = () => {
      const started = performance.now();
      if (reduced) {
        while (!run.sampler.done && performance.now() - started < 12) advanceRun(run, 1);
      } else if (frame++ % framesPerStep === 0) {
        advanceRun(run, 1);
        setTick((k) => k + 1);
      }
      if (run.sampler.done) {
        setTick((k) => k + 1);
        setQuality(base ? qualityFigure(run.sampler.x, data, run.settings.cls, base) : null);
        return;
      }
      raf = requestAnimationFrame(tickFrame);
    };
    raf = requestAnimationFrame(tickFrame);
    return () => cancelAnimationFrame(raf);
  }, [run]);

  useEffect(() => () => training.current?.terminate(), []);

  const startLiveTraining = () => {
    if (busy || pointCount < MIN_DRAWN_POINTS) return;
    const id = settings.data;
    const total = settings.trainSteps;
    setTrain(startTrain(total));
    setPreview(null);
    setRun(null);
    setQuality(null);
    training.current = startTraining(
      {
        type: 'start',
        dataset: id,
        points: data.points,
        labels: data.labels,
        classes: data.classes,
        steps: total,
        seed: DEFAULT_TRAIN.seed,
      },
      (message) => {
        setTrain((s) => reduceTrain(s, message));
        if (message.type === 'snapshot')
          setPreview({ samples: message.samples, quality: message.quality, step: message.step });
        if (message.type === 'done') {
          setPreview(null);
          const mlp = mlpFromTensors(DEFAULT_TRAIN.mlp, message.weights);
          setLive((m) => ({ ...m, [id]: { mlp, steps: message.step } }));
        }
      },
    );
  };

  const addStamp = (x: number, y: number) => {
    const pts = stamp(x, y, 5, 0.06, drawn.length + 1);
    setDrawn((d) => [...d, ...pts].slice(0, 2000));
    setStrokes((s) => [...s, pts.length]);
  };
  const undo = () => {
    const lastStroke = strokes[strokes.length - 1];
    if (lastStroke === undefined) return;
    setDrawn((d) => d.slice(0, d.length - lastStroke));
    setStrokes((s) => s.slice(0, -1));
  };
  const onCanvasKey = (event: KeyboardEvent) => {
    if (settings.data !== 'drawn') return;
    const moved = moveBrush(brush, event.key, event.shiftKey);
    if (moved) {
      event.preventDefault();
      setBrush(moved);
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      addStamp(brush.x, brush.y);
    } else if (event.key === 'Backspace' || event.key === 'Delete') {
      event.preventDefault();
      undo();
    }
  };

  const source: WeightSource = model?.source ?? (loading ? { kind: 'loading' } : { kind: 'none' });
  const { provenance, detail } = provenanceFor(source);
  const progress = run ? runProgress(run) : null;
  const blocked =
    pointCount < MIN_DRAWN_POINTS ? `Draw at least ${MIN_DRAWN_POINTS} points first (${pointCount} so far).` : null;
  const trainView = useMemo(() => trainingView(train, blocked), [train, blocked]);
  const step = progress?.step ?? 0;
  const done = progress?.done ?? false;
  // Memoised so the canvas redraws only when what it shows moved on, not on every training message or slider input.
  const showing = useMemo(
    () =>
      preview
        ? { samples: preview.samples, start: null, paths: null }
        : run
          ? {
              samples: run.sampler.x,
              start: done ? run.tracedStart : null,
              paths: {
                coords: run.paths,
                count: Math.min(run.traced.length, pathStyle(run.settings.kind).count),
                alpha: pathStyle(run.settings.kind).alpha,
                stride: run.settings.steps + 1,
                upTo: step,
              },
            }
          : { samples: null, start: null, paths: null },
    [preview, run, step, done],
  );
  const legendItems = useMemo(() => legend(data, run?.settings.cls ?? 'none'), [data, run]);
  const shown = shownSettings(settings, run?.settings ?? null);
  const sentence = readout({
    settings: shown,
    source,
    progress,
    quality,
    drawnCount: drawn.length,
    training: busy ? { step: train.step, total: train.total } : null,
  });

  return (
    <WidgetFrame
      class="d2d"
      title="A toy diffusion model, live"
      lead="Noise in, data out: a 9,794-parameter denoiser turns Gaussian noise into two moons or a spiral. Sample it, steer it with guidance, or train your own in the browser."
      provenance={provenance}
      provenanceDetail={detail}
      notes={error ? [...notes, error] : notes}
      level={level}
    >
      <div class="d2d__layout">
        <div class="d2d__stage">
          <ToyCanvas
            data={data}
            samples={showing.samples}
            sampleClass={run?.settings.cls ?? 'none'}
            start={showing.start}
            paths={showing.paths}
            drawMode={settings.data === 'drawn'}
            brush={brush}
            label={sentence}
            describedBy={settings.data === 'drawn' ? hintId : undefined}
            tick={tick}
            onStamp={addStamp}
            onKeyDown={onCanvasKey}
          />
          <StageFooter
            hintId={hintId}
            drawMode={settings.data === 'drawn'}
            progress={progress}
            preview={preview}
            drawnCount={drawn.length}
            legend={legendItems}
            source={sourceNote(source, settings.data)}
            onUndo={undo}
            onClear={() => {
              setDrawn([]);
              setStrokes([]);
            }}
          />
        </div>
        <div class="d2d__side">
          <SamplingControls
            settings={settings}
            shown={shown}
            disabled={busy}
            onChange={(next) => setSettings((s) => normalize({ ...s, ...next }))}
            onResample={() => setSeed((s) => s + 1)}
            canResample={model !== null && !busy}
            quality={quality}
            preview={preview}
            usePretrained={
              settings.data !== 'drawn' && source.kind === 'live' && !busy
                ? () => setLive((m) => ({ ...m, [settings.data]: undefined }))
                : null
            }
          />
          <TrainingPanel
            view={trainView}
            steps={settings.trainSteps}
            onSteps={(trainSteps) => setSettings((s) => ({ ...s, trainSteps }))}
            onStart={startLiveTraining}
            onStop={() => training.current?.stop()}
            blocked={blocked}
            state={train}
          />
        </div>
      </div>
      <LiveReadout>{progress && !progress.done ? 'Sampling…' : sentence}</LiveReadout>
    </WidgetFrame>
  );
}

export default Diffusion2D;
