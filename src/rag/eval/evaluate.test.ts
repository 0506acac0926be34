import { describe, expect, it } from 'vitest';
import { atlasRagIndex } from '../node';
import { evaluate, isGold, type EvalQuestion } from './evaluate';
import questions from './questions.json' with { type: 'json' };

const set = questions as EvalQuestion[];

describe('the evaluation set', () => {
  it('has at least 80 questions with gold answers, each gold naming a real entry', () => {
    const index = atlasRagIndex();
    const answerable = set.filter((q) => q.gold.length > 0);
    expect(answerable.length).toBeGreaterThanOrEqual(80);
    const bad = answerable.flatMap((q) => q.gold).filter((g) => !index.entries.has(g.split('#')[0] ?? ''));
    expect(bad).toEqual([]);
    const chunkGold = answerable.flatMap((q) => q.gold).filter((g) => g.includes('#'));
    const missing = chunkGold.filter((g) => ![...index.chunks.keys()].some((id) => id.startsWith(g)));
    expect(missing).toEqual([]);
  });

  it('isGold matches a slug to any of its chunks and a chunk prefix to that chunk and its parts', () => {
    expect(isGold('kv-cache#complexity', ['kv-cache'])).toBe(true);
    expect(isGold('kv-cache-x#complexity', ['kv-cache'])).toBe(false);
    expect(isGold('rope#extending-the-context~2', ['rope#extending-the-context'])).toBe(true);
    expect(isGold('rope#complexity', ['rope#extending-the-context'])).toBe(false);
  });
});

describe('retrieval quality gate (npm run eval:rag prints the details)', () => {
  const report = evaluate(atlasRagIndex(), set);

  it('fused hit@5 ≥ 0.90 and MRR@10 ≥ 0.70', () => {
    expect(report.metrics.fused.hit5).toBeGreaterThanOrEqual(0.9);
    expect(report.metrics.fused.mrr).toBeGreaterThanOrEqual(0.7);
  });

  it('says "not found" for every out-of-scope question', () => {
    expect(report.outOfScope.filter((o) => !o.notFound).map((o) => o.q)).toEqual([]);
  });
});
