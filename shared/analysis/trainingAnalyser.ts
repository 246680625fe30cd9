// Streaming analyser of fine-tuning training data (JSONL): feed it lines, get counts, a suggested
// job profile and the evidence for it in plain words. Memory stays flat: counters, and maps that
// stop growing at a cap (the caps are reported in notes).

import type { Job, JobWeights } from '../domain/types.ts';
import { JOBS } from '../domain/types.ts';
import { isProblem, parseExample } from './parseExample.ts';
import type { Example, Reply, TrainingFormat } from './parseExample.ts';
import {
  choiceCue,
  contentTokens,
  formatCount,
  hasCjk,
  isQuestion,
  listWords,
  percent,
  plural,
  quote,
  replyEnding,
  shareInSentence,
  shareOf,
  structureCue,
  toneCue,
  isStopword,
  isRefusal,
  isRefusalWord,
} from './text.ts';
import type { MalformedLine, TrainingAnalysis } from './types.ts';

export type { MalformedLine, TrainingAnalysis } from './types.ts';

export interface TrainingAnalyserOptions {
  /** Malformed lines listed individually (all are counted). Default 100. */
  maxMalformedListed?: number;
  /** Distinct replies tracked for the behavior signal. Default 5,000. */
  maxDistinctReplies?: number;
  /** Distinct system prompts tracked. Default 1,000. */
  maxSystemPrompts?: number;
  /** Examples whose words are all analysed before sampling starts. Default 2,000. */
  lexicalSampleSize?: number;
}

export interface TrainingAnalyser {
  /** One line of the file; lineNo is 1-based as an editor shows it. Blank lines are skipped. */
  addLine(text: string, lineNo: number): void;
  /** Records a line the reader could not even hand over (too long, not text). */
  addMalformedLine(lineNo: number, message: string, field?: string): void;
  finish(): TrainingAnalysis;
}

interface SystemPromptInfo {
  examples: number;
  tone: string | null;
  choice: string | null;
  structure: boolean;
}

/** Counted in maps that stop taking new keys at a cap. */
function bump<K>(map: Map<K, number>, key: K, cap: number): boolean {
  const n = map.get(key);
  if (n !== undefined) {
    map.set(key, n + 1);
    return true;
  }
  if (map.size >= cap) return false;
  map.set(key, 1);
  return true;
}

const MAX_WORDS_TRACKED = 20_000;
const MAX_KEYSETS = 1_000;
const MAX_TOOL_NAMES = 200;
const MAX_ENDINGS = 5_000;
const MAX_FACTS = 5_000;
const SYSTEM_TOKEN_CACHE = 64;

