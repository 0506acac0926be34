/**
 * A tool-calling loop run for real in the page, one step at a time: the user's message, the tool's JSON Schema from
 * the atlas's own MCP server (tools/list), the model's call (scripted and labelled so when no language model is
 * configured; otherwise from the endpoint set on the Ask page), the tool's real result (tools/call) and the final
 * answer. The MCP server, SDK client and chat client load on the first step (engine.ts). Render-only: labels,
 * transitions and sentences live in model.ts.
 */
import { useRef, useState } from 'preact/hooks';
import type { LlmConfig } from '../../rag/llm';
import { Controls, Select } from '../shared/controls';
import { useUrlRestore, useUrlSync } from '../shared/url';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import {
  DEFAULT_SCENARIO,
  SCENARIOS,
  SCRIPTED,
  STEP_TITLES,
  firstMessages,
  initialLoop,
  loopEndpoint,
  loopReadout,
  reduceLoop,
  scenarioById,
  scenarioFromUrl,
  templateAnswer,
  toolSpecs,
  type LoopAction,
  type LoopState,
} from './model';
import { StepBody } from './StepBody';
import './tool-calling.css';

type Engine = typeof import('./engine');

interface Props {
  level?: 2 | 3;
  /** Read and write the scenario in the page's query string (`tool.q`). */
  url?: boolean;
}

