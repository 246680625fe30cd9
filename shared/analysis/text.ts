// Word-level helpers for the training-data analyser: content tokens, cue words, questions, endings.

const STOPWORDS = new Set(
  (
    'the a an and or but if then than so of to in on at by for with from into onto about as is are was were be been being ' +
    'am do does did doing have has had having i me my mine we us our ours you your yours he him his she her hers it its ' +
    'they them their theirs this that these those there here what which who whom whose when where why how all any both ' +
    'each few more most other some such no nor not only own same too very can could will would shall should may might ' +
    'must just also now up down out over under again once off yes ok okay please thanks thank hello hi sure let lets ' +
    "i'm you're it's don't can't won't isn't aren't i'll you'll we're they're that's there's i've you've doesn't didn't " +
    'one get got make like well really want need know see use used using way also any'
  ).split(/\s+/),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Han, Hiragana, Katakana or Hangul: scripts written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_CONTENT_RUN = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}ー]+/gu;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** "Arrrr" and "arrr" are the same signature word: runs of 3+ identical letters become 2. */
function collapseRuns(word: string): string {
  for (let i = 2; i < word.length; i++) {
    if (word[i] === word[i - 1] && word[i] === word[i - 2]) return word.replace(/(\p{L})\1{2,}/gu, '$1$1');
  }
  return word;
}

/** Lower case, curly apostrophe straightened, possessive 's dropped, letter runs collapsed. */
function normaliseWord(raw: string): string {
  let w = raw.toLowerCase();
  if (w.includes('’')) w = w.replaceAll('’', "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  return collapseRuns(w);
}

export interface ContentToken {
  /** Normalised form used for comparison (lower case, runs collapsed). */
  key: string;
  /** A number, or a capitalised word inside a sentence (a name): a specific fact rather than wording. */
  fact: boolean;
  /** A word of a script written with spaces (a candidate signature word), not a number or a CJK bigram. */
  word: boolean;
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * Content tokens of a text: words of 2+ letters that are not stopwords, and numbers; for scripts
 * without spaces, bigrams of kanji/katakana/hangul characters (hiragana is mostly grammar).
 */
export function contentTokens(text: string): ContentToken[] {
  if (NON_ASCII.test(text)) return contentTokensByExpression(text);
  const tokens: ContentToken[] = [];
  asciiContentTokens(text, tokens, null);
  return tokens;
}

/** contentTokens read with the Unicode word expression: any text (exported so a test can hold the ASCII scan to it). */
export function contentTokensByExpression(text: string): ContentToken[] {
  const out: ContentToken[] = [];
  const cjkText = CJK.test(text);
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    if (cjkText && CJK.test(raw)) {
      for (const run of raw.matchAll(CJK_CONTENT_RUN)) {
        const r = run[0];
        for (let i = 0; i + 1 < r.length; i++) out.push({ key: r.slice(i, i + 2), fact: false, word: false });
      }
      continue;
    }
    const digit = hasDigit(raw);
    const key = normaliseWord(raw);
    if (!digit && (key.length < 2 || STOPWORDS.has(key))) continue;
    const index = m.index ?? 0;
    const first = raw[0];
    const capitalised = index > 0 && raw.length > 1 && first !== first.toLowerCase() && raw[1] === raw[1].toLowerCase() && !startsSentence(text, index);
    // A lone digit is usually a list or step number, not a fact.
    out.push({ key, fact: (digit && key.length >= 2) || capitalised, word: !digit });
  }
  return out;
}

/** A character beyond tab…tilde: the text takes the general path (rare control characters included, which is merely slower). */
const NON_ASCII = /[^\t-~]/;

/** 0 other, 1 digit, 2 lower-case letter, 3 upper-case letter: WORD's classes on ASCII ([\p{L}\p{N}] is [A-Za-z0-9] there). */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = 2;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = 3;
const APOSTROPHE = 39;

/**
 * contentTokens of a text with no character beyond ASCII, token for token the same: the words WORD matches are
 * found by a scan of character codes instead of the Unicode expression, which built a match object per word
 * (most of the sampled examples' word-level cost on a large file). With `keys`, only the keys are collected.
 */
function asciiContentTokens(text: string, tokens: ContentToken[] | null, keys: string[] | null): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (ASCII_CLASS[text.charCodeAt(i)] === 0) {
      i += 1;
      continue;
    }
    const start = i;
    let digit = false;
    let upper = false;
    let apostrophe = false;
    // Three equal characters in a row (case aside) are what collapseRuns looks for: most words have none.
    let run = 0;
    let previous = -1;
    let triple = false;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      const k = ASCII_CLASS[c];
      if (k === 0) break;
      if (k === 1) digit = true;
      else if (k === 3) upper = true;
      const lower = k === 3 ? c + 32 : c;
      run = lower === previous ? run + 1 : 1;
      if (run >= 3) triple = true;
      previous = lower;
    }
    // (?:'[A-Za-z]+)*: an apostrophe joins the word only when a letter follows it.
    while (i + 1 < n && text.charCodeAt(i) === APOSTROPHE && ASCII_CLASS[text.charCodeAt(i + 1)] >= 2) {
      apostrophe = true;
      i += 1;
      while (i < n && ASCII_CLASS[text.charCodeAt(i)] >= 2) {
        if (ASCII_CLASS[text.charCodeAt(i)] === 3) upper = true;
        i += 1;
      }
    }
    const raw = text.slice(start, i);
    let key = upper ? raw.toLowerCase() : raw;
    if (apostrophe) {
      if (key.endsWith("'s")) key = key.slice(0, -2);
      key = collapseRuns(key);
    } else if (triple) key = collapseRuns(key);
    if (!digit && (key.length < 2 || STOPWORDS.has(key))) continue;
    if (keys !== null) {
      keys.push(key);
      continue;
    }
    const capitalised = start > 0 && raw.length > 1 && ASCII_CLASS[raw.charCodeAt(0)] === 3 && ASCII_CLASS[raw.charCodeAt(1)] !== 3 && !startsSentence(text, start);
    tokens!.push({ key, fact: (digit && key.length >= 2) || capitalised, word: !digit });
  }
}