export function createTrainingAnalyser(options: TrainingAnalyserOptions = {}): TrainingAnalyser {
  const maxMalformed = options.maxMalformedListed ?? 100;
  const maxDistinct = options.maxDistinctReplies ?? 5_000;
  const maxSystem = options.maxSystemPrompts ?? 1_000;
  const sampleAll = options.lexicalSampleSize ?? 2_000;

  let lines = 0;
  let examples = 0;
  const formats: Record<TrainingFormat, number> = { chat: 0, prompt_completion: 0, preference: 0 };
  let malformedTotal = 0;
  const malformed: MalformedLine[] = [];
  let chars = 0;

  const systemPrompts = new Map<string, SystemPromptInfo>();
  let systemCapped = false;
  let withoutSystem = 0;
  let toneExamples = 0;
  let toneSample: { cue: string; prompt: string } | null = null;
  let choiceExamples = 0;
  let choiceSample: string | null = null;
  let structureExamples = 0;

  let minMessages = Infinity;
  let maxMessages = 0;
  let sumMessages = 0;
  let sumUserTurns = 0;
  let multiTurn = 0;
  let userTurns = 0;
  let questions = 0;

  let replies = 0;
  let jsonReplies = 0;
  let toolCallReplies = 0;
  let textReplies = 0;
  let replyChars = 0;
  let choiceReplies = 0; // text and JSON replies: the ones that can be a label
  let choiceReplyChars = 0;
  let choiceReplyWords = 0;
  let cjkReplies = 0;
  let refusals = 0;
  const keysets = new Map<string, number>();
  const distinctReplies = new Map<string, number>();
  let distinctCapped = false;
  const toolNames = new Map<string, number>();
  let examplesWithTools = 0;
  let preferencePairs = 0;

  // Lexical sample (words are the costly part, so large files are sampled evenly).
  let sampledExamples = 0;
  let sampledTextReplies = 0;
  let novelReplies = 0;
  let factReplies = 0;
  const facts = new Map<string, number>();
  const factDisplay = new Map<string, string>();
  let signatureReplies = 0;
  const replyWordDf = new Map<string, number>();
  const promptWordDf = new Map<string, number>();
  const endings = new Map<string, number>();
  let endingReplies = 0;
  let sampleChars = 0;
  let sampleTokens = 0;
  const systemTokenCache = new Map<string, Set<string>>();

  function recordMalformed(lineNo: number, message: string, field?: string): void {
    malformedTotal += 1;
    if (malformed.length < maxMalformed) malformed.push(field === undefined ? { line: lineNo, message } : { line: lineNo, field, message });
  }

  function systemInfo(prompt: string): SystemPromptInfo {
    const known = systemPrompts.get(prompt);
    if (known) {
      known.examples += 1;
      return known;
    }
    const info: SystemPromptInfo = { examples: 1, tone: toneCue(prompt), choice: choiceCue(prompt), structure: structureCue(prompt) };
    if (systemPrompts.size < maxSystem) systemPrompts.set(prompt, info);
    else systemCapped = true;
    return info;
  }

  function systemTokens(prompt: string): Set<string> {
    let set = systemTokenCache.get(prompt);
    if (!set) {
      set = new Set(contentTokens(prompt).map((t) => t.key));
      if (systemTokenCache.size >= SYSTEM_TOKEN_CACHE) systemTokenCache.clear();
      systemTokenCache.set(prompt, set);
    }
    return set;
  }

  function countReply(reply: Reply): void {
    replies += 1;
    replyChars += reply.text.length;
    if (reply.toolCalls.length > 0) {
      toolCallReplies += 1;
      for (const name of reply.toolCalls) bump(toolNames, name, MAX_TOOL_NAMES);
      return;
    }
    const trimmed = reply.text.trim();
    const keys = jsonKeys(trimmed);
    if (keys !== undefined) {
      jsonReplies += 1;
      if (keys !== null) bump(keysets, keys, MAX_KEYSETS);
    } else {
      textReplies += 1;
      if (isRefusal(trimmed)) refusals += 1;
      if (hasCjk(trimmed)) cjkReplies += 1;
    }
    choiceReplies += 1;
    choiceReplyChars += trimmed.length;
    choiceReplyWords += roughWordCount(trimmed);
    const key = trimmed.length > 300 ? `${trimmed.slice(0, 300)}…${trimmed.length}` : trimmed;
    if (!bump(distinctReplies, key, maxDistinct)) distinctCapped = true;
  }

  function analyseWords(ex: Example): void {
    sampledExamples += 1;
    const prompt = new Set<string>();
    for (const s of ex.system) for (const t of systemTokens(s)) prompt.add(t);
    for (const text of ex.user) for (const t of contentTokens(text)) prompt.add(t.key);
    // Signature words are compared with what system and user turns say (tool output aside).
    for (const w of prompt) bump(promptWordDf, w, MAX_WORDS_TRACKED);
    for (const text of ex.context) for (const t of contentTokens(text)) prompt.add(t.key);

    for (const text of ex.system) addSampleText(text);
    for (const text of ex.user) addSampleText(text);
    for (const text of ex.context) addSampleText(text);

    for (const reply of ex.replies) {
      addSampleText(reply.text);
      if (reply.toolCalls.length > 0) continue;
      const text = reply.text.trim();
      if (text.length === 0 || jsonKeys(text) !== undefined) continue;
      sampledTextReplies += 1;
      const tokens = contentTokens(text);
      let novel = 0;
      let novelFact = false;
      for (const t of tokens) {
        if (prompt.has(t.key)) continue;
        novel += 1;
        if (t.fact) {
          novelFact = true;
          if (bump(facts, t.key, MAX_FACTS) && !factDisplay.has(t.key)) factDisplay.set(t.key, displayFact(text, t.key));
        }
      }
      if (novel >= 3 && novel >= tokens.length / 2) novelReplies += 1;
      if (novelFact) factReplies += 1;

      const long = roughWordCount(text) >= 4 || (hasCjk(text) && text.length >= 8);
      if (!long) continue;
      signatureReplies += 1;
      const seen = new Set<string>();
      for (const t of tokens) {
        if (!t.word || seen.has(t.key) || isRefusalWord(t.key)) continue;
        seen.add(t.key);
        bump(replyWordDf, t.key, MAX_WORDS_TRACKED);
      }
      endingReplies += 1;
      const ending = replyEnding(text);
      if (ending !== null) bump(endings, ending, MAX_ENDINGS);
    }
  }

  function addSampleText(text: string): void {
    sampleChars += text.length;
    sampleTokens += estimateTokens(text);
  }

  function addExample(ex: Example): void {
    examples += 1;
    formats[ex.format] += 1;
    chars += ex.chars;
    minMessages = Math.min(minMessages, ex.messageCount);
    maxMessages = Math.max(maxMessages, ex.messageCount);
    sumMessages += ex.messageCount;
    sumUserTurns += ex.user.length;
    if (ex.user.length > 1) multiTurn += 1;
    for (const u of ex.user) {
      userTurns += 1;
      if (isQuestion(u)) questions += 1;
    }

    if (ex.system.length === 0) withoutSystem += 1;
    let tone: string | null = null;
    let tonePrompt = '';
    let choice: string | null = null;
    let structure = false;
    for (const s of ex.system) {
      const info = systemInfo(s);
      if (info.tone && !tone) {
        tone = info.tone;
        tonePrompt = s;
      }
      choice ??= info.choice;
      structure ||= info.structure;
    }
    if (tone) {
      toneExamples += 1;
      toneSample ??= { cue: tone, prompt: tonePrompt };
    }
    if (choice) {
      choiceExamples += 1;
      choiceSample ??= choice;
    }
    if (structure) structureExamples += 1;

    if (ex.tools.length > 0) {
      examplesWithTools += 1;
      for (const name of ex.tools) if (!toolNames.has(name) && toolNames.size < MAX_TOOL_NAMES) toolNames.set(name, 0);
    }
    if (ex.format === 'preference') preferencePairs += 1;
    for (const r of ex.replies) countReply(r);

    const stride = Math.max(1, Math.floor(examples / sampleAll));
    if (examples <= sampleAll || examples % stride === 0) analyseWords(ex);
  }

  return {
    addLine(text: string, lineNo: number): void {
      if (text.trim().length === 0) return;
      lines += 1;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        recordMalformed(lineNo, `Line ${lineNo} is not valid JSON (${shorten(detail)}); each line must be one complete JSON object.`);
        return;
      }
      const parsed = parseExample(value);
      if (isProblem(parsed)) {
        recordMalformed(lineNo, `Line ${lineNo}: ${parsed.message}`, parsed.field);
        return;
      }
      addExample(parsed);
    },

    addMalformedLine(lineNo: number, message: string, field?: string): void {
      lines += 1;
      recordMalformed(lineNo, message, field);
    },

    finish(): TrainingAnalysis {
      const sampled = sampledExamples < examples;
      const tokensPerChar = sampleChars > 0 ? sampleTokens / sampleChars : 0.25;
      const estimatedTokens = Math.round(chars * tokensPerChar);
      const meanMessages = examples ? sumMessages / examples : 0;
      const topKeyset = [...keysets.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
      const jsonSameKeys = topKeyset ? { count: topKeyset[1], keys: topKeyset[0] === '' ? [] : topKeyset[0].split('\u0000') } : null;

      const s: Signals = {
        examples,
        replies,
        jsonReplies,
        jsonSameKeys,
        toolCallReplies,
        toolNames: [...toolNames.entries()].sort((a, b) => b[1] - a[1]).map(([n]) => n),
        examplesWithTools,
        textReplies,
        choiceReplies,
        meanChoiceChars: choiceReplies ? choiceReplyChars / choiceReplies : 0,
        meanChoiceWords: choiceReplies ? choiceReplyWords / choiceReplies : 0,
        mostlyCjk: cjkReplies > textReplies / 2,
        refusals,
        distinctReplies,
        distinctCapped,
        structureExamples,
        choiceExamples,
        choiceSample,
        toneExamples,
        toneSample,
        sampled,
        sampledTextReplies,
        novelReplies,
        factReplies,
        topFacts: [...facts.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 4)
          .map(([k]) => factDisplay.get(k) ?? k),
        signature: topSignatureWord(replyWordDf, promptWordDf, signatureReplies, sampledExamples),
        signatureReplies,
        ending: topEnding(endings, endingReplies),
        endingReplies,
        userTurns,
        questions,
        preferencePairs,
      };
      const { weights, byJob } = suggestJobs(s);
      const ranked = [...JOBS].sort((a, b) => weights[b] - weights[a]);
      const topJob = examples > 0 && weights[ranked[0]] > 0 ? ranked[0] : null;

      const topSystem = [...systemPrompts.entries()]
        .sort((a, b) => b[1].examples - a[1].examples)
        .slice(0, 5)
        .map(([text, info]) => ({ text: text.length > 200 ? `${text.slice(0, 199)}…` : text, examples: info.examples }));

      const general = generalEvidence({
        examples,
        formats,
        estimatedTokens,
        systemVariants: systemPrompts.size,
        systemCapped,
        withoutSystem,
        topSystem,
        meanMessages,
        multiTurn,
        malformedTotal,
        malformed,
      });

      const notes = [
        'Tokens are estimated from the text of the messages, not counted with the model’s tokenizer: about 4 characters per token for text with spaces between words, 1 per character for Chinese, Japanese and Korean; tool definitions and per-message overhead are left out.',
      ];
      if (sampled) {
        notes.push(
          `Word-level measures (content not in the prompt, questions aside, signature words and endings) come from ${formatCount(sampledExamples)} of ${formatCount(examples)} examples sampled evenly through the file; every other count covers all examples.`,
        );
      }
      if (distinctCapped) notes.push(`Distinct replies were tracked up to ${formatCount(maxDistinct)}; there are at least that many.`);
      if (systemCapped) notes.push(`System prompt variants were tracked up to ${formatCount(maxSystem)}; there are more.`);
      if (malformedTotal > malformed.length) notes.push(`The first ${formatCount(malformed.length)} of ${formatCount(malformedTotal)} malformed lines are listed.`);

      const evidence = [...general];
      for (const job of ranked) if (weights[job] > 0) evidence.push(...byJob[job]);
      if (examples > 0 && JOBS.every((j) => weights[j] < 20)) {
        evidence.push('The data shows no clear job: replies are neither labels, JSON, tool calls, a marked voice nor facts missing from the prompt. Set the profile with the questionnaire instead.');
      }

      return {
        lines,
        examples,
        formats: { ...formats },
        estimatedTokens,
        systemPrompts: { variants: systemPrompts.size, capped: systemCapped, examplesWithout: withoutSystem, top: topSystem },
        turns: {
          minMessages: examples ? minMessages : 0,
          maxMessages,
          meanMessages,
          meanUserTurns: examples ? sumUserTurns / examples : 0,
          multiTurnExamples: multiTurn,
        },
        replies: {
          total: replies,
          json: jsonReplies,
          jsonSameKeys,
          toolCalls: toolCallReplies,
          text: textReplies,
          distinct: distinctReplies.size,
          distinctCapped,
          meanChars: replies ? replyChars / replies : 0,
        },
        preferencePairs,
        malformed: { total: malformedTotal, lines: [...malformed] },
        suggestedWeights: weights,
        topJob,
        evidence,
        evidenceByJob: byJob,
        notes,
      };
    },
  };
}

