/**
 * FlashTiles: FlashAttention's forward pass stepped tile by tile on seeded tensors — which scores have been seen, the
 * current tile, and for its rows the running maximum m and sum ℓ before and after, with the factor that rescales the
 * old sum and output — then the paper's model of HBM accesses against sequence length. Render-only: model.ts computes
 * every number and sentence from src/core/flashAttention.
 */
import { useMemo } from 'preact/hooks';
import { formatInteger } from '../../core/units';
import { Controls, Select, Slider, Toggle } from '../shared/controls';
import { decadeTick } from '../shared/format';
import { LineChart } from '../shared/LineChart';
import { Stepper } from '../shared/Stepper';
import { useLinkedState } from '../shared/url';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import {
  BLOCKS,
  DEFAULT_STATE,
  HEAD_DIMS,
  MAX_EXP,
  MIN_EXP,
  SIZES,
  SRAM_KIB,
  cellPx,
  hbmView,
  readState,
  runFlash,
  tileCount,
  tileView,
  toUrl,
  withSizes,
  type FlashState,
} from './model';
import './flash-tiles.css';

interface Props {
  level?: 2 | 3;
  /** Read and write the page's query string (keys prefixed "flash."). */
  url?: boolean;
}

const options = <T extends number>(values: readonly T[], label: (v: T) => string = String) =>
  values.map((v) => ({ value: String(v), label: label(v) }));

