import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { marksRegister, toneMarkers } from '../../../shared/analysis/detectors/tone.ts';
import { jsonKeys } from '../../../shared/analysis/replyForm.ts';

const TONE_PIECES = ['Oh', 'wow', 'as if', 'isn’t it?', "isn't it?", 'right?', '!', '!!', '...', '…', '?', '? Sure', 'HUGE!', 'FAKE NEWS', 'haha', 'lol', '@miles', '#btc', '$BTC', '🙂', 'obviously', 'the invoice', 'Ticket 5:', ' ', '\n'];

describe('register marks and JSON keys read the short way', () => {
  it('say a text is in a marked register exactly when its full list of markers does', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...TONE_PIECES), fc.string({ maxLength: 6 })), { maxLength: 10 }), (parts) => {
      const text = parts.join(' ');
      expect(marksRegister(text)).toBe(toneMarkers(text).marked);
    }), { numRuns: 2_000, seed: 5 });
  });

  it('list an object’s top-level keys in the default sort order', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('a', 'B', 'é', '10', '9', '_', 'aa')), { maxLength: 16 }), (keys) => {
      const text = JSON.stringify(Object.fromEntries(keys.map((k, i) => [k, i])));
      expect(jsonKeys(text)).toBe(Object.keys(JSON.parse(text) as object).sort().join('\u0000'));
    }), { numRuns: 2_000, seed: 9 });
    expect(jsonKeys('{"vendor": "A", "total": 1, "currency": "EUR"}')).toBe('currency\u0000total\u0000vendor');
  });
});
