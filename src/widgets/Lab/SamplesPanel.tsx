/** Text sampled from each variant after a prompt. Render-only. */
import type { RunSamples } from '../../lab/record';
import { PromptField } from './PromptField';

interface Props {
  prompt: string;
  onPrompt: (value: string) => void;
  onSample: () => void;
  canSample: boolean;
  busy: boolean;
  hint: string;
  samples: RunSamples | null;
  variants: readonly { id: string; label: string; color: number }[];
  heading: string;
}

export function SamplesPanel({ prompt, onPrompt, onSample, canSample, busy, hint, samples, variants, heading }: Props) {
  return (
    <section class="lab__panel" aria-label="Samples">
      <p class="lab__subhead">Samples</p>
      <PromptField
        label="Prompt"
        value={prompt}
        onInput={onPrompt}
        action={busy ? 'Sampling…' : 'Sample from each'}
        onAction={onSample}
        disabled={!canSample || busy}
        hint={hint}
      />
      {samples && (
        <>
          <p class="lab__caption">{heading}</p>
          <ul class="lab__samples">
            {samples.results.map((r) => {
              const v = variants.find((x) => x.id === r.id);
              return (
                <li key={r.id} data-variant={r.id}>
                  <span class="lab__sample-name">
                    <span
                      class="lab__swatch"
                      style={{ background: `var(--series-${v?.color ?? 6})` }}
                      aria-hidden="true"
                    />
                    {v?.label ?? r.id}
                  </span>
                  <span class="lab__sample-text">
                    <span class="lab__sample-prompt">{samples.prompt}</span>
                    {r.text}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
