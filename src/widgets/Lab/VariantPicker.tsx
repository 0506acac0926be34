/** The run's settings: two to four variant rows (family and knob), steps, device, and the run buttons. Render-only. */
import { formatInteger } from '../../core/units';
import { LAB_FAMILIES, LAB_STEP_OPTIONS, labFamily, type LabKind } from '../../lab/variants';
import type { LabDevice } from '../../lab/protocol';
import { Select } from '../shared/controls';
import { knobOptions, MAX_VARIANTS, MIN_VARIANTS, type LabSettings } from './settings';

interface Props {
  settings: LabSettings;
  /** Settings are locked while a run is loading, training or paused. */
  locked: boolean;
  webgpu: boolean;
  onKind: (index: number, kind: LabKind) => void;
  onKnob: (index: number, value: number, which: 'knob' | 'topK') => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  onSteps: (steps: number) => void;
  onDevice: (device: LabDevice) => void;
}

export function VariantPicker({ settings, locked, webgpu, onKind, onKnob, onAdd, onRemove, onSteps, onDevice }: Props) {
  return (
    <fieldset class="lab__picker" disabled={locked}>
      <legend class="lab__subhead">Variants to train side by side</legend>
      <ol class="lab__rows">
        {settings.variants.map((v, i) => {
          const family = labFamily(v.kind);
          return (
            <li key={`${i}-${v.kind}`} class="lab__row">
              <span class="lab__swatch" style={{ background: `var(--series-${i + 1})` }} aria-hidden="true" />
              <Select
                label={`Variant ${i + 1}`}
                value={v.kind}
                options={LAB_FAMILIES.map((f) => ({ value: f.kind, label: f.name }))}
                onChange={(kind) => onKind(i, kind)}
                disabled={locked}
              />
              {family.knob && (
                <Select
                  label={family.knob.label}
                  value={String(v.knob)}
                  options={knobOptions(settings, i, 'knob')}
                  onChange={(k) => onKnob(i, Number(k), 'knob')}
                  disabled={locked}
                />
              )}
              {family.topK && (
                <Select
                  label={family.topK.label}
                  value={String(v.topK)}
                  options={knobOptions(settings, i, 'topK')}
                  onChange={(k) => onKnob(i, Number(k), 'topK')}
                  disabled={locked}
                />
              )}
              <button
                type="button"
                class="button lab__remove"
                onClick={() => onRemove(i)}
                disabled={locked || settings.variants.length <= MIN_VARIANTS}
                aria-label={`Remove variant ${i + 1}`}
                title={`Remove variant ${i + 1}`}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          );
        })}
      </ol>
      <div class="lab__settings">
        <button
          type="button"
          class="button"
          onClick={onAdd}
          disabled={locked || settings.variants.length >= MAX_VARIANTS}
        >
          Add a variant
        </button>
        <Select
          label="Training steps"
          value={String(settings.steps)}
          options={LAB_STEP_OPTIONS.map((s) => ({ value: String(s), label: formatInteger(s) }))}
          onChange={(s) => onSteps(Number(s))}
          disabled={locked}
        />
        <Select<LabDevice>
          label="Device"
          value={settings.device}
          options={[
            { value: 'wasm', label: 'wasm (CPU)' },
            { value: 'webgpu', label: webgpu ? 'WebGPU' : 'WebGPU (none here)' },
          ]}
          onChange={onDevice}
          disabled={locked}
        />
      </div>
    </fieldset>
  );
}
