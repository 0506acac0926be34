/**
 * The tool-calling loop's view-model: scripted scenarios (question → atlas tool and arguments → an answer template
 * filled from the tool's real structured result), the loop's state as a reducer, and every label and sentence the
 * widget shows. No DOM and no I/O: ToolCalling.tsx runs the MCP session and the model, and dispatches here.
 */
import type { ChatConfig, Settings } from '../AskAtlas/model';
import { chooseEndpoint } from '../AskAtlas/model';
import type { LlmConfig } from '../../rag/llm';
import type { ToolChatMessage, ToolSpec } from '../../rag/toolChat';

/** The label on a call that no language model made. */
export const SCRIPTED = 'scripted — no language model configured';

export interface Scenario {
  id: string;
  question: string;
  tool: string;
  args: Record<string, unknown>;
  /** The final answer from the tool's structured result, or null when the fields it needs are missing. */
  answer: (result: unknown) => string | null;
}

/** The value at a dotted path of a JSON value, as text (strings and numbers only). */
export function field(value: unknown, path: string): string | null {
  let at: unknown = value;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return null;
    at = Array.isArray(at) ? at[Number(key)] : (at as Record<string, unknown>)[key];
  }
  if (typeof at === 'number') return at.toLocaleString('en-US');
  return typeof at === 'string' ? at : null;
}

const all = (...values: (string | null)[]) => (values.every((v) => v !== null) ? (values as string[]) : null);

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'kv',
    question: 'How much KV cache does Llama-3.1-8B need at 128k tokens?',
    tool: 'estimate-kv-cache',
    args: { model: 'llama-3.1-8b', tokens: 131_072 },
    answer(r) {
      const v = all(field(r, 'model.name'), field(r, 'readable.bytes'), field(r, 'tokens'), field(r, 'dtype'));
      const formula = field(r, 'formula');
      return (
        v &&
        `${v[0]} needs ${v[1]} of KV cache for ${v[2]} tokens of one sequence in ${v[3]}${formula ? `: ${formula}` : ''}.`
      );
    },
  },
  {
    id: 'params',
    question: 'How many parameters does Mixtral-8x7B use for each token?',
    tool: 'count-parameters',
    args: { model: 'mixtral-8x7b' },
    answer(r) {
      const v = all(field(r, 'model.name'), field(r, 'readable.total'), field(r, 'readable.active'));
      return v && `${v[0]} stores ${v[1]} parameters but each token passes through only ${v[2]} of them.`;
    },
  },
  {
    id: 'mask',
    question: 'With a causal sliding window of 5 over 16 tokens, which tokens can token 12 see?',
    tool: 'attention-mask',
    args: { pattern: 'sliding', n: 16, token: 12, window: 5 },
    answer(r) {
      const v = all(field(r, 'sentence'), field(r, 'count'), field(r, 'citation.title'));
      return v && `${v[0]}: ${v[1]} keys, as in ${v[2]}.`;
    },
  },
  {
    id: 'search',
    question: 'Which atlas entry explains speculative decoding?',
    tool: 'search-atlas',
    args: { query: 'speculative decoding draft model', k: 3 },
    answer(r) {
      const v = all(field(r, 'results.0.title'), field(r, 'results.0.path'), field(r, 'results.0.snippet'));
      return v && `The best match is ${v[0]} (${v[1]}): “${v[2]}”`;
    },
  },
];

export const DEFAULT_SCENARIO = 'kv';

export function scenarioById(id: string): Scenario {
  return SCENARIOS.find((s) => s.id === id) ?? (SCENARIOS[0] as Scenario);
}

/** The scenario named in the URL (`tool.q`), with a note when it is unknown. */
export function scenarioFromUrl(params: URLSearchParams): { id: string; notes: string[] } {
  const raw = params.get('tool.q');
  if (raw === null) return { id: DEFAULT_SCENARIO, notes: [] };
  if (SCENARIOS.some((s) => s.id === raw)) return { id: raw, notes: [] };
  return {
    id: DEFAULT_SCENARIO,
    notes: [
      `From the link: tool.q "${raw.slice(0, 40)}" is not one of ${SCENARIOS.map((s) => s.id).join(', ')}; using ${DEFAULT_SCENARIO}.`,
    ],
  };
}

export const STEP_TITLES = [
  'The user’s message',
  'The tool’s schema (tools/list)',
  'The model’s call',
  'The tool’s result (tools/call)',
  'The final answer',
] as const;

