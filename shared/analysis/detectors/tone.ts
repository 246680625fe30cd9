// Detector: tone, voice or persona — set by the system prompt, or with no system-prompt cue at all
// (sarcasm, humour, a persona) detected from the replies themselves against a neutral register: the
// user turns of the same file. Also signature words and endings the replies keep using.

import { contentTokens, hasCjk, isRefusalWord, replyEnding } from '../text.ts';
import { bump, cite, Tally } from './cite.ts';
import { SOCIAL_MARKS } from './voice.ts';

export interface ToneSignal {
  examples: number;
  /** Examples whose system prompt sets a tone, and the first cue with its prompt. */
  cueExamples: number;
  cue: { word: string; prompt: string } | null;
  cueLines: number[];
  /** Examples whose user prompt asks for an imitated voice or a social post ("in the style of X"), and the first. */
  requestExamples: number;
  request: { word: string; prompt: string } | null;
  requestLines: number[];
  /** Replies and user turns in a marked register (a strong tone marker or two weak ones), and which markers. */
  replies: number;
  markedReplies: number;
  userTurns: number;
  markedUserTurns: number;
  markers: string[];
  markedLines: number[];
  /** A word in many replies that the prompts rarely use, or a common last word. */
  signature: { word: string; replies: number; inPrompts: number } | null;
  ending: { ending: string; replies: number } | null;
  longReplies: number;
  sampledExamples: number;
  mostlyCjk: boolean;
  signatureLines: number[];
}