/**
 * Top-level keys (sorted, NUL-joined) when the text is a JSON object, '' for a JSON array,
 * undefined when it is not JSON. A fenced ```json block counts as JSON.
 */
function jsonKeys(text: string): string | null | undefined {
  let t = text;
  if (t.startsWith('```')) t = t.replace(/^```[a-zA-Z]*\s*/, '').replace(/\s*```$/, '');
  const first = t[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    const v: unknown = JSON.parse(t);
    if (Array.isArray(v)) return '';
    if (typeof v === 'object' && v !== null) return Object.keys(v).sort().join('\u0000');
    return undefined;
  } catch {
    return undefined;
  }
}

function roughWordCount(text: string): number {
  if (text.length === 0) return 0;
  if (hasCjk(text)) return Math.max(1, Math.round(text.length / 2));
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) n += 1;
  return n;
}

function estimateTokens(text: string): number {
  if (!hasCjk(text)) return text.length / 4;
  let cjk = 0;
  for (const _ of text.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)) cjk += 1;
  return (text.length - cjk) / 4 + cjk;
}

/** The fact as written in the reply: a number keeps its currency and unit ("€39", "14 days", "12-month"). */
function displayFact(text: string, key: string): string {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`([€$£¥]?)(?<![\\p{L}\\p{N}])(${escaped})(?:'s)?(%|-[\\p{L}]+|\\s+[\\p{L}]{2,})?`, 'iu').exec(text);
  if (!m) return key;
  if (!/\p{N}/u.test(key)) return m[2];
  const unit = m[3] ?? '';
  const unitWord = unit.trim().toLowerCase();
  return m[1] + m[2] + (unit === '%' || unit.startsWith('-') || (unitWord && !isStopword(unitWord)) ? unit : '');
}