export function ToolCalling({ level = 3, url = true }: Props) {
  const [loop, setLoop] = useState<LoopState>(() => initialLoop(DEFAULT_SCENARIO));
  const [notes, setNotes] = useState<string[]>([]);
  const engine = useRef<Engine | null>(null);
  const session = useRef<Awaited<ReturnType<Engine['openSession']>> | null>(null);
  const llm = useRef<LlmConfig | null>(null);
  const modelCall = useRef<import('./engine').ToolCall | null>(null);
  const generation = useRef(0);
  useUrlRestore((query) => {
    const linked = scenarioFromUrl(query);
    setLoop(initialLoop(linked.id));
    setNotes(linked.notes);
  }, url);
  useUrlSync({ 'tool.q': loop.scenario === DEFAULT_SCENARIO ? undefined : loop.scenario }, url);

  /** Runs the next step from `s`; returns the state after it (unchanged if the loop was reset meanwhile). */
  const advance = async (s: LoopState): Promise<LoopState> => {
    const mine = generation.current;
    let current = reduceLoop(s, { type: 'busy' });
    setLoop(current);
    const apply = (action: LoopAction) => {
      if (mine !== generation.current) return current;
      current = reduceLoop(current, action);
      setLoop(current);
      return current;
    };
    const scenario = scenarioById(s.scenario);
    try {
      const e = (engine.current ??= await import('./engine'));
      if (s.reached === 1) {
        session.current ??= await e.openSession({ era: 'modern', target: 'page', onLog: () => undefined });
        const [tools, config] = await Promise.all([session.current.listTools(), e.loadChatConfig()]);
        const endpoint = loopEndpoint(config, e.readSettings());
        llm.current = endpoint.llm;
        const info = session.current.info;
        return apply({
          type: 'tools',
          tools: tools.map((t) => ({ name: t.name, description: t.description ?? '', inputSchema: t.inputSchema })),
          server: `${info.server.name} ${info.server.version} (MCP ${info.protocolVersion}, running in this page)`,
          model: endpoint.llm ? endpoint.llm.model : null,
          endpointNote: endpoint.note,
        });
      }
      if (s.reached === 2) {
        const scripted = { name: scenario.tool, args: scenario.args, source: SCRIPTED, scripted: true };
        const model = llm.current;
        if (!model) return apply({ type: 'call', call: scripted });
        try {
          const reply = await e.chatWithTools(model, firstMessages(scenario.question), toolSpecs(s.tools));
          const call = reply.toolCalls[0];
          if (!call)
            return apply({
              type: 'answer',
              text: reply.content?.trim() || '(the model returned an empty answer)',
              source: `${model.model}, without calling a tool`,
              note: 'The model answered without calling a tool, so steps 3 and 4 did not run.',
            });
          modelCall.current = call;
          const source = `${model.model} at ${model.baseUrl}`;
          return apply({ type: 'call', call: { name: call.name, args: call.args, source, scripted: false } });
        } catch (error) {
          llm.current = null;
          return apply({
            type: 'call',
            call: scripted,
            note: `The model did not answer (${(error as Error).message}); the call is scripted instead.`,
          });
        }
      }
      if (s.reached === 3 && s.call && session.current) {
        const r = await session.current.callTool(s.call.name, s.call.args);
        const text = r.content
          .map((c) => (c.type === 'text' ? c.text : `[${c.type}]`))
          .join('\n')
          .trim();
        return apply({ type: 'result', text, structured: r.structuredContent ?? null, isError: r.isError === true });
      }
      if (s.reached === 4 && s.result) {
        const template = templateAnswer(scenario, s.result);
        const model = llm.current;
        const call = modelCall.current;
        if (!model || !call || s.call?.scripted)
          return apply({ type: 'answer', text: template, source: 'template filled with the real result' });
        try {
          const reply = await e.chatWithTools(
            model,
            [...firstMessages(scenario.question), ...e.toolResultMessages(call, s.result.text)],
            [],
          );
          return apply({ type: 'answer', text: reply.content?.trim() || template, source: model.model });
        } catch (error) {
          return apply({
            type: 'answer',
            text: template,
            source: 'template filled with the real result',
            note: `The model did not write the answer (${(error as Error).message}); the template is used instead.`,
          });
        }
      }
      return apply({ type: 'failed', message: 'Nothing left to run: start over for another scenario.' });
    } catch (error) {
      return apply({ type: 'failed', message: `Step ${s.reached + 1} failed: ${(error as Error).message}` });
    }
  };

  const next = () => {
    if (!loop.busy && loop.reached < STEP_TITLES.length) void advance(loop);
  };
  const runAll = async () => {
    let s = loop;
    const mine = generation.current;
    while (s.reached < STEP_TITLES.length && mine === generation.current) {
      const after = await advance(s);
      if (after.reached === s.reached) break;
      s = after;
    }
  };
  const reset = (scenario: string) => {
    generation.current += 1;
    modelCall.current = null;
    setLoop(initialLoop(scenario));
  };

  const done = loop.reached >= STEP_TITLES.length;
  const sub = level === 2 ? 'h3' : 'h4';
  return (
    <WidgetFrame
      class="tc"
      title="A tool-calling loop against the atlas’s MCP server"
      lead="Step through one loop: the question, the tool’s schema, the model’s call, the real result, the answer."
      provenance="computed"
      provenanceDetail={loop.model ? `Live · MCP server in the page · ${loop.model}` : 'Live · MCP server in the page'}
      notes={notes}
      level={level}
    >
      <Controls label="Scenario">
        <Select
          label="Question"
          value={loop.scenario}
          options={SCENARIOS.map((s) => ({ value: s.id, label: s.question }))}
          onChange={(id) => reset(id)}
          disabled={loop.busy}
        />
      </Controls>
      <div class="tc__actions">
        <button type="button" class="button" data-variant="primary" onClick={next} disabled={loop.busy || done}>
          {loop.reached === 1 ? 'Run step 2: list tools' : done ? 'Loop finished' : `Run step ${loop.reached + 1}`}
        </button>
        <button type="button" class="button" onClick={() => void runAll()} disabled={loop.busy || done}>
          Run all steps
        </button>
        <button type="button" class="button" onClick={() => reset(loop.scenario)} disabled={loop.reached === 1}>
          Start over
        </button>
      </div>
      {loop.endpointNote && (
        <p class="tc__note">
          {loop.endpointNote} Model settings are shared with <a href="/ask/">Ask the atlas</a>.
        </p>
      )}
      <LiveReadout>{loopReadout(loop)}</LiveReadout>
      <ol class="tc__steps" aria-busy={loop.busy}>
        {STEP_TITLES.map((title, i) => (
          <li
            key={title}
            class={`tc__step${i < loop.reached ? ' is-done' : ''}${i === loop.reached - 1 ? ' is-current' : ''}`}
          >
            <StepBody index={i} title={title} loop={loop} heading={sub} />
          </li>
        ))}
      </ol>
      {loop.notes.length > 0 && (
        <ul class="tc__problems" aria-label="What went differently">
          {loop.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </WidgetFrame>
  );
}
