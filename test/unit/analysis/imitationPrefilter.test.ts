import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IMITATION_REQUEST, imitationRequest } from '../../../shared/analysis/detectors/voice.ts';
import { sentenceAround } from '../../../shared/analysis/text.ts';

/** The request as the expression alone finds it, with no prefilter: what imitationRequest must always answer. */
function unfiltered(prompt: string): string | null {
  const text = prompt.slice(0, 4_000);
  const m = IMITATION_REQUEST.exec(text);
  if (!m) return null;
  return /\?\s*$/.test(sentenceAround(text, m.index)) ? null : m[0];
}

// Pieces of real requests and of ordinary prompts ("invoice" holds "voice"), glued at random with random text between.
const FRAGMENTS = [
  'Write a tweet in the style of Miles', 'in the voice of a pirate', 'In The Manner Of Hemingway', 'reply like @elonmusk', 'talk as if you were a doctor',
  'impersonate the CEO', 'a parody of', 'mimicking', 'tweets about', 'a LinkedIn post', 'social media caption', 'threads on twitter', 'his followers',
  'à la manière de Proust', 'al estilo de', 'im Stil von Goethe', 'dans le style de', 'the invoice shows the wrong amount', 'Ticket 12:', 'can you help?',
  'write like a', 'post like the', 'sound like an', '\t', '\n', ' ',
];

describe('the imitation-request prefilter', () => {
  it('never hides a request the full expression would find', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })), { maxLength: 12 }), (parts) => {
      const prompt = parts.join(' ');
      expect(imitationRequest(prompt)).toBe(unfiltered(prompt));
    }), { numRuns: 2_000, seed: 7 });
  });

  it('answers as the plain word list did, for words inside words (retweets) and the long s and Kelvin sign alike', () => {
    // The prefilter as it was first written: its answer for every prompt is what imitationRequest must keep.
    const plainWords = /the (?:style|voice|manner|words|tone|spirit) of|like|as (?:if|though)|imitat|impersonat|mimic|parod|tweet|toot|thread|social|instagram|linkedin|facebook|reddit|follower|manière|style de|estilo|stil von/i;
    const plain = (prompt: string) => (plainWords.test(prompt.slice(0, 4_000)) ? unfiltered(prompt) : null);
    const pieces = [...FRAGMENTS, 'retweets', 'Retweet this', 'ſocial media post', 'linKedin post', 'a ſ', 'K', 'unlikely', 'xtweet', '_like', 'à la manière de'];
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 10 }), fc.constantFrom(' ', '', '-', '_', '\n'), (parts, glue) => {
      const prompt = parts.join(glue);
      expect(imitationRequest(prompt)).toBe(plain(prompt));
    }), { numRuns: 3_000, seed: 13 });
    expect(imitationRequest('Write retweets about our launch')).toBe('retweets');
  });

  it('skips an ordinary support prompt without running the expression, and still finds a real request', () => {
    expect(imitationRequest('Ticket 5: my order arrived late and the invoice shows the wrong amount, can you help?')).toBeNull();
    expect(imitationRequest('Write a tweet in the style of Miles Deutscher about $BTC')).not.toBeNull();
  });
});
