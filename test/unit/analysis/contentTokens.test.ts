import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contentKeys, contentTokens, contentTokensByExpression } from '../../../shared/analysis/text.ts';

// Words, names, numbers, possessives, contractions, letter runs and stopwords, glued by ASCII punctuation and spaces.
const PIECES = [
  'The', 'invoice', 'AAArgh', 'Wooo', 'zzz', '111', "Miles's", "it's", "O'Neil", "rock'n'roll", "don't", 'Arrrr', 'aaa', '2024', '12-month', '$39', 'v2', 'A1', 'x', 'I',
  'Paris', 'USA', 'McDonald', 'the', 'and', 'hello', "'s", "'", "''", '.', '!', '?', ':', '-', '(', '"', '*', '\n', '\t', ' ', '  ',
];

describe('content tokens', () => {
  it('reads an ASCII text token for token as the Unicode word expression does', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      expect(contentTokens(text)).toEqual(contentTokensByExpression(text));
      expect(contentKeys(text)).toEqual(contentTokensByExpression(text).map((t) => t.key));
    }), { numRuns: 3_000, seed: 11 });
  });

  it('collapses letter runs in any case and keeps the keys of non-ASCII text', () => {
    expect(contentKeys('Arrrr matey, AAArgh! Wooo’s there? café ÉTÉ')).toEqual(contentTokensByExpression('Arrrr matey, AAArgh! Wooo’s there? café ÉTÉ').map((t) => t.key));
    expect(contentKeys("Arrrr, it's Booo's 1112 boat")).toEqual(['arr', 'boo', '1112', 'boat']);
  });

  it('keeps names inside a sentence as facts and drops stopwords', () => {
    expect(contentTokens('We met Miles in Paris. Then the 12 crew left.')).toEqual([
      { key: 'met', fact: false, word: true },
      { key: 'miles', fact: true, word: true },
      { key: 'paris', fact: true, word: true },
      { key: '12', fact: true, word: false },
      { key: 'crew', fact: false, word: true },
      { key: 'left', fact: false, word: true },
    ]);
  });
});
