import { describe, expect, it } from 'vitest';
import { idSlug } from './ids';

describe('idSlug', () => {
  it('idSlug("KV cache: MHA, GQA, MQA and MLA") is "kv-cache-mha-gqa-mqa-and-mla"', () => {
    expect(idSlug('KV cache: MHA, GQA, MQA and MLA')).toBe('kv-cache-mha-gqa-mqa-and-mla');
  });
  it('is never empty and at most 40 characters', () => {
    expect(idSlug('—')).toBe('w');
    expect(idSlug('x'.repeat(100))).toHaveLength(40);
  });
});