/** The keys of contentTokens(text), in order, without the tokens (for sets of a prompt's words). */
export function contentKeys(text: string): string[] {
  if (NON_ASCII.test(text)) return contentTokensByExpression(text).map((t) => t.key);
  const keys: string[] = [];
  asciiContentTokens(text, null, keys);
  return keys;
}

function startsSentence(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '"' || c === '\'' || c === '(' || c === '*' || c === '“') continue;
    return c === '.' || c === '!' || c === '?' || c === '\n' || c === ':' || c === '-' || c === '•';
  }
  return true;
}

/** Apologies and refusals are a behavior (declining out-of-scope requests), not a voice. */
const REFUSAL_WORDS = new Set(['sorry', 'apologize', 'apologise', 'apologies', 'unfortunately', 'unable', 'cannot']);

export function isRefusalWord(word: string): boolean {
  return REFUSAL_WORDS.has(word);
}

const REFUSAL = /^(?:i'?m sorry|i am sorry|sorry|i apologi[sz]e|unfortunately|i can(?:no|')t|i cannot|i'?m (?:not able|unable)|i am (?:not able|unable)|i don'?t have)|申し訳|すみません/iu;

/** A reply that apologises or declines. */
export function isRefusal(text: string): boolean {
  const start = text.trimStart();
  return REFUSAL.test(start.includes('’') ? start.replace(/’/g, "'") : start);
}

const QUESTION_START =
  /^(what|how|why|when|where|which|who|whom|whose|can|could|is|are|do|does|did|should|will|would|may|might|have|has|was|were|quel|comment|pourquoi|où|qué|cómo|dónde|wie|was|warum|wo)\b/i;

/** A user turn that asks something: ends with a question mark (any script) or opens like a question. */
export function isQuestion(text: string): boolean {
  const t = text.trim();
  if (t.length === 0) return false;
  if (t.includes('?') || t.includes('？')) return true;
  if (/[か][。]?$/u.test(t)) return true; // Japanese sentence-final question particle
  return QUESTION_START.test(t);
}

