/**
 * Attention patterns explorer: choose a mask, step through the tokens and see which keys each one attends to, what
 * the mask costs and, for sliding windows, how far information spreads across layers. Render-only: every number and
 * sentence comes from model.ts, grid.ts and heatmap.ts over src/core/masks.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { useUrlRestore, useUrlSync } from '../shared/url';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import { CostPanel } from './CostPanel';
import { buildHeader, buildRow, clampCell, probeText, type Cell } from './grid';
import { MaskGrid } from './MaskGrid';
import { MaskHeatmap } from './MaskHeatmap';
import { Memo } from './Memo';
import { buildView, computeMatrix, costFromMatrix } from './model';
import { PatternControls } from './PatternControls';
import { ReceptiveFieldChart } from './ReceptiveFieldChart';
import { fromUrl, initialState, stepToken, toUrl, update, type PresetName, type RawPatch } from './state';
import { TokenStepper } from './TokenStepper';
import './attention-patterns.css';

export interface AttentionPatternsProps {
  /** A named starting view for embeds: source (default), causal, causal-sliding, grouped-window, flash. */
  preset?: PresetName;
  pattern?: string;
  n?: number;
  token?: number;
  direction?: 'causal' | 'bidirectional';
  window?: number;
  dilation?: number;
  /** Global token positions, e.g. [1, 9] or "1,9". */
  global?: readonly number[] | string;
  group?: number;
  chunk?: number;
  prefix?: number;
  layers?: number;
  tiles?: boolean;
  /** Heading level of the title: 2 on the explorer page, 3 inside entries and the home band. */
  level?: 2 | 3;
  /** Read and write the page's URL: only the page's main copy (the explorer) does. */
  url?: boolean;
}

export function AttentionPatterns({ preset, level = 3, url = false, ...props }: AttentionPatternsProps) {
  const initial = useMemo(() => initialState(preset, props), []);
  const [state, setState] = useState(initial.state);
  const [linkNotes, setLinkNotes] = useState<string[]>([]);
  const [focus, setFocus] = useState<Cell>({ query: initial.state.token, key: 1 });
  const [probe, setProbe] = useState<Cell | null>(null);
  const buffer = useRef<Uint8Array | undefined>(undefined);

  useUrlRestore((query) => {
    const linked = fromUrl(query, initial.state);
    setState(linked.state);
    setLinkNotes(linked.notes);
  }, url);
  useUrlSync(toUrl(state), url);

  const version = `${state.pattern} ${JSON.stringify(state.params)}`;
  const matrix = useMemo(() => (buffer.current = computeMatrix(state, buffer.current)), [version]);
  const cost = useMemo(() => costFromMatrix(state, matrix), [version]);
  const view = useMemo(() => buildView(state, matrix, cost), [version, state.token, state.layers, state.tiles]);
  const grid = useMemo(
    () => (view.display === 'grid' ? buildHeader(state, matrix) : null),
    [version, state.token, state.tiles],
  );
  const n = state.params.n;
  const patch = (values: RawPatch) => setState((current) => update(current, values));
  const chooseToken = (token: number) => patch({ token });

  return (
    <WidgetFrame
      class="attn"
      title="Attention patterns"
      lead="Pick a pattern and step through the tokens: each row is a query, each filled cell a key it may attend to."
      provenance="computed"
      provenanceDetail="Computed live from the mask rules"
      notes={[...initial.notes, ...linkNotes]}
      level={level}
    >
      <Memo
        memoKey={`${version} ${state.tiles}`}
        render={() => <PatternControls state={state} view={view} onPatch={patch} />}
      />
      {view.causalNote && (
        <p class="attn__note">
          <span>{view.causalNote}</span>
          <button type="button" class="button attn__switch" onClick={() => patch({ direction: 'causal' })}>
            Switch to causal
          </button>
        </p>
      )}
      <TokenStepper
        token={state.token}
        {...view.ranges.token}
        text={view.tokenText}
        onChange={chooseToken}
        onStep={(delta) => setState((current) => stepToken(current, delta))}
      />
      <LiveReadout>
        {view.sentenceParts.map((part) =>
          part.range ? (
            <span key={part.text} class="attn__range">
              {part.text}
            </span>
          ) : (
            part.text
          ),
        )}
      </LiveReadout>
      <div class="attn__main">
        <div class="attn__matrix">
          {grid ? (
            <MaskGrid
              grid={grid}
              rowOf={(query) => buildRow(state, matrix, query)}
              version={`${version} ${state.tiles}`}
              token={state.token}
              focus={clampCell(focus, n)}
              n={n}
              onFocusCell={setFocus}
              onProbe={setProbe}
              onChooseToken={chooseToken}
            />
          ) : (
            <MaskHeatmap
              matrix={matrix}
              version={version}
              n={n}
              token={state.token}
              tile={view.heatmap.tile}
              label={view.heatmap.label}
              onProbe={setProbe}
              onChooseToken={chooseToken}
            />
          )}
          <p class="attn__probe">{probe ? probeText(state, matrix, probe) : view.probeHint}</p>
          <ul class="widget__legend" aria-label="Legend">
            <li>
              <span class="attn__swatch is-on" aria-hidden="true" />
              can attend
            </li>
            <li>
              <span class="attn__swatch is-off" aria-hidden="true" />
              masked
            </li>
            <li>
              <span class="attn__swatch is-mark" aria-hidden="true" />
              keys of token {state.token}
            </li>
          </ul>
        </div>
        <div class="attn__side">
          <Memo memoKey={JSON.stringify(view.cost)} render={() => <CostPanel cost={view.cost} />} />
          {view.tiles && <p class="attn__tiles">{view.tiles.sentence}</p>}
          {view.receptive && (
            <Memo
              memoKey={`${view.receptive.sentence} ${view.receptive.description}`}
              render={() =>
                view.receptive && <ReceptiveFieldChart view={view.receptive} onLayers={(layers) => patch({ layers })} />
              }
            />
          )}
        </div>
      </div>
      <footer class="attn__source">
        <p>
          {view.pattern.label}: <a href={view.citation.href}>{view.citation.text}</a>
          {view.seeAlso.map((link) => (
            <span key={link.href}>
              {' '}
              · see also <a href={link.href}>{link.text}</a>
            </span>
          ))}
        </p>
        {!url && (
          <p>
            <a href={view.explorerHref}>Open this view in the attention patterns explorer</a>
          </p>
        )}
      </footer>
    </WidgetFrame>
  );
}