export function FlashTiles({ level = 3, url = true }: Props) {
  const [state, setState, notes] = useLinkedState<FlashState>(DEFAULT_STATE, readState, toUrl, url);
  const set = (patch: Partial<FlashState>) => setState((s) => ({ ...s, ...patch }));
  const sizes = (patch: Partial<Pick<FlashState, 'n' | 'br' | 'bc'>>) => setState((s) => withSizes(s, patch));

  const run = useMemo(() => runFlash(state), [state.n, state.br, state.bc, state.causal]);
  const view = useMemo(() => tileView(run, state.n, state.step), [run, state.step]);
  const hbm = useMemo(() => hbmView(state), [state.seqExp, state.headDim, state.sramKib]);
  const total = tileCount(state);
  const blocks = BLOCKS.filter((b) => b <= state.n);

  const chart = useMemo(
    () => (
      <LineChart
        series={hbm.series}
        description={`HBM accesses against sequence length for d = ${state.headDim} and M = ${formatInteger(hbm.sram)} elements, standard attention and the tiled kernel, log–log`}
        xLabel="Sequence length N (log scale)"
        yLabel="HBM accesses (elements)"
        xScale="log"
        yScale="log"
        formatX={decadeTick}
        formatY={decadeTick}
        markers={[{ x: hbm.n, label: `N = ${formatInteger(hbm.n)}` }]}
        height={250}
      />
    ),
    [hbm],
  );

  return (
    <WidgetFrame
      class="flash"
      title="FlashAttention, tile by tile"
      lead="Attention computed one tile at a time with an online softmax: each row keeps a running maximum m and sum ℓ, rescaled whenever a tile raises the maximum."
      provenance="computed"
      provenanceDetail="Computed live · seeded Q, K, V, d = 4"
      notes={notes}
      level={level}
    >
      <Controls label="Tiles">
        <Select
          label="Tokens n"
          value={String(state.n)}
          options={options(SIZES)}
          onChange={(v) => sizes({ n: Number(v) as FlashState['n'] })}
        />
        <Select
          label="Query block B_r"
          value={String(state.br)}
          options={options(blocks)}
          onChange={(v) => sizes({ br: Number(v) as FlashState['br'] })}
        />
        <Select
          label="Key block B_c"
          value={String(state.bc)}
          options={options(blocks)}
          onChange={(v) => sizes({ bc: Number(v) as FlashState['bc'] })}
        />
        <Toggle label="Causal mask" checked={state.causal} onChange={(causal) => set({ causal })} />
      </Controls>
      <Stepper
        label="Tile"
        unit="tile"
        value={state.step}
        min={0}
        max={total}
        text={state.step === 0 ? `start · ${total} tiles` : `${state.step} of ${total}`}
        onChange={(step) => set({ step })}
      />
      <div class="flash__stage">
        <div class="flash__matrix">
          <p class="flash__caption">{view.caption}</p>
          <div class="flash__axes">
            <span class="flash__axis flash__axis--keys">keys →</span>
            <span class="flash__axis flash__axis--queries">queries ↓</span>
            <div
              class="flash__grid"
              style={{
                gridTemplateColumns: `repeat(${state.n}, ${cellPx(state.n)}px)`,
                gridAutoRows: `${cellPx(state.n)}px`,
              }}
              aria-hidden="true"
            >
              {view.cells.map((c, i) => {
                const row = Math.floor(i / state.n);
                const col = i % state.n;
                const edges = `${(col + 1) % state.bc === 0 ? ' is-col-edge' : ''}${(row + 1) % state.br === 0 ? ' is-row-edge' : ''}`;
                return (
                  <span
                    key={i}
                    class={`flash__cell is-${c.state}${edges}`}
                    style={c.state === 'done' || c.state === 'current' ? { '--w': c.heat.toFixed(3) } : undefined}
                  />
                );
              })}
            </div>
          </div>
          <ul class="widget__legend" aria-hidden="true">
            <li>
              <span class="flash__swatch is-done" />
              seen (darker = higher score)
            </li>
            <li>
              <span class="flash__swatch is-current" />
              current tile
            </li>
            <li>
              <span class="flash__swatch is-pending" />
              not yet loaded
            </li>
            <li>
              <span class="flash__swatch is-skipped" />
              masked or skipped
            </li>
          </ul>
        </div>
        <div class="flash__stats">
          {view.rows.length > 0 ? (
            <div class="table-scroll" tabIndex={0} role="region" aria-label="Running statistics of the tile’s rows">
              <table class="flash__table">
                <caption class="flash__table-caption">
                  Before the tile: m, ℓ. The tile’s row maximum: m̃. After: m′ = max(m, m̃) and ℓ′ = e^(m − m′)·ℓ + e^(m̃ −
                  m′)·rowsum.
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col" class="num">
                      m
                    </th>
                    <th scope="col" class="num">
                      m̃
                    </th>
                    <th scope="col" class="num">
                      m′
                    </th>
                    <th scope="col" class="num">
                      e^(m − m′)
                    </th>
                    <th scope="col" class="num">
                      ℓ
                    </th>
                    <th scope="col" class="num">
                      ℓ′
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {view.rows.map((r) => (
                    <tr key={r.row} class={r.raised ? 'is-raised' : undefined}>
                      <th scope="row">{r.row}</th>
                      <td class="num">{r.mBefore}</td>
                      <td class="num">{r.tileMax}</td>
                      <td class="num">{r.mAfter}</td>
                      <td class="num">{r.rescale}</td>
                      <td class="num">{r.lBefore}</td>
                      <td class="num">{r.lAfter}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p class="flash__hint">Every row starts at m = −∞, ℓ = 0 and O = 0. Move to tile 1.</p>
          )}
          <p class="flash__hint">
            Highlighted rows had their maximum raised by this tile: their old ℓ and O were multiplied by the rescale
            factor. After the last tile, O = diag(ℓ)⁻¹·(Σ P̃V) is exact.
          </p>
        </div>
      </div>
      <LiveReadout>{view.readout}</LiveReadout>
      <section class="flash__section" aria-label="Model of HBM accesses">
        <h4 class="flash__subhead">Model of HBM accesses</h4>
        <p class="flash__formula">
          Standard attention Θ(Nd + N²), counted as 4Nd + 4N² (Algorithm 0: S and P go through HBM). Tiled Θ(N²d²/M),
          counted as 3Nd + 2N + T_c·(3Nd + 4N) with T_c = ⌈N/B_c⌉ passes (Algorithm 1). Asymptotic results (Theorem 2)
          evaluated with the algorithms’ own constants; one head, forward pass, in elements.
        </p>
        <Controls label="Traffic model">
          <Slider
            label="Sequence length N"
            value={state.seqExp}
            min={MIN_EXP}
            max={MAX_EXP}
            onChange={(seqExp) => set({ seqExp })}
            format={(e) => `${formatInteger(2 ** e)} tokens`}
          />
          <Select
            label="Head dim d"
            value={String(state.headDim)}
            options={options(HEAD_DIMS)}
            onChange={(v) => set({ headDim: Number(v) as FlashState['headDim'] })}
          />
          <Select
            label="On-chip memory M"
            value={String(state.sramKib)}
            options={options(SRAM_KIB, (k) => `${k} KiB${k === 192 ? ' (A100 SM)' : ''}`)}
            onChange={(v) => set({ sramKib: Number(v) as FlashState['sramKib'] })}
          />
        </Controls>
        {chart}
        <p class="flash__sentence" aria-live="polite">
          {hbm.sentence} {hbm.blocks}.
        </p>
        <p class="flash__hint">
          A model of HBM accesses built from the paper’s algorithms, not a measurement of a GPU.
        </p>
      </section>
    </WidgetFrame>
  );
}
