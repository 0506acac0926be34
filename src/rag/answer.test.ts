import { afterEach, describe, expect, it } from 'vitest';
import { refusedBaseUrl, startFakeLlm, type FakeLlm } from '../../tests/fake-llm';
import { answerQuestion, citationsOf, type AnswerEvent, type FinalAnswer } from './answer';
import { EXTRACTIVE_LABEL } from './extractive';
import { atlasRagIndex } from './node';

const index = atlasRagIndex();
let fake: FakeLlm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function run(question: string, options: Parameters<typeof answerQuestion>[2] = {}) {
  const events: AnswerEvent[] = [];
  for await (const e of answerQuestion(index, question, options)) events.push(e);
  const done = events.at(-1);
  if (done?.type !== 'done') throw new Error('the last event must be done');
  return { events, answer: done.answer as FinalAnswer };
}

describe('answerQuestion', () => {
  it('without a model: retrieval, prompt, then a labelled extractive answer whose citations are retrieved chunks', async () => {
    const { events, answer } = await run("What keeps Mamba's memory constant?");
    expect(events.map((e) => e.type)).toEqual(['retrieval', 'prompt', 'done']);
    expect(answer).toMatchObject({ mode: 'extractive', fallback: 'no-model' });
    expect(answer.extractive?.label).toBe(EXTRACTIVE_LABEL);
    expect(answer.citations.length).toBeGreaterThan(0);
    const prompt = events[1]?.type === 'prompt' ? events[1].prompt : undefined;
    for (const c of answer.citations) expect(prompt?.context.map((x) => x.id)).toContain(c.id);
  });

  it('streams a model answer through a fake endpoint and numbers its citations', async () => {
    fake = await startFakeLlm({
      kind: 'stream',
      tokens: ['Mamba keeps a fixed-size state ', '[state-space-models#key-characteristics]', ' [made-up#id].'],
    });
    const { events, answer } = await run("What keeps Mamba's memory constant?", {
      llm: { baseUrl: fake.baseUrl, model: 'fake-model' },
    });
    expect(events.filter((e) => e.type === 'delta')).toHaveLength(3);
    expect(answer).toMatchObject({ mode: 'model', finishReason: 'stop', stopped: false, fallback: null });
    expect(answer.citations.map((c) => c.id)).toEqual(['state-space-models#key-characteristics']);
    expect(answer.unknownCitations).toEqual(['made-up#id']);
    const sent = fake.requests[0]?.body as { messages: { role: string; content: string }[] };
    expect(sent.messages[1]?.content).toContain('Question: What keeps Mamba');
  });

  it('falls back to the extractive answer with a clear message when the endpoint is down', async () => {
    const { events, answer } = await run('How does paged attention store the cache?', {
      llm: { baseUrl: await refusedBaseUrl(), model: 'm' },
    });
    const error = events.find((e) => e.type === 'error');
    expect(error).toMatchObject({ kind: 'unreachable' });
    expect(answer).toMatchObject({ mode: 'extractive', fallback: 'error' });
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it('falls back on an HTTP error and on a malformed stream', async () => {
    fake = await startFakeLlm({ kind: 'http-error', status: 500, message: 'boom' });
    const llm = { baseUrl: fake.baseUrl, model: 'fake-model' };
    expect((await run('What is GQA?', { llm })).answer.fallback).toBe('error');
    fake.behaviour = { kind: 'malformed' };
    expect((await run('What is GQA?', { llm })).answer.fallback).toBe('error');
  });

  it('keeps the partial answer when the user stops, without falling back', async () => {
    fake = await startFakeLlm({ kind: 'stream', tokens: ['one ', 'two ', 'three ', 'four '], delayMs: 50 });
    const controller = new AbortController();
    const events: AnswerEvent[] = [];
    for await (const e of answerQuestion(index, 'What is GQA?', {
      llm: { baseUrl: fake.baseUrl, model: 'fake-model' },
      signal: controller.signal,
    })) {
      events.push(e);
      if (e.type === 'delta' && e.text === 'two ') controller.abort();
    }
    const done = events.at(-1);
    expect(done?.type === 'done' && done.answer).toMatchObject({ mode: 'model', stopped: true, text: 'one two ' });
  });

  it('does not call the model for a question outside the atlas', async () => {
    fake = await startFakeLlm();
    const { answer } = await run('How do I bake sourdough bread?', { llm: { baseUrl: fake.baseUrl, model: 'x' } });
    expect(answer).toMatchObject({ mode: 'extractive', fallback: 'not-found', citations: [] });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('citationsOf', () => {
  it('reads [id] and [id1, id2] markers and ignores other brackets', () => {
    const context = [
      { id: 'a#x', slug: 'a', label: 'A › X', url: '/architectures/a/#x', text: '' },
      { id: 'b#y~2', slug: 'b', label: 'B › Y', url: '/architectures/b/#y', text: '' },
    ];
    const { citations, unknown } = citationsOf('See [a#x, b#y~2] and [1] and [not an id] and [c#z].', context);
    expect(citations.map((c) => [c.n, c.id])).toEqual([
      [1, 'a#x'],
      [2, 'b#y~2'],
    ]);
    expect(unknown).toEqual(['c#z']);
  });
});
