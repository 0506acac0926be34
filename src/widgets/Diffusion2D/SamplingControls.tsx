/** The sampling side panel: dataset, sampler, steps, condition and guidance, the quality figure. Render-only. */
import type { DatasetId } from '../../core/diffusion/data';
import type { SamplerKind } from '../../core/diffusion/sample';
import { Segmented, Slider } from '../shared/controls';
import { classNames, DATASET_LABEL, GUIDANCE_MAX, STEP_LIMITS, type QualityFigure, type ToySettings } from './model';
import type { ClassChoice } from './sampling';

interface Props {
  settings: ToySettings;
  /** The settings of the run on screen (the quality figure belongs to it). */
  shown: ToySettings;
  /** True while training: the dataset cannot change. */
  disabled: boolean;
  onChange: (next: Partial<ToySettings>) => void;
  onResample: () => void;
  canResample: boolean;
  quality: QualityFigure | null;
  preview: { quality: number; step: number } | null;
  /** Switches back from live-trained to shipped weights, when that applies. */
  usePretrained: (() => void) | null;
}

export function SamplingControls({
  settings,
  shown,
  disabled,
  onChange,
  onResample,
  canResample,
  quality,
  preview,
  usePretrained,
}: Props) {
  const limits = STEP_LIMITS[settings.sampler];
  const [nameA, nameB] = classNames(settings.data);
  const drawn = settings.data === 'drawn';
  return (
    <section class="d2d__sampling" aria-label="Sampling">
      <fieldset class="d2d__bare" disabled={disabled}>
        <Segmented<DatasetId>
          label="Data"
          value={settings.data}
          options={(['moons', 'spiral', 'drawn'] as const).map((id) => ({ value: id, label: DATASET_LABEL[id] }))}
          onChange={(data) => onChange({ data })}
        />
      </fieldset>
      <Segmented<SamplerKind>
        label="Sampler"
        value={settings.sampler}
        options={[
          { value: 'ddpm', label: 'DDPM' },
          { value: 'ddim', label: 'DDIM' },
        ]}
        onChange={(sampler) => onChange({ sampler })}
      />
      <p class="control__hint d2d__hint">
        DDPM adds fresh noise at every step; DDIM (η = 0) is deterministic, so a few steps already reach the data.
      </p>
      <Slider
        label="Denoising steps"
        value={settings.steps}
        min={limits.min}
        max={limits.max}
        onChange={(steps) => onChange({ steps })}
        format={(v) => `${v} of 100`}
      />
      <fieldset class="d2d__bare" disabled={drawn}>
        <Segmented<ClassChoice>
          label="Condition (classifier-free guidance)"
          value={settings.cls}
          options={[
            { value: 'none', label: 'None (∅)' },
            { value: 'a', label: nameA },
            { value: 'b', label: nameB },
          ]}
          onChange={(cls) => onChange({ cls })}
        />
      </fieldset>
      <Slider
        label="Guidance scale w"
        value={settings.guidance}
        min={0}
        max={GUIDANCE_MAX}
        step={0.5}
        onChange={(guidance) => onChange({ guidance })}
        format={(v) => `w = ${v}`}
        disabled={settings.cls === 'none'}
        hint={
          drawn
            ? 'Your points have no classes, so there is nothing to guide towards.'
            : 'w = 0 ignores the class, 1 is plain conditioning, above 1 pushes harder (ε̃ = ε∅ + w·(ε_c − ε∅)).'
        }
      />
      <div class="d2d__buttons">
        <button type="button" class="button" onClick={onResample} disabled={!canResample}>
          New samples
        </button>
        {usePretrained && (
          <button type="button" class="button" onClick={usePretrained}>
            Use pre-trained weights
          </button>
        )}
      </div>
      <div class="d2d__quality" aria-live="off">
        <span class="d2d__quality-label">Quality</span>
        {preview ? (
          <>
            <span class="d2d__quality-value">{preview.quality.toFixed(3)}</span>
            <span class="d2d__quality-detail">preview at training step {preview.step} (200 DDIM samples)</span>
          </>
        ) : quality ? (
          <>
            <span class="d2d__quality-value" data-quality={quality.value}>
              {quality.valueText}
            </span>
            <span class="d2d__quality-detail">{quality.detail}</span>
            {quality.purity !== null && (
              <span class="d2d__quality-detail">
                {Math.round(quality.purity * 100)} % of samples are nearest to the{' '}
                {classNames(shown.data)[shown.cls === 'a' ? 0 : 1]}
              </span>
            )}
          </>
        ) : (
          <span class="d2d__quality-detail">appears when a run finishes</span>
        )}
      </div>
    </section>
  );
}