function shorten(s: string): string {
  return s.length > 120 ? `${s.slice(0, 119)}…` : s;
}

function topSignatureWord(
  replyDf: Map<string, number>,
  promptDf: Map<string, number>,
  replies: number,
  examples: number,
): { word: string; replies: number; inPrompts: number } | null {
  if (replies < 5) return null;
  let best: { word: string; replies: number; inPrompts: number } | null = null;
  for (const [word, n] of replyDf) {
    if (n < replies * 0.4) continue;
    const inPrompts = promptDf.get(word) ?? 0;
    if (inPrompts > examples * 0.05) continue;
    if (!best || n > best.replies) best = { word, replies: n, inPrompts };
  }
  return best;
}

function topEnding(endings: Map<string, number>, replies: number): { ending: string; replies: number } | null {
  if (replies < 5) return null;
  let best: { ending: string; replies: number } | null = null;
  for (const [ending, n] of endings) if (!best || n > best.replies) best = { ending, replies: n };
  return best && best.replies >= replies * 0.3 ? best : null;
}

interface Signals {
  examples: number;
  replies: number;
  jsonReplies: number;
  jsonSameKeys: { count: number; keys: string[] } | null;
  toolCallReplies: number;
  toolNames: string[];
  examplesWithTools: number;
  textReplies: number;
  choiceReplies: number;
  meanChoiceChars: number;
  meanChoiceWords: number;
  mostlyCjk: boolean;
  refusals: number;
  distinctReplies: Map<string, number>;
  distinctCapped: boolean;
  structureExamples: number;
  choiceExamples: number;
  choiceSample: string | null;
  toneExamples: number;
  toneSample: { cue: string; prompt: string } | null;
  sampled: boolean;
  sampledTextReplies: number;
  novelReplies: number;
  factReplies: number;
  topFacts: string[];
  signature: { word: string; replies: number; inPrompts: number } | null;
  signatureReplies: number;
  ending: { ending: string; replies: number } | null;
  endingReplies: number;
  userTurns: number;
  questions: number;
  preferencePairs: number;
}

