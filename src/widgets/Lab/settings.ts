/**
 * The lab's settings as pure data: which two to four variants (with their knobs), how many steps, which device, and
 * their URL form (`?lab.v=mha,gqa2,mla16,ssm16&lab.steps=200&lab.device=wasm`). Bad parameters fall back to the
 * defaults with a note naming the key; editing helpers keep the selection valid (2–4 distinct variants).
 */
import {
  defaultVariant,
  LAB_DEFAULT_STEPS,
  LAB_FAMILIES,
  LAB_STEP_OPTIONS,
  labFamily,
  parseVariantId,
  variantId,
  type LabKind,
  type LabVariant,
} from '../../lab/variants';
import type { LabDevice } from '../../lab/protocol';
import { ParamReader, prefixed } from '../shared/params';

export const MIN_VARIANTS = 2;
export const MAX_VARIANTS = 4;
/** The seed of every run (initial weights and batches); the recorded run uses it too. */
export const LAB_SEED = 1;

export interface LabSettings {
  readonly variants: readonly LabVariant[];
  readonly steps: number;
  readonly device: LabDevice;
}

export const DEFAULT_SETTINGS: LabSettings = {
  variants: (['mha', 'gqa', 'mla', 'ssm'] as const).map(defaultVariant),
  steps: LAB_DEFAULT_STEPS,
  device: 'wasm',
};

const PREFIX = 'lab';

/** Settings from the query string, with notes for every value that had to be replaced. */
export function settingsFromUrl(query: URLSearchParams): { settings: LabSettings; notes: string[] } {
  const reader = new ParamReader(query, PREFIX);
  const steps = reader.choice('steps', LAB_STEP_OPTIONS, LAB_DEFAULT_STEPS);
  const device = reader.choice<LabDevice>('device', ['wasm', 'webgpu'], 'wasm');
  const notes = [...reader.notes];
  const raw = reader.raw('v');
  let variants = DEFAULT_SETTINGS.variants;
  if (raw !== null) {
    const parts = raw.split(',').filter((p) => p.trim() !== '');
    const parsed: LabVariant[] = [];
    const rejected: string[] = [];
    for (const part of parts) {
      const v = parseVariantId(part);
      if (!v) rejected.push(part.slice(0, 20));
      else if (!parsed.some((p) => variantId(p) === variantId(v))) parsed.push(v);
    }
    if (rejected.length)
      notes.push(`From the link: lab.v ignores ${rejected.map((r) => `"${r}"`).join(', ')} (not a lab variant id).`);
    if (parsed.length > MAX_VARIANTS)
      notes.push(`From the link: lab.v lists ${parsed.length} variants; the lab trains at most ${MAX_VARIANTS}.`);
    if (parsed.length < MIN_VARIANTS)
      notes.push(`From the link: lab.v needs ${MIN_VARIANTS} to ${MAX_VARIANTS} variants; using the default four.`);
    else variants = parsed.slice(0, MAX_VARIANTS);
  }
  return { settings: { variants, steps, device }, notes };
}

/** The URL values of `settings` (defaults left out). */
export function settingsToUrl(s: LabSettings): Record<string, string | number | undefined> {
  return prefixed(PREFIX, {
    v: [s.variants.map(variantId).join(','), DEFAULT_SETTINGS.variants.map(variantId).join(',')],
    steps: [s.steps, LAB_DEFAULT_STEPS],
    device: [s.device, 'wasm'],
  });
}

const ids = (variants: readonly LabVariant[]) => variants.map(variantId);

/** A variant of `kind` not yet in `variants` (its default knob if free, else the first free knob), or null. */
function freeVariant(kind: LabKind, variants: readonly LabVariant[]): LabVariant | null {
  const taken = ids(variants);
  const f = labFamily(kind);
  const candidates = [defaultVariant(kind)];
  for (const knob of f.knob?.values ?? [])
    for (const topK of f.topK?.values ?? [null]) candidates.push({ kind, knob, topK });
  return candidates.find((c) => !taken.includes(variantId(c))) ?? null;
}

/** Adds the first family not yet chosen (up to MAX_VARIANTS). */
export function addVariant(s: LabSettings): LabSettings {
  if (s.variants.length >= MAX_VARIANTS) return s;
  const next = LAB_FAMILIES.map((f) => freeVariant(f.kind, s.variants)).find((v) => v !== null);
  return next ? { ...s, variants: [...s.variants, next] } : s;
}

/** Removes variant `index` (never below MIN_VARIANTS). */
export function removeVariant(s: LabSettings, index: number): LabSettings {
  if (s.variants.length <= MIN_VARIANTS) return s;
  return { ...s, variants: s.variants.filter((_, i) => i !== index) };
}

/** Changes variant `index` to family `kind` (a knob value not already taken by another row). */
export function setKind(s: LabSettings, index: number, kind: LabKind): LabSettings {
  const others = s.variants.filter((_, i) => i !== index);
  const next = freeVariant(kind, others);
  if (!next) return s;
  return { ...s, variants: s.variants.map((v, i) => (i === index ? next : v)) };
}

/** Sets variant `index`'s knob (or top-k); refused when another row already has that exact variant. */
export function setKnob(s: LabSettings, index: number, knob: number, which: 'knob' | 'topK' = 'knob'): LabSettings {
  const current = s.variants[index];
  if (!current) return s;
  const next = { ...current, [which]: knob };
  if (!parseVariantId(variantId(next))) return s;
  if (s.variants.some((v, i) => i !== index && variantId(v) === variantId(next))) return s;
  return { ...s, variants: s.variants.map((v, i) => (i === index ? next : v)) };
}

/** The options of row `index`'s knob (or top-k) select; values another row already has are marked with its row. */
export function knobOptions(
  s: LabSettings,
  index: number,
  which: 'knob' | 'topK' = 'knob',
): { value: string; label: string }[] {
  const current = s.variants[index];
  const family = current ? labFamily(current.kind) : null;
  const values = (which === 'knob' ? family?.knob?.values : family?.topK?.values) ?? [];
  return values.map((k) => {
    const next = current ? variantId({ ...current, [which]: k }) : '';
    const row = s.variants.findIndex((v, i) => i !== index && variantId(v) === next);
    return { value: String(k), label: row >= 0 ? `${k} (as row ${row + 1})` : String(k) };
  });
}
