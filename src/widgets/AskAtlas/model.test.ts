import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../rag/analyze';
import { answerQuestion, type AnswerEvent } from '../../rag/answer';
import { atlasRagIndex } from '../../rag/node';
import {
  baseUrlError,
  chooseEndpoint,
  chunkRows,
  citationFor,
  formatMs,
  INITIAL_STATE,
  parseSettings,
  questionFromUrl,
  reduce,
  timingRows,
  tokenChips,
  type AskState,
  type ChatConfig,
} from './model';

async function answered(question: string): Promise<AskState> {
  let state = reduce(INITIAL_STATE, { type: 'start', question });
  for await (const event of answerQuestion(atlasRagIndex(), question)) state = reduce(state, { type: 'event', event });
  return state;
}

describe('reduce', () => {
  it('walks a question through retrieval, prompt and an extractive answer', async () => {
    const state = await answered('How does paged attention store the cache?');
    expect(state.phase).toBe('done');
    expect(state.answer?.mode).toBe('extractive');
    expect(state.text).toBe(state.answer?.text);
    expect(state.retrieval?.hits.length).toBeGreaterThan(0);
  });

  it('appends streamed deltas and records a model error as a fallback note', () => {
    let s = reduce(INITIAL_STATE, { type: 'start', question: 'q' });
    s = reduce(s, {
      type: 'event',
      event: { type: 'generating', model: 'llama3.2', baseUrl: 'http://localhost:11434/v1' },
    });
    for (const text of ['Hel', 'lo']) s = reduce(s, { type: 'event', event: { type: 'delta', text } as AnswerEvent });
    expect(s).toMatchObject({ phase: 'generating', text: 'Hello', model: 'llama3.2 at http://localhost:11434/v1' });
    s = reduce(s, { type: 'event', event: { type: 'error', kind: 'timeout', message: 'no response in time' } });
    expect(s.error).toBe('The model did not answer (timeout): no response in time. Showing the extractive answer.');
  });
});

describe('view helpers', () => {
  it('tokenChips shows stems, glossary additions, identifiers and struck stop words', () => {
    const chips = tokenChips(analyzeQuery('What is GQA in Mamba-2?'));
    expect(chips.map((c) => `${c.kind}:${c.text}`)).toEqual([
      'kept:gqa',
      'kept:mamba',
      'kept:2',
      'synonym:group',
      'synonym:queri',
      'synonym:attent',
      'synonym:ssm',
      'synonym:state',
      'synonym:space',
      'synonym:model',
      'identifier:mamba-2',
      'stop:what',
      'stop:is',
      'stop:in',
    ]);
  });

  it("chunkRows lists both legs' ranks, the fused score and whether the chunk went into the prompt", async () => {
    const state = await answered("What keeps Mamba's memory constant?");
    const rows = chunkRows(state.retrieval!, state.prompt);
    expect(rows[0]).toMatchObject({ rank: 1, inPrompt: true });
    expect(rows[0]?.lexical).toMatch(/^#\d+ \(BM25 \d+\.\d\)$|^–$/);
    expect(rows[0]?.dense).toMatch(/^#\d+ \(cos -?\d\.\d\d\)$|^–$/);
    expect(rows[0]?.fused).toMatch(/^0\.0\d{3}$/);
    expect(timingRows(state).map((r) => r.step)).toEqual([
      'Query analysis',
      'Lexical leg (BM25)',
      'Dense leg (LSA)',
      'Fusion (RRF)',
      'Total',
    ]);
  });

  it('formatMs: 0.04 → "<0.1 ms", 2.345 → "2.3 ms", 123.4 → "123 ms", 1530 → "1.5 s", NaN → "–"', () => {
    expect([0.04, 2.345, 123.4, 1530, Number.NaN, null].map(formatMs)).toEqual([
      '<0.1 ms',
      '2.3 ms',
      '123 ms',
      '1.5 s',
      '–',
      '–',
    ]);
  });

  it('citationFor resolves numbers and chunk ids, and only to /architectures/ URLs', () => {
    const cites = [
      { n: 1, id: 'a#x', label: 'A', url: '/architectures/a/#x' },
      { n: 2, id: 'b#y', label: 'B', url: 'javascript:alert(1)' },
    ];
    expect(citationFor('1', cites)).toEqual({ n: 1, url: '/architectures/a/#x', label: 'A' });
    expect(citationFor('a#x', cites)?.n).toBe(1);
    expect(citationFor('b#y', cites)).toBeNull();
    expect(citationFor('9', cites)).toBeNull();
  });
});

describe('URL state and settings', () => {
  it('reads ?q=, collapsing whitespace and cutting at 500 characters with a note', () => {
    expect(questionFromUrl(new URLSearchParams('q=%20what%20%20is%20GQA%3F%20'))).toEqual({
      question: 'what is GQA?',
      note: null,
    });
    const long = questionFromUrl(new URLSearchParams({ q: 'x'.repeat(600) }));
    expect(long.question).toHaveLength(500);
    expect(long.note).toBe('The question in the link was cut to 500 characters.');
  });

  it('parses stored settings field by field and survives garbage', () => {
    expect(parseSettings('{"useModel":false,"baseUrl":" http://h/v1 ","model":7}')).toEqual({
      useModel: false,
      baseUrl: 'http://h/v1',
      model: '',
      apiKey: '',
    });
    expect(parseSettings('not json').useModel).toBe(true);
  });

  it('baseUrlError names the field and what it accepts', () => {
    expect(baseUrlError('localhost:11434')).toBe('Base URL must start with http:// or https://');
    expect(baseUrlError('not a url')).toBe('Base URL must be an absolute URL such as http://localhost:11434/v1');
    expect(baseUrlError('http://localhost:11434/v1')).toBeNull();
  });
});

describe('chooseEndpoint', () => {
  const settings = { useModel: true, baseUrl: '', model: '', apiKey: '' };
  const config = (over: Partial<ChatConfig> = {}): ChatConfig => ({
    proxy: true,
    server: { baseUrl: null, model: null, hasKey: false },
    ollama: { available: false },
    ...over,
  });

  it('is extractive with nothing configured and no Ollama', () => {
    expect(chooseEndpoint(config(), settings).llm).toBeNull();
    expect(chooseEndpoint(null, settings).note).toContain('extractive');
  });

  it('uses a detected Ollama through the proxy with its first model', () => {
    const { llm, note } = chooseEndpoint(
      config({ ollama: { available: true, baseUrl: 'http://localhost:11434/v1', models: ['qwen2.5:3b'] } }),
      settings,
    );
    expect(llm).toMatchObject({ baseUrl: 'http://localhost:11434/v1', model: 'qwen2.5:3b', endpoint: '/api/chat' });
    expect(note).toContain('qwen2.5:3b at the local Ollama through this site’s server');
  });

  it("sends the page's base URL to the proxy in a header, and calls it directly on a static host", () => {
    const mine = { ...settings, baseUrl: 'http://127.0.0.1:8080/v1', model: 'm', apiKey: 'k' };
    expect(chooseEndpoint(config(), mine).llm).toMatchObject({
      endpoint: '/api/chat',
      headers: { 'X-Atlas-Base-Url': 'http://127.0.0.1:8080/v1' },
      apiKey: 'k',
    });
    expect(chooseEndpoint(null, mine).llm?.endpoint).toBeUndefined();
  });

  it('is extractive when turned off or when the base URL is malformed', () => {
    expect(chooseEndpoint(config(), { ...settings, useModel: false }).llm).toBeNull();
    expect(chooseEndpoint(config(), { ...settings, baseUrl: 'ftp://x' }).note).toContain('Base URL must start with');
  });
});
