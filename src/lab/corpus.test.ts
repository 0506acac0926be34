import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../core/random';
import { encode, generateCorpus, sentence, vocabularyOf } from './corpus';

describe('the generated training text', () => {
  const text = generateCorpus();

  it("is 100,000 characters over a 59-character vocabulary: newline, space, !',.?, A–Z and a–z", () => {
    expect(text).toHaveLength(100_000);
    expect(vocabularyOf(text)).toBe("\n !',.?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
  });

  it('is the same for the same seed and differs for another', () => {
    expect(generateCorpus(7, 5000)).toBe(text.slice(0, 5000));
    expect(generateCorpus(8, 5000)).not.toBe(text.slice(0, 5000));
  });

  it('starts with the same sentences on every machine', () => {
    expect(text.slice(0, 60)).toBe('Vera followed the green letter over my clever robot very sof');
  });

  it('uses "an" before vowels', () => {
    expect(text).not.toMatch(/\ba [aeiou]/);
    expect(text).toMatch(/\ban [aeiou]/);
  });

  it('sentences end with . ! ? or a closing quote', () => {
    const rng = mulberry32(3);
    for (let i = 0; i < 200; i++) expect(sentence(rng)).toMatch(/[.!?']$/);
  });

  it('encode maps characters to vocabulary positions and refuses unknown ones', () => {
    expect(encode('ab', 'xab')).toEqual([1, 2]);
    expect(() => encode('é', 'xab')).toThrow(/"é" is not in the vocabulary/);
  });
});
