// Signals of a voice being imitated rather than content being taught: a user prompt that asks for a
// named person's or account's style, or for a social-media post, and replies written as short social
// posts (handles, hashtags, tickers, short links). Their names, handles and times are invention in
// the voice, not facts to remember, so such replies are kept out of the fact count.

import { sentenceAround } from '../text.ts';

/** Asking for someone's voice or a post in it: "in the style of X", "write like @x", "a tweet as X", "impersonate". */
export const IMITATION_REQUEST = new RegExp(
  [
    String.raw`\bin the (?:style|voice|manner|words|tone|spirit) of\b`,
    String.raw`\b(?:write|writes|speak|talk|sound|respond|reply|answer|tweet|post)\s+(?:like|as if you were|as though you were)\s+(?:@?\p{Lu}|an?\b|the\b)`,
    String.raw`\b(?:imitat\w*|impersonat\w*|mimic\w*|parod\w*)\b`,
    String.raw`\b(?:tweets?|retweets?|toots?|threads? on (?:x|twitter)|(?:social[- ]media|instagram|linkedin|facebook|reddit) (?:post|caption|comment)s?|followers)\b`,
    // French, Spanish, German
    String.raw`\b(?:à la manière de|dans le style de|al estilo de|im Stil von)\b`,
  ].join('|'),
  'iu',
);

/**
 * Words one of which every match of IMITATION_REQUEST contains (plain literals, any case). The expression is costly (case-insensitive
 * Unicode with word boundaries, tried at every position), so a prompt without any of them skips it: on a 100 MB file of
 * ordinary prompts the expression alone took half the analysis. The words are written as a tree on their first letters
 * (the/tweet/toot/thread under one "t"): the engine tries each top-level alternative at every position, so ten
 * alternatives instead of twenty scan a prompt in two thirds of the time; the words matched are the same.
 */
const REQUEST_WORDS =
  /t(?:he (?:style|voice|manner|words|tone|spirit) of|weet|oot|hread)|li(?:ke|nkedin)|as (?:if|though)|i(?:mitat|mpersonat|nstagram)|m(?:imic|anière)|parod|s(?:ocial|tyle de|til von)|f(?:acebook|ollower)|reddit|estilo/i;

/**
 * REQUEST_WORDS where a word starts, "retweet" added (a word that holds "tweet" past its start): every match of
 * IMITATION_REQUEST opens with a word boundary, and its literal sits at one (after "in ", after the verb's spaces, or
 * first). Testing the boundary first spares the alternatives inside words, a quarter of the prefilter's time. Only the
 * long s (ſ) and the Kelvin sign (K) fold to ASCII letters under the expression's Unicode case rules and not under
 * these; a prompt with either keeps the plain prefilter, so the answer is the same for every prompt.
 */
const REQUEST_WORDS_AT_WORD_START =
  /\b(?:t(?:he (?:style|voice|manner|words|tone|spirit) of|weet|oot|hread)|li(?:ke|nkedin)|as (?:if|though)|i(?:mitat|mpersonat|nstagram)|m(?:imic|anière)|parod|s(?:ocial|tyle de|til von)|f(?:acebook|ollower)|re(?:ddit|tweet)|estilo)/i;

/** The words of a user prompt that ask for an imitated voice or a social post, or null (a question about tweets asks for none). */
export function imitationRequest(prompt: string): string | null {
  const text = prompt.length > 4_000 ? prompt.slice(0, 4_000) : prompt;
  // Both characters lie beyond Latin-1: in a one-byte string (most prompts) the engine answers without a scan.
  if (text.includes('ſ') || text.includes('K')) {
    if (!REQUEST_WORDS.test(text)) return null;
  } else if (!REQUEST_WORDS_AT_WORD_START.test(text)) return null;
  const m = IMITATION_REQUEST.exec(text);
  if (!m) return null;
  return /\?\s*$/.test(sentenceAround(text, m.index)) ? null : m[0];
}

/** Handles, hashtags, cashtags and shortened links: the marks of a social-media post. */
// Written with a lookbehind (start of text or a space before the mark) so every branch starts with a literal (@ # $ h):
// the engine then skips to those characters instead of trying the expression at every position of every reply.
export const SOCIAL_MARKS = /(?<!\S)(?:@\s?[A-Za-z_]\w{1,30}|#[\p{L}_][\p{L}\p{N}_]{1,40}|\$[A-Z]{2,6}\b)|https?:\/\/(?:t\.co|bit\.ly|buff\.ly|ow\.ly|lnkd\.in)\//u;

/** A reply short enough to be a post that carries a post's marks. */
export function isSocialPost(reply: string): boolean {
  return reply.length <= 600 && SOCIAL_MARKS.test(reply);
}