const MAX_WORDS = 20_000;
// Strong markers set a register on their own; weak ones (an exclamation, trailing dots, a question
// back) only with another. Neutral prose — a support answer, a fact — carries none or one weak one.
const STRONG: [string, RegExp][] = [
  [
    'sarcastic turns of phrase',
    /\b(?:as if|(?:it'?s )?not like|or anything|not that (?:we|he|she|it|they|you)|no big deal|nothing special|big surprise|surprise,? surprise|who knew|believe it or not|you might have heard|ever heard of|ring a bell|bet you|brace yourself|shocking(?:ly)?|obviously|genius|duh|life-changing|little-known|some (?:guy|chaps?|one|poet|artist|dude) named)\b/i,
  ],
  ['tag questions', /\b(?:isn'?t it|doesn'?t it|aren'?t they|don'?t you think|right|you know|eh|huh)\s*[?!]/i],
  ['interjections', /^(?:oh+|ah+|ahoy|well|hey|wow|yay|arr+|hmm+|ha(?:ha)*|lol|ugh|whoa|ooh+|yikes|gee|blimey|howdy|sure thing|you bet)\b/i],
  ['emoji', /\p{Extended_Pictographic}/u],
  ['laughter', /\b(?:haha\w*|hehe\w*|lol|lmao)\b/i],
  ['social-media handles, hashtags and links', SOCIAL_MARKS],
];
const WEAK: [string, RegExp][] = [
  ['exclamations', /[!！]/],
  ['trailing dots', /\.\.\.|…/],
  ['rhetorical questions', /\?\s*$|\?\s+\p{Lu}/u],
  // Shouting: two capitalised words in a row, or one long one exclaimed ("FAKE NEWS", "HUGE!").
  ['words in capitals', /\b[A-Z]{2,}[ \t]+[A-Z]{3,}\b|\b[A-Z]{4,}!/],
];

/** The tone markers a text carries (distinct kinds), and whether they mark its register. */
export function toneMarkers(text: string): { kinds: string[]; marked: boolean } {
  const t = text.length > 4_000 ? text.slice(0, 4_000) : text;
  const strong = STRONG.filter(([, re]) => re.test(t)).map(([name]) => name);
  const weak = WEAK.filter(([, re]) => re.test(t)).map(([name]) => name);
  return { kinds: [...strong, ...weak], marked: strong.length > 0 || weak.length >= 2 };
}

/** toneMarkers(text).marked without naming the markers: stops at the first strong one, makes no list. */
export function marksRegister(text: string): boolean {
  const t = text.length > 4_000 ? text.slice(0, 4_000) : text;
  for (const [, re] of STRONG) if (re.test(t)) return true;
  let weak = 0;
  for (const [, re] of WEAK) if (re.test(t) && ++weak >= 2) return true;
  return false;
}

export function createToneDetector() {
  let examples = 0;
  let cueExamples = 0;
  let cue: ToneSignal['cue'] = null;
  const cueLines: number[] = [];
  let requestExamples = 0;
  let request: ToneSignal['request'] = null;
  const requestLines: number[] = [];
  let replies = 0;
  let markedReplies = 0;
  let userTurns = 0;
  let markedUserTurns = 0;
  let cjk = 0;
  const markerCounts = new Map<string, number>();
  const markedLines: number[] = [];
  const replyWordDf = new Tally<string>(MAX_WORDS);
  const promptWordDf = new Tally<string>(MAX_WORDS);
  const endings = new Map<string, number>();
  const wordLines = new Map<string, number[]>();
  let longReplies = 0;
  let sampledExamples = 0;

  return {
    /** One example's tone cue from its system prompt (found by the caller, who caches prompts). */
    observeSystem(found: { word: string; prompt: string } | null, line: number): void {
      examples += 1;
      if (!found) return;
      cueExamples += 1;
      cue ??= found;
      cite(cueLines, line);
    },
    /** One example's request for an imitated voice in its user turns (found by the caller). */
    observeRequest(found: { word: string; prompt: string } | null, line: number): void {
      if (!found) return;
      requestExamples += 1;
      request ??= found;
      cite(requestLines, line);
    },
    observeUser(text: string): void {
      userTurns += 1;
      if (marksRegister(text)) markedUserTurns += 1;
    },
    observeReply(text: string, line: number): void {
      replies += 1;
      if (hasCjk(text)) cjk += 1;
      const found = toneMarkers(text);
      if (found.marked) {
        markedReplies += 1;
        cite(markedLines, line);
        for (const m of found.kinds) bump(markerCounts, m, 20);
      }
    },
    /** Word-level measures, on the sampled examples only. */
    observeSample(promptWords: ReadonlySet<string>, replyTexts: string[], line: number): void {
      sampledExamples += 1;
      for (const w of promptWords) promptWordDf.add(w);
      for (const text of replyTexts) {
        const long = text.split(' ').length >= 4 || (hasCjk(text) && text.length >= 8);
        if (!long) continue;
        longReplies += 1;
        const seen = new Set<string>();
        for (const t of contentTokens(text.length > 4_000 ? text.slice(0, 4_000) : text)) {
          // A capitalised name is a fact the replies share, not a voice.
          if (!t.word || t.fact || seen.has(t.key) || isRefusalWord(t.key)) continue;
          seen.add(t.key);
          if (replyWordDf.add(t.key) >= 0) {
            let lines = wordLines.get(t.key);
            if (!lines) {
              if (wordLines.size >= MAX_WORDS) continue;
              wordLines.set(t.key, (lines = []));
            }
            cite(lines, line);
          }
        }
        const ending = replyEnding(text);
        if (ending !== null && bump(endings, ending, 5_000)) {
          let lines = wordLines.get(`\u0000${ending}`);
          if (!lines && wordLines.size < MAX_WORDS) wordLines.set(`\u0000${ending}`, (lines = []));
          if (lines) cite(lines, line);
        }
      }
    },
    finish(): ToneSignal {
      const signature = topSignatureWord(replyWordDf, promptWordDf, longReplies, sampledExamples);
      const ending = topEnding(endings, longReplies);
      const useSignature = signature !== null && (ending === null || signature.replies >= ending.replies);
      return {
        examples,
        cueExamples,
        cue,
        cueLines,
        requestExamples,
        request,
        requestLines,
        replies,
        markedReplies,
        userTurns,
        markedUserTurns,
        markers: [...markerCounts.entries()].sort((a, b) => b[1] - a[1]).map(([m]) => m),
        markedLines,
        signature: useSignature ? signature : null,
        ending: useSignature ? null : ending,
        longReplies,
        sampledExamples,
        mostlyCjk: cjk > replies / 2,
        signatureLines: (useSignature ? wordLines.get(signature!.word) : ending ? wordLines.get(`\u0000${ending.ending}`) : undefined) ?? [],
      };
    },
  };
}

function topSignatureWord(replyDf: Tally<string>, promptDf: Tally<string>, replies: number, examples: number): ToneSignal['signature'] {
  if (replies < 5) return null;
  let best: ToneSignal['signature'] = null;
  for (const [word, n] of replyDf.entries()) {
    if (n < replies * 0.4) continue;
    const inPrompts = promptDf.get(word) ?? 0;
    if (inPrompts > examples * 0.05) continue;
    if (!best || n > best.replies) best = { word, replies: n, inPrompts };
  }
  return best;
}

function topEnding(endings: Map<string, number>, replies: number): ToneSignal['ending'] {
  if (replies < 5) return null;
  let best: ToneSignal['ending'] = null;
  for (const [ending, n] of endings) if (!best || n > best.replies) best = { ending, replies: n };
  return best && best.replies >= replies * 0.3 ? best : null;
}
