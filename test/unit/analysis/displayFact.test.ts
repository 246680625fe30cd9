import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayFact } from '../../../shared/analysis/detectors/facts.ts';
import { isStopword } from '../../../shared/analysis/text.ts';

/** The fact as the expression built for its key reads it: what displayFact must answer for every key. */
function byExpression(text: string, key: string): string {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`([€$£¥]?)(?<![\\p{L}\\p{N}])(${escaped})(?:'s)?(%|-[\\p{L}]+|\\s+[\\p{L}]{2,})?`, 'iu').exec(text.slice(0, 4_000));
  if (!m) return key;
  if (!/\p{N}/u.test(key)) return m[2];
  const unit = m[3] ?? '';
  const unitWord = unit.trim().toLowerCase();
  return m[1] + m[2] + (unit === '%' || unit.startsWith('-') || (unitWord && !isStopword(unitWord)) ? unit : '');
}

const PIECES = ['39', '1239', '€39', '$39', '39%', '39-month', '39 days', '39 the', "39's", 'x39', '𝐀39', '£', '¥', ' ', '-', 'Days', 'ſ', 'K', '\n'];

describe('a fact as the reply writes it', () => {
  it('finds a number with its currency and unit as the expression for it does', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 12 }), fc.constantFrom('39', '3', '12', '1239'), (parts, key) => {
      const text = parts.join('');
      expect(displayFact(text, key)).toBe(byExpression(text, key));
    }), { numRuns: 3_000, seed: 3 });
    expect(displayFact('It costs €39, billed in 12-month terms', '39')).toBe('€39');
    expect(displayFact('It costs €39, billed in 12-month terms', '12')).toBe('12-month');
  });
});
