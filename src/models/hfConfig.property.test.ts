import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kvCache } from '../core/kvCache';
import { InputError } from '../core/modelSpec';
import { countParams } from '../core/params';
import { ConfigError, parseHfConfig } from './hfConfig';
import type { JsonObject } from './hfFields';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as JsonObject;

const FIXTURES = [
  'mistral-7b-v0.1',
  'gemma-3-1b',
  'gemma-3-27b-it',
  'deepseek-v3',
  'falcon-7b-kv71',
  'falcon-mamba-7b',
  'codestral-mamba-7b',
  'jamba-v0.1',
  'gpt2',
  'gpt-oss-120b',
  'qwen2.5-7b',
].map(fixture);

/** Parses; returns the spec, or null after checking that the only failure is a named ConfigError. */
function parseOrNamedError(input: unknown) {
  try {
    return parseHfConfig(input).spec;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).field.length).toBeGreaterThan(0);
    expect((error as ConfigError).message.length).toBeGreaterThan(0);
    return null;
  }
}

/** Whatever the parser accepts, the calculators either answer with finite integers or name the problem. */
function checkNumbers(spec: NonNullable<ReturnType<typeof parseOrNamedError>>) {
  try {
    const kv = kvCache(spec, { tokens: 4096 });
    const params = countParams(spec);
    for (const n of [kv.bytes, kv.kvBytes, kv.stateBytes, params.total, params.active])
      expect(Number.isSafeInteger(n)).toBe(true);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
  }
}

describe('parseHfConfig never throws anything but a named ConfigError, never yields NaN', () => {
  it('reads inherited property names (toString, __proto__, constructor) as unknown model types', () => {
    for (const modelType of ['toString', '__proto__', 'constructor']) {
      const spec = parseHfConfig({
        ...fixture('mistral-7b-v0.1'),
        tie_word_embeddings: null,
        model_type: modelType,
      }).spec;
      expect(spec.tieWordEmbeddings).toBe(true);
    }
  });

  it('on random JSON text', () => {
    fc.assert(
      fc.property(fc.json(), (json) => {
        const spec = parseOrNamedError(json);
        if (spec) checkNumbers(spec);
      }),
    );
  });

  it('on random values of any shape', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const spec = parseOrNamedError(value);
        if (spec) checkNumbers(spec);
      }),
    );
  });

  it('on real configs with random fields replaced by random JSON values', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURES),
        fc.array(fc.tuple(fc.nat(), fc.jsonValue()), { minLength: 1, maxLength: 4 }),
        (config, edits) => {
          const keys = Object.keys(config);
          const edited: JsonObject = { ...config };
          for (const [i, value] of edits) edited[keys[i % keys.length] ?? 'x'] = value;
          const spec = parseOrNamedError(edited);
          if (spec) checkNumbers(spec);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('MLA ignores num_key_value_heads and head_dim', () => {
  it('any num_key_value_heads / head_dim in a DeepSeek config gives the same cache', () => {
    const deepseek = fixture('deepseek-v3');
    const reference = kvCache(parseHfConfig(deepseek).spec, { tokens: 8192 }).bytes;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (kv, hd) => {
        const spec = parseHfConfig({ ...deepseek, num_key_value_heads: kv, head_dim: hd }).spec;
        expect(kvCache(spec, { tokens: 8192 }).bytes).toBe(reference);
      }),
    );
  });
});
