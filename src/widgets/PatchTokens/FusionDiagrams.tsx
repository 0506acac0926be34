/** Early fusion against cross-attention, as two small diagrams. Render-only: the tokens and sentences come from tables.ts. */
import type { DiagramToken, FusionDiagrams as Diagrams } from './tables';
import { useScopedId } from '../shared/ids';

function Sequence({ tokens, label }: { tokens: readonly DiagramToken[]; label: string }) {
  return (
    <ol class="ptk__seq" aria-label={label}>
      {tokens.map((t, i) => (
        <li key={i} class={`ptk__tok is-${t.kind}`}>
          {t.label}
        </li>
      ))}
    </ol>
  );
}

export function FusionDiagrams({ diagrams, level }: { diagrams: Diagrams; level: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  const id = `ptk-${useScopedId()}`;
  return (
    <div class="ptk__fusion">
      <section class="ptk__diagram" aria-labelledby={`${id}-early`}>
        <Heading id={`${id}-early`} class="ptk__diagram-title">
          Early fusion (LLaVA, Chameleon)
        </Heading>
        <Sequence tokens={diagrams.early.sequence} label="One sequence: text and image tokens" />
        <div class="ptk__stack" aria-hidden="true">
          <span class="ptk__layer">Decoder layers: causal self-attention over every position</span>
        </div>
        <p>{diagrams.early.sentence}</p>
      </section>
      <section class="ptk__diagram" aria-labelledby={`${id}-cross`}>
        <Heading id={`${id}-cross`} class="ptk__diagram-title">
          Cross-attention (Flamingo)
        </Heading>
        <p class="ptk__resampler">
          <span class="ptk__tok is-image">image</span>
          <span aria-hidden="true">→</span>
          <span class="ptk__box">Perceiver Resampler</span>
          <span aria-hidden="true">→</span>
          <span class="ptk__tok is-latent">{diagrams.cross.latents} latents</span>
        </p>
        <Sequence tokens={diagrams.cross.sequence} label="The language model's sequence: text only" />
        <div class="ptk__stack" aria-hidden="true">
          <span class="ptk__layer is-new">gated cross-attention (new) ← latents</span>
          <span class="ptk__layer">frozen LM block: self-attention over text</span>
          <span class="ptk__layer is-new">gated cross-attention (new) ← latents</span>
          <span class="ptk__layer">frozen LM block</span>
        </div>
        <p>{diagrams.cross.sentence}</p>
      </section>
    </div>
  );
}