/**
 * Weights, 0–100 per job, each on its own scale (they need not add up to 100):
 * - format: share of replies that are JSON (full marks when most share one key set), or tool
 *   calls (40 for any, 100 once a quarter of replies call a tool).
 * - behavior: share of replies that repeat word for word, full marks when they are short labels.
 * - style: a tone/persona instruction in the system prompt (up to 60) plus a verbal signature in
 *   the replies, a word in at least 40% or an ending in at least 30% of them (up to 40), scaled by free-text share.
 * - knowledge: free-text replies bringing content not in the prompt (45), naming numbers or names
 *   not in the prompt (35), user turns that ask questions (20), scaled by free-text share.
 * - ranking: share of examples that are preference pairs.
 */
function suggestJobs(s: Signals): { weights: JobWeights; byJob: Record<Job, string[]> } {
  const byJob: Record<Job, string[]> = { knowledge: [], format: [], style: [], behavior: [], ranking: [] };
  const weights: JobWeights = { knowledge: 0, format: 0, style: 0, behavior: 0, ranking: 0 };
  if (s.examples === 0 || s.replies === 0) return { weights, byJob };
  const A = s.replies;
  const sampleWord = s.sampled ? 'sampled ' : '';

  // format
  const sameKeysShare = s.jsonSameKeys && s.jsonReplies > 0 ? s.jsonSameKeys.count / s.jsonReplies : 0;
  const fJson = (s.jsonReplies / A) * (sameKeysShare >= 0.5 ? 100 : 85);
  const toolShare = s.toolCallReplies / A;
  const fTools = s.toolCallReplies > 0 ? 40 + 60 * Math.min(1, toolShare / 0.25) : s.examplesWithTools > 0 ? 20 : 0;
  weights.format = Math.max(fJson, fTools);
  if (s.jsonReplies > 0) {
    const keys = s.jsonSameKeys?.keys ?? [];
    let sentence = `${shareOf(s.jsonReplies, A)} replies ${s.jsonReplies === 1 && A === 1 ? 'is' : 'are'} JSON`;
    if (keys.length > 0 && s.jsonSameKeys) {
      const same = s.jsonSameKeys.count === s.jsonReplies ? (s.jsonReplies === 1 ? 'it has' : `all ${formatCount(s.jsonReplies)} have`) : `${percent(s.jsonSameKeys.count, s.jsonReplies)} of them have`;
      sentence += ` objects, and ${same} the same ${plural(keys.length, 'top-level key', 'top-level keys')} (${listWords(keys)})`;
    }
    byJob.format.push(`${sentence}.`);
    if (s.structureExamples > 0) {
      byJob.format.push(`The system prompt asks for structured output (it mentions JSON, a schema, fields or extraction) in ${shareInSentence(s.structureExamples, s.examples)} examples.`);
    }
  }
  if (s.toolCallReplies > 0) {
    byJob.format.push(
      `${shareOf(s.toolCallReplies, A)} replies are tool calls, to ${plural(s.toolNames.length, 'function', 'functions')} (${listWords(s.toolNames)}); the model was taught to fill in function arguments.`,
    );
  }
  if (s.examplesWithTools > 0) {
    byJob.format.push(`${shareOf(s.examplesWithTools, s.examples)} examples declare tools the model may call.`);
  }

  // behavior
  let repeated = 0;
  for (const n of s.distinctReplies.values()) if (n >= 2) repeated += n;
  const repeatedShare = s.choiceReplies ? repeated / s.choiceReplies : 0;
  const distinct = s.distinctReplies.size;
  const labels = distinct <= 50 && s.meanChoiceChars <= 60;
  if (s.choiceReplies >= 5 && repeatedShare > 0) {
    weights.behavior = 100 * (s.choiceReplies / A) * repeatedShare * (labels ? 1 : 0.6);
    if (s.choiceExamples >= s.examples / 2) weights.behavior = Math.min(100, weights.behavior + 10);
    if (labels) {
      const top = [...s.distinctReplies.entries()].sort((a, b) => b[1] - a[1]).map(([r]) => quote(r, 30));
      const words = Math.max(1, Math.round(s.meanChoiceWords));
      byJob.behavior.push(
        `${shareOf(repeated, s.choiceReplies)} replies come from a set of ${formatCount(distinct)} distinct answers (${listWords(top)}), ${plural(words, 'word', 'words')} long on average: the model picks a label.`,
      );
    } else {
      byJob.behavior.push(
        `${shareOf(repeated, s.choiceReplies)} replies repeat another reply word for word (${formatCount(distinct)}${s.distinctCapped ? '+' : ''} distinct replies in all): the model gives fixed answers to known situations.`,
      );
    }
    if (s.choiceExamples > 0 && s.choiceSample) {
      byJob.behavior.push(`The system prompt asks for one answer from a fixed set: ${quote(s.choiceSample, 160)}.`);
    }
  }
  const refusalShare = s.textReplies ? s.refusals / s.textReplies : 0;
  if (s.refusals >= 2 && refusalShare >= 0.1) {
    weights.behavior = Math.max(weights.behavior, 50 * refusalShare * (s.textReplies / A));
    byJob.behavior.push(
      `${shareOf(s.refusals, s.textReplies)} free-text replies apologise or decline (“I’m sorry…”, “I can’t…”): the model was taught where its job stops.`,
    );
  }

  // style
  const textShare = s.textReplies / A;
  const toneShare = s.toneExamples / s.examples;
  const signatureShare = s.signature ? s.signature.replies / s.signatureReplies : 0;
  const endingShare = s.ending ? s.ending.replies / s.endingReplies : 0;
  const marker = Math.max(signatureShare, endingShare);
  weights.style = (60 * toneShare + 40 * Math.min(1, marker / 0.6)) * textShare;
  if (s.toneSample) {
    const where = s.toneExamples === s.examples ? 'on every example' : `on ${shareInSentence(s.toneExamples, s.examples)} examples`;
    byJob.style.push(`The system prompt sets a tone, voice or persona (${quote(s.toneSample.cue, 40)}) ${where}: ${quote(s.toneSample.prompt, 120)}.`);
  }
  if (s.signature && signatureShare >= endingShare) {
    const inPrompts = s.signature.inPrompts === 0 ? 'never appears in the prompts' : 'is rare in the prompts';
    byJob.style.push(
      `${shareOf(s.signature.replies, s.signatureReplies)} ${sampleWord}free-text replies use the word ${quote(s.signature.word)}, which ${inPrompts}: a verbal habit the model was trained to keep.`,
    );
  } else if (s.ending) {
    byJob.style.push(`${shareOf(s.ending.replies, s.endingReplies)} ${sampleWord}free-text replies end with ${quote(s.ending.ending)}: a verbal habit the model was trained to keep.`);
  }
  if (weights.style > 0 && s.textReplies > 0) {
    const textDistinct = Math.min(distinct, s.textReplies);
    const diverse = textDistinct === s.textReplies ? `all ${formatCount(s.textReplies)} are different` : `${percent(textDistinct, s.textReplies)} are different`;
    const length = s.mostlyCjk ? plural(Math.round(s.meanChoiceChars), 'character', 'characters') : plural(Math.round(s.meanChoiceWords), 'word', 'words');
    byJob.style.push(`Replies are free text, ${length} long on average, and ${diverse}.`);
  }

  // knowledge
  const novelShare = s.sampledTextReplies ? s.novelReplies / s.sampledTextReplies : 0;
  const factShare = s.sampledTextReplies ? s.factReplies / s.sampledTextReplies : 0;
  const questionShare = s.userTurns ? s.questions / s.userTurns : 0;
  // Questions alone do not make knowledge: a classifier's tickets are questions too.
  weights.knowledge = novelShare + factShare === 0 ? 0 : (45 * novelShare + 35 * factShare + 20 * questionShare) * textShare;
  if (s.novelReplies > 0) {
    byJob.knowledge.push(`${shareOf(s.novelReplies, s.sampledTextReplies)} ${sampleWord}free-text replies bring content that is not in the prompt.`);
  }
  if (s.factReplies > 0) {
    const eg = s.topFacts.length > 0 ? ` (such as ${listWords(s.topFacts.map((f) => quote(f, 30)), 4)})` : '';
    byJob.knowledge.push(`${shareOf(s.factReplies, s.sampledTextReplies)} ${sampleWord}free-text replies state numbers or names that the prompt does not give${eg}: facts the model had to remember.`);
  }
  if (s.questions > 0 && weights.knowledge > 0) {
    byJob.knowledge.push(`${shareOf(s.questions, s.userTurns)} user turns ask a question.`);
  }

  // ranking
  weights.ranking = (100 * s.preferencePairs) / s.examples;
  if (s.preferencePairs > 0) {
    byJob.ranking.push(
      `${plural(s.preferencePairs, 'preference pair', 'preference pairs')} (a preferred and a rejected reply to the same prompt): the model was tuned to choose between answers, and these pairs count as pairwise feedback.`,
    );
  }

  for (const job of JOBS) weights[job] = Math.max(0, Math.min(100, Math.round(weights[job])));
  return { weights, byJob };
}

