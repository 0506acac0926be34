/**
 * The training text of the tiny models: English-like sentences from a small stochastic grammar, with a few fixed
 * prose lines mixed in. Generated from a seed (mulberry32), so the text, and therefore the trained weights, are the
 * same on every machine; nothing is downloaded. The grammar uses all 26 letters so typed text rarely falls outside
 * the vocabulary.
 */
import { mulberry32, type Rng } from '../core/random';

const NAMES = ['Anna', 'Ben', 'Clara', 'Dev', 'Ellie', 'Felix', 'Grace', 'Hugo', 'Iris', 'Jack', 'Kim', 'Leo'];
const NAMES2 = [
  'Maya',
  'Noah',
  'Omar',
  'Paula',
  'Quinn',
  'Rosa',
  'Sam',
  'Tom',
  'Uma',
  'Vera',
  'Will',
  'Xena',
  'Yara',
  'Zoe',
];
const ADJECTIVES = [
  'old',
  'small',
  'quiet',
  'lazy',
  'brown',
  'bright',
  'young',
  'clever',
  'tired',
  'happy',
  'cold',
  'green',
  'wise',
  'busy',
  'strange',
  'gentle',
  'dark',
  'warm',
  'quick',
  'heavy',
];
const NOUNS = [
  'fox',
  'dog',
  'cat',
  'bird',
  'girl',
  'boy',
  'teacher',
  'farmer',
  'robot',
  'queen',
  'king',
  'child',
  'sailor',
  'baker',
  'horse',
  'owl',
  'river',
  'garden',
  'house',
  'forest',
  'box',
  'letter',
  'lamp',
  'puzzle',
  'window',
  'bridge',
  'song',
  'book',
  'jar',
  'village',
];
const TRANSITIVE = [
  'saw',
  'found',
  'liked',
  'carried',
  'watched',
  'painted',
  'opened',
  'helped',
  'followed',
  'fixed',
  'heard',
  'chased',
  'visited',
  'packed',
  'solved',
  'wrote',
  'built',
  'mixed',
  'jumped over',
  'looked at',
];
const INTRANSITIVE = ['slept', 'sang', 'laughed', 'waited', 'walked', 'danced', 'smiled', 'jumped', 'rested', 'zoomed'];
const ADVERBS = ['slowly', 'quickly', 'quietly', 'happily', 'again', 'today', 'at night', 'once more', 'very softly'];
const PREPOSITIONS = ['near', 'under', 'behind', 'beside', 'across', 'inside', 'over', 'to', 'from'];
const DETERMINERS = ['the', 'the', 'the', 'a', 'my', 'our', 'that', 'every'];
const PROSE = [
  'The quick brown fox jumps over the lazy dog.',
  'Every morning the village woke to the sound of the river.',
  'Nobody knew why the old lamp was still warm at midnight.',
  'She packed six jars of jam and a box of quiet puzzles.',
  'It was a long way to the sea, but the road was kind.',
  'When the bells rang, the children ran out into the snow.',
];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "a" or "an" before `word`. */
const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

function nounPhrase(rng: Rng): string {
  if (rng() < 0.2) return pick(rng, rng() < 0.5 ? NAMES : NAMES2);
  const words = rng() < 0.5 ? `${pick(rng, ADJECTIVES)} ${pick(rng, NOUNS)}` : pick(rng, NOUNS);
  const determiner = pick(rng, DETERMINERS);
  return `${determiner === 'a' ? article(words) : determiner} ${words}`;
}

function verbPhrase(rng: Rng): string {
  const core = rng() < 0.65 ? `${pick(rng, TRANSITIVE)} ${nounPhrase(rng)}` : pick(rng, INTRANSITIVE);
  const place = rng() < 0.35 ? ` ${pick(rng, PREPOSITIONS)} ${nounPhrase(rng)}` : '';
  const manner = rng() < 0.3 ? ` ${pick(rng, ADVERBS)}` : '';
  return `${core}${place}${manner}`;
}

function clause(rng: Rng): string {
  return `${nounPhrase(rng)} ${verbPhrase(rng)}`;
}

/** One sentence of the grammar: statements, compounds, questions, exclamations or quoted speech. */
export function sentence(rng: Rng): string {
  const r = rng();
  if (r < 0.45) return `${capital(clause(rng))}.`;
  if (r < 0.65) return `${capital(clause(rng))}, ${pick(rng, ['and', 'but', 'so', 'while'])} ${clause(rng)}.`;
  if (r < 0.75) return `Did ${nounPhrase(rng)} see ${nounPhrase(rng)}?`;
  if (r < 0.82) {
    const words = `${pick(rng, ADJECTIVES)} ${pick(rng, NOUNS)}`;
    return `What ${article(words)} ${words}!`;
  }
  if (r < 0.95) return `${pick(rng, [...NAMES, ...NAMES2])} said, '${capital(clause(rng))}.'`;
  return pick(rng, PROSE);
}

/** The training text: sentences from `seed` joined by spaces, a newline every few sentences, `length` characters. */
export function generateCorpus(seed = 7, length = 100_000): string {
  const rng = mulberry32(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const s = sentence(rng);
    const sep = rng() < 0.15 ? '\n' : ' ';
    parts.push(s, sep);
    size += s.length + 1;
  }
  return parts.join('').slice(0, length);
}

/** The sorted characters of `text`: the model's vocabulary, one id per character. */
export function vocabularyOf(text: string): string {
  return [...new Set(text)].sort().join('');
}

/** Character ids of `text` in `vocab`; throws on a character outside it (training text only). */
export function encode(text: string, vocab: string): number[] {
  return [...text].map((ch) => {
    const id = vocab.indexOf(ch);
    if (id < 0) throw new RangeError(`character ${JSON.stringify(ch)} is not in the vocabulary`);
    return id;
  });
}