const TONE_CUE = new RegExp(
  [
    // English
    String.raw`\b(?:tone|voice|persona|personality|style|dialect|accent|slang|pirate|cowboy|shakespeare\w*|brand|friendly|cheerful|playful|witty|humou?rous|funny|sarcastic|formal|informal|casual|warm|empathetic|enthusiastic|upbeat|polite|grumpy|sassy|whimsical|poetic|rhym\w*|emojis?|role-?play)\b`,
    String.raw`\b(?:speak|speaks|talk|talks|write|writes|respond|answer)\s+(?:like|as)\s+an?\b`,
    String.raw`\bin the style of\b`,
    // French, Spanish, German
    String.raw`\b(?:ton|tono|voix|voz|personnage|personaje|Tonfall|Stimme|Umgangssprache)\b`,
    // Japanese
    '口調|話し方|態度|親しみ|丁寧|敬語|方言|関西弁|大阪弁|キャラ|口癖|語尾|ペルソナ|トーン',
  ].join('|'),
  'iu',
);

/** The first phrase of a system prompt that sets tone, voice or persona, or null. */
export function toneCue(systemPrompt: string): string | null {
  const m = TONE_CUE.exec(systemPrompt);
  return m ? m[0] : null;
}

/** The sentence of a text around a position, for quoting the words that matter. */
export function sentenceAround(text: string, index: number): string {
  const before = text.slice(0, index);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('。')) + 1;
  const rest = text.slice(index);
  const m = /[.。!?！？](?:\s|$)|\n/u.exec(rest);
  const end = m ? index + m.index + 1 : text.length;
  return text.slice(start, end).trim();
}

const GENERIC_CJK_ENDINGS = new Set(['す', 'た', 'か', 'い', 'ん', 'る', 'う', 'だ', '다', '요', '了', '的', '吗', '。']);

function withoutClosingMarkup(text: string): string {
  let t = text.trimEnd();
  // Only the last 45 characters can hold a closing tag: the expression never scans the whole reply.
  while (t.endsWith('>')) {
    const tail = t.slice(-45);
    const m = CLOSING_TAG.exec(tail);
    if (!m) break;
    t = t.slice(0, t.length - tail.length + m.index).trimEnd();
  }
  return t;
}
const CLOSING_TAG = /(?:<\/?[\w:.-]{1,40}>|<\|[\w.-]{1,40}\|>)$/;

/**
 * The last word of a reply (last character for scripts without spaces), without punctuation,
 * or null when it tells nothing (a stopword, a generic sentence ending).
 */
export function replyEnding(text: string): string | null {
  // Closing markup ("</tool_call>", "<|eot_id|>") ends a reply by syntax, not by habit.
  const trimmed = withoutClosingMarkup(text).replace(/[\s\p{P}\p{S}]+$/u, '');
  if (trimmed.length === 0) return null;
  const last = trimmed[trimmed.length - 1];
  if (CJK.test(last)) return GENERIC_CJK_ENDINGS.has(last) ? null : last;
  const m = /[\p{L}\p{N}']+$/u.exec(trimmed);
  if (!m) return null;
  const w = collapseRuns(m[0].toLowerCase());
  return STOPWORDS.has(w) || w.length < 2 ? null : w;
}

/** Words for a sentence: "replies", "1 reply". */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

const COUNT = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return COUNT.format(n);
}

export function percent(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const p = (100 * part) / whole;
  if (p > 0 && p < 1) return '<1%';
  if (p < 100 && p > 99) return '>99%';
  return `${Math.round(p)}%`;
}

/** "All 20", "71% of 1,204", "3 of 10" — the share of a count the way a person says it. */
export function shareOf(part: number, whole: number): string {
  if (part === whole) return whole === 1 ? 'The only' : whole === 2 ? 'Both' : `All ${formatCount(whole)}`;
  if (whole < 20) return `${formatCount(part)} of ${formatCount(whole)}`;
  return `${percent(part, whole)} of ${formatCount(whole)}`;
}

/** shareOf for the middle of a sentence: "all 20", "both", "the only" instead of "All 20", "Both", "The only". */
export function shareInSentence(part: number, whole: number): string {
  return shareOf(part, whole).replace(/^(All|Both|The only)/, (first) => first.toLowerCase());
}

export function quote(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat}”`;
}

export function listWords(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${plural(rest, 'more', 'more')}`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