function generalEvidence(g: {
  examples: number;
  formats: Record<TrainingFormat, number>;
  estimatedTokens: number;
  systemVariants: number;
  systemCapped: boolean;
  withoutSystem: number;
  topSystem: { text: string; examples: number }[];
  meanMessages: number;
  multiTurn: number;
  malformedTotal: number;
  malformed: MalformedLine[];
}): string[] {
  const out: string[] = [];
  const names: Record<TrainingFormat, string> = {
    chat: 'in the chat format',
    prompt_completion: 'in the legacy prompt/completion format',
    preference: 'preference pairs',
  };
  const countedNames: Record<TrainingFormat, [string, string]> = {
    chat: ['in the chat format', 'in the chat format'],
    prompt_completion: ['in the legacy prompt/completion format', 'in the legacy prompt/completion format'],
    preference: ['preference pair', 'preference pairs'],
  };
  const present = (Object.keys(g.formats) as TrainingFormat[]).filter((f) => g.formats[f] > 0);
  const tokens = `about ${formatCount(roundTokens(g.estimatedTokens))} tokens (estimated)`;
  if (g.examples === 0) {
    out.push('No example could be read from the file.');
  } else if (present.length === 1) {
    const f = present[0];
    out.push(f === 'preference' ? `${plural(g.examples, 'example', 'examples')}, all ${names[f]}, ${tokens}.` : `${plural(g.examples, 'example', 'examples')} ${names[f]}, ${tokens}.`);
  } else {
    out.push(`${plural(g.examples, 'example', 'examples')} (${present.map((f) => `${formatCount(g.formats[f])} ${countedNames[f][g.formats[f] === 1 ? 0 : 1]}`).join(', ')}), ${tokens}.`);
  }
  if (g.examples > 0) {
    const withSystem = g.examples - g.withoutSystem;
    if (withSystem === 0) out.push('No example has a system prompt.');
    else if (g.systemVariants === 1 && g.withoutSystem === 0) out.push(`Every example uses the same system prompt: ${quote(g.topSystem[0].text, 120)}.`);
    else {
      const variants = `${formatCount(g.systemVariants)}${g.systemCapped ? '+' : ''}`;
      const top = g.topSystem[0];
      out.push(
        `${shareOf(withSystem, g.examples)} examples have a system prompt, in ${variants} variant${g.systemVariants === 1 ? '' : 's'}; the most used one (${percent(top.examples, g.examples)} of examples) is ${quote(top.text, 120)}.`,
      );
    }
    if (g.multiTurn === 0) out.push('Every example is a single exchange: one user turn and its reply.');
    else out.push(`${shareOf(g.multiTurn, g.examples)} examples are conversations with more than one user turn (${g.meanMessages.toFixed(1)} messages on average).`);
  }
  if (g.malformedTotal > 0) {
    const listed = g.malformed.slice(0, 5).map((m) => String(m.line));
    const more = g.malformedTotal - listed.length;
    const which = more > 0 ? `${listed.join(', ')} and ${formatCount(more)} more` : listWords(listed);
    out.push(`${plural(g.malformedTotal, 'line', 'lines')} could not be read (line${g.malformedTotal === 1 ? '' : 's'} ${which}) and ${g.malformedTotal === 1 ? 'was' : 'were'} left out of the analysis.`);
  }
  return out;
}

function roundTokens(n: number): number {
  if (n < 1_000) return Math.round(n / 10) * 10;
  if (n < 100_000) return Math.round(n / 100) * 100;
  return Math.round(n / 10_000) * 10_000;
}