/** A tool as tools/list describes it. */
export interface ToolInfo {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

export interface CallView {
  name: string;
  args: Record<string, unknown>;
  /** Who made the call: SCRIPTED, or "llama3.2 at http://…". */
  source: string;
  scripted: boolean;
}

export interface LoopState {
  scenario: string;
  /** Steps shown so far, 1…5 (the user's message is always shown). */
  reached: number;
  busy: boolean;
  /** The model that answers, or null for the scripted loop. */
  model: string | null;
  /** Where the model settings came from, or why the loop is scripted. */
  endpointNote: string;
  server: string | null;
  tools: ToolInfo[];
  call: CallView | null;
  result: { text: string; structured: unknown; isError: boolean } | null;
  answer: { text: string; source: string } | null;
  /** Problems met on the way (a model error, a call the model did not make), shown in the steps. */
  notes: string[];
}

export const initialLoop = (scenario: string): LoopState => ({
  scenario,
  reached: 1,
  busy: false,
  model: null,
  endpointNote: '',
  server: null,
  tools: [],
  call: null,
  result: null,
  answer: null,
  notes: [],
});

export type LoopAction =
  | { type: 'reset'; scenario: string }
  | { type: 'busy' }
  | { type: 'tools'; tools: ToolInfo[]; server: string; model: string | null; endpointNote: string }
  | { type: 'call'; call: CallView; note?: string }
  | { type: 'result'; text: string; structured: unknown; isError: boolean }
  | { type: 'answer'; text: string; source: string; note?: string; skipResult?: boolean }
  | { type: 'failed'; message: string };

/** The loop after one action. Each successful step reveals the next card. */
export function reduceLoop(state: LoopState, action: LoopAction): LoopState {
  const note = (n?: string) => (n ? [...state.notes, n] : state.notes);
  switch (action.type) {
    case 'reset':
      return initialLoop(action.scenario);
    case 'busy':
      return { ...state, busy: true };
    case 'tools':
      return {
        ...state,
        busy: false,
        reached: 2,
        tools: action.tools,
        server: action.server,
        model: action.model,
        endpointNote: action.endpointNote,
      };
    case 'call':
      return { ...state, busy: false, reached: 3, call: action.call, notes: note(action.note) };
    case 'result':
      return {
        ...state,
        busy: false,
        reached: 4,
        result: { text: action.text, structured: action.structured, isError: action.isError },
      };
    case 'answer':
      return {
        ...state,
        busy: false,
        reached: 5,
        answer: { text: action.text, source: action.source },
        notes: note(action.note),
      };
    case 'failed':
      return { ...state, busy: false, notes: note(action.message) };
  }
}

/** Which endpoint the loop uses: the Ask page's settings and the server's config, through chooseEndpoint. */
export function loopEndpoint(config: ChatConfig | null, settings: Settings): { llm: LlmConfig | null; note: string } {
  const { llm, note } = chooseEndpoint(config, settings);
  if (llm) return { llm, note };
  // chooseEndpoint words its fallback for Ask the atlas (extractive answers); here the call and answer are scripted.
  const scripted = 'the model’s call and the final answer are scripted; the tool’s result is real.';
  return {
    llm: null,
    note: note.replace(/answers are extractive(?: \(sentences quoted from the atlas\))?\./, scripted),
  };
}

/** MCP tools in the chat-completions tool format. */
export function toolSpecs(tools: readonly ToolInfo[]): ToolSpec[] {
  return tools.map((t) => ({ name: t.name, description: t.description, parameters: t.inputSchema }));
}

export const SYSTEM_PROMPT =
  'You answer questions about AI architectures with the tools of the AI Architectures atlas. Call exactly one tool ' +
  'when it can answer. After the tool result arrives, answer in one or two sentences using only that result.';

/** The first turn sent to a model. */
export function firstMessages(question: string): ToolChatMessage[] {
  return [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: question },
  ];
}

/** The scripted final answer: the scenario's template over the real result, or its first line. */
export function templateAnswer(
  scenario: Scenario,
  result: { text: string; structured: unknown; isError: boolean },
): string {
  if (result.isError) return `The tool refused the call: ${result.text.split('\n')[0]}`;
  return scenario.answer(result.structured) ?? `The tool returned: ${result.text.split('\n')[0]}`;
}

/** The tool's schema as shown in step 2 (the scripted tool, or the one the model called). */
export function shownTool(state: LoopState): ToolInfo | null {
  const name = state.call?.name ?? scenarioById(state.scenario).tool;
  return state.tools.find((t) => t.name === name) ?? null;
}

export const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The readout: what the loop just did. */
export function loopReadout(state: LoopState): string {
  const step = `Step ${state.reached} of ${STEP_TITLES.length}`;
  if (state.busy) return `${step} done; running step ${state.reached + 1}…`;
  switch (state.reached) {
    case 1:
      return `${step}: the user asks “${scenarioById(state.scenario).question}”`;
    case 2:
      return `${step}: ${state.server ?? 'the atlas server'} lists ${state.tools.length} tools; ${shownTool(state)?.name ?? 'the tool'}’s input schema is shown.`;
    case 3:
      return state.call
        ? `${step}: the model’s call (${state.call.source}): ${state.call.name} with ${JSON.stringify(state.call.args)}.`
        : `${step}: no call was made.`;
    case 4:
      return `${step}: the tool ${state.result?.isError ? 'refused the call' : 'answered'}: ${state.result?.text.split('\n')[0] ?? ''}`;
    default:
      return `${step}: ${state.answer?.text ?? ''}`;
  }
}
