// Streaming analyser of fine-tuning training data (JSONL): feed it lines, get counts, a suggested
// job profile and the evidence for it in plain words. Each line is read into a record, each reply's
// form is read once, and one detector per signal (code, template, reasoning, images, tone, label set,
// facts, tools) counts what it needs; one scorer turns the signals into weights. Memory stays flat:
// counters, and maps that stop growing at a cap (the caps are reported in notes). A line that breaks
// anything is reported as that line's problem and the rest of the file is analysed.

import { JOBS } from '../domain/types.ts';
import { isProblem, parseExample, RECORD_SHAPES } from './parseExample.ts';
import type { Example, RecordShape, TrainingFormat } from './parseExample.ts';
import { MAX_REPLY_CHARS, replyShape } from './replyForm.ts';
import { contentKeys, formatCount, hasCjk, toneCue } from './text.ts';
import { generalEvidence } from './general.ts';
import { scoreJobs } from './scorer.ts';
import { cite } from './detectors/cite.ts';
import { createCodeDetector } from './detectors/code.ts';
import { createFactDetector } from './detectors/facts.ts';
import { createImageDetector } from './detectors/images.ts';
import { createLabelDetector } from './detectors/labelSet.ts';
import { createReasoningDetector } from './detectors/reasoning.ts';
import { createRewriteDetector } from './detectors/rewrite.ts';
import { createTemplateDetector, templateMarkers } from './detectors/template.ts';
import { createToneDetector } from './detectors/tone.ts';
import { createToolDetector, textToolCalls } from './detectors/toolCalls.ts';
import { imitationRequest, isSocialPost } from './detectors/voice.ts';
import type { MalformedLine, TrainingAnalysis } from './types.ts';

export type { MalformedLine, TrainingAnalysis } from './types.ts';

export interface TrainingAnalyserOptions {
  /** Malformed lines listed individually (all are counted). Default 100. */
  maxMalformedListed?: number;
  /** Distinct replies tracked for the label-set signal. Default 5,000. */
  maxDistinctReplies?: number;
  /** Distinct system prompts tracked. Default 1,000. */
  maxSystemPrompts?: number;
  /** Examples whose words are all analysed before sampling starts. Default 2,000. */
  lexicalSampleSize?: number;
}

export interface TrainingAnalyser {
  /** One line of the file; lineNo is 1-based as an editor shows it. Blank lines are skipped. Never throws. */
  addLine(text: string, lineNo: number): void;
  /** Records a line the reader could not even hand over (too long, not text). */
  addMalformedLine(lineNo: number, message: string, field?: string): void;
  finish(): TrainingAnalysis;
}

/** How many examples use a system prompt, and the tone cue it sets (one object per prompt, handed to the tone detector as is). */
interface SystemPromptInfo {
  examples: number;
  cue: { word: string; prompt: string } | null;
}

const FORMATS: readonly TrainingFormat[] = ['chat', 'prompt_completion', 'preference'];
const FORMAT_SLOT = new Map<TrainingFormat, number>(FORMATS.map((f, i) => [f, i]));
const SHAPE_SLOT = new Map<RecordShape, number>(RECORD_SHAPES.map((s, i) => [s, i]));

const SYSTEM_TOKEN_CACHE = 64;
const NO_WORDS: ReadonlySet<string> = new Set();
/** Prompts are read on their first characters for word-level measures (bounded on huge lines). */
const MAX_PROMPT_CHARS = 20_000;

export function createTrainingAnalyser(options: TrainingAnalyserOptions = {}): TrainingAnalyser {
  const maxMalformed = options.maxMalformedListed ?? 100;
  const maxDistinct = options.maxDistinctReplies ?? 5_000;
  const maxSystem = options.maxSystemPrompts ?? 1_000;
  const sampleAll = options.lexicalSampleSize ?? 2_000;

  let lines = 0;
  let examples = 0;
  // Counted in arrays by slot (a keyed store per example into a record of 13 names was measurable); records at finish.
  const formatCounts = new Float64Array(FORMATS.length);
  const shapeCounts = new Float64Array(RECORD_SHAPES.length);
  let malformedTotal = 0;
  const malformed: MalformedLine[] = [];
  let chars = 0;
  let longTexts = 0;

  const systemPrompts = new Map<string, SystemPromptInfo>();
  let systemCapped = false;
  let withoutSystem = 0;
  const systemTokenCache = new Map<string, Set<string>>();

  let minMessages = Infinity;
  let maxMessages = 0;
  let sumMessages = 0;
  let sumUserTurns = 0;
  let multiTurn = 0;

  let replies = 0;
  let replyChars = 0;
  let textReplies = 0;
  let sampledExamples = 0;
  let sampledReplies = 0;
  let sampleChars = 0;
  let sampleTokens = 0;
  let pairs = 0;
  const pairLines: number[] = [];

  const code = createCodeDetector();
  const tools = createToolDetector();
  const template = createTemplateDetector();
  const reasoning = createReasoningDetector();
  const images = createImageDetector();
  const labels = createLabelDetector(maxDistinct);
  const tone = createToneDetector();
  const facts = createFactDetector();
  const rewrite = createRewriteDetector();

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
    const word = toneCue(prompt.slice(0, MAX_PROMPT_CHARS));
    const info = { examples: 1, cue: word === null ? null : { word, prompt } };
    if (systemPrompts.size < maxSystem) systemPrompts.set(prompt, info);
    else systemCapped = true;
    return info;
  }

  function systemTokens(prompt: string): Set<string> {
    let set = systemTokenCache.get(prompt);
    if (!set) {
      set = new Set(contentKeys(prompt.slice(0, MAX_PROMPT_CHARS)));
      if (systemTokenCache.size >= SYSTEM_TOKEN_CACHE) systemTokenCache.clear();
      systemTokenCache.set(prompt, set);
    }
    return set;
  }

  function capped(text: string): string {
    if (text.length <= MAX_PROMPT_CHARS) return text;
    longTexts += 1;
    return text.slice(0, MAX_PROMPT_CHARS);
  }

  function addSampleText(text: string): void {
    sampleChars += Math.min(text.length, MAX_PROMPT_CHARS);
    sampleTokens += estimateTokens(text.length > MAX_PROMPT_CHARS ? text.slice(0, MAX_PROMPT_CHARS) : text);
  }

  function addExample(ex: Example, line: number): void {
    examples += 1;
    formatCounts[FORMAT_SLOT.get(ex.format)!] += 1;
    shapeCounts[SHAPE_SLOT.get(ex.shape)!] += 1;
    chars += ex.chars;
    minMessages = Math.min(minMessages, ex.messageCount);
    maxMessages = Math.max(maxMessages, ex.messageCount);
    sumMessages += ex.messageCount;
    sumUserTurns += ex.user.length;
    if (ex.user.length > 1) multiTurn += 1;

    if (ex.system.length === 0) withoutSystem += 1;
    let cue: { word: string; prompt: string } | null = null;
    for (const s of ex.system) {
      const info = systemInfo(s);
      if (info.cue && !cue) cue = info.cue;
    }
    tone.observeSystem(cue, line);
    // A voice asked for in the prompt itself ("a tweet in the style of X"): no system prompt needed.
    let request: { word: string; prompt: string } | null = null;
    for (const u of ex.user) {
      const word = imitationRequest(u);
      if (word) {
        request = { word, prompt: u };
        break;
      }
    }
    tone.observeRequest(request, line);
    tools.observeExample(ex, line);
    if (ex.format === 'preference') {
      pairs += 1;
      cite(pairLines, line);
    }
    const withImages = images.observeExample(ex, line);
    if (ex.shape === 'translation') rewrite.observeTranslation(ex.languages ?? null, line);
    const stride = Math.max(1, Math.floor(examples / sampleAll));
    const sampled = examples <= sampleAll || examples % stride === 0;
    // The register of the user turns and their questions are word-level: measured on the sample.
    if (sampled) {
      for (const u of ex.user) {
        const text = capped(u);
        tone.observeUser(text);
        facts.observeUser(text);
      }
    }

    // The word sets are only read on sampled examples: the others make none.
    let signatureWords = NO_WORDS;
    let promptWords = NO_WORDS;
    if (sampled) {
      sampledExamples += 1;
      const signature = new Set<string>();
      for (const s of ex.system) for (const t of systemTokens(s)) signature.add(t);
      for (const u of ex.user) for (const key of contentKeys(capped(u))) signature.add(key);
      signatureWords = signature;
      // Without context turns the prompt's words are the signature words: one set serves both (neither is changed after).
      promptWords = signature;
      if (ex.context.length > 0) {
        const prompt = new Set(signature);
        for (const c of ex.context) for (const key of contentKeys(capped(c))) prompt.add(key);
        promptWords = prompt;
      }
      for (const text of ex.system) addSampleText(text);
      for (const text of ex.user) addSampleText(text);
      for (const text of ex.context) addSampleText(text);
    }

    const toneTexts: string[] = [];
    for (const reply of ex.replies) {
      replies += 1;
      replyChars += reply.text.length;
      if (sampled) addSampleText(reply.text);
      // A call written as tagged text in the reply is a tool call all the same.
      const calls = reply.toolCalls.length > 0 ? reply.toolCalls : textToolCalls(reply.text);
      if (calls.length > 0) {
        tools.observe(calls === reply.toolCalls ? reply : { text: reply.text, toolCalls: calls }, line);
        continue;
      }
      const trimmed = (reply.text.length > MAX_REPLY_CHARS ? reply.text.slice(0, MAX_REPLY_CHARS) : reply.text).trim();
      if (reply.text.length > MAX_REPLY_CHARS) longTexts += 1;
      const shape = replyShape(trimmed);
      code.observe(shape, line);
      if (sampled) sampledReplies += 1;
      if (shape.form === 'json' || shape.form === 'code') continue;
      textReplies += 1;
      labels.observe(trimmed, shape, line);
      if (sampled) tone.observeReply(trimmed, line);
      const markers = shape.form === 'text' ? templateMarkers(trimmed) : [];
      if (shape.form === 'text') template.observe(trimmed, markers, line);
      const worked = reasoning.observe(trimmed, promptTextOf, ex, line);
      if (withImages) images.observeReply(trimmed, shape);
      if (!sampled) continue;
      toneTexts.push(trimmed);
      const rewritten = ex.shape === 'translation' || rewrite.observe(trimmed, ex.user[ex.user.length - 1] ?? '', line);
      // Names, handles and times in a post written in an imitated voice are invention in that voice, not facts.
      const voiced = request !== null || isSocialPost(trimmed);
      if (!withImages && !worked && !rewritten && !voiced) facts.observe(trimmed, promptWords, markers.length > 0, line);
    }
    if (sampled) tone.observeSample(signatureWords, toneTexts, line);
  }

  return {
    addLine(text: string, lineNo: number): void {
      if (text.trim().length === 0) return;
      lines += 1;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        const detail = e instanceof RangeError ? 'it is nested too deeply to read' : e instanceof Error ? shorten(e.message) : String(e);
        recordMalformed(lineNo, `Line ${lineNo} is not valid JSON (${detail}); each line must be one complete JSON object.`);
        return;
      }
      try {
        const parsed = parseExample(value);
        if (isProblem(parsed)) {
          recordMalformed(lineNo, `Line ${lineNo}: ${parsed.message}`, parsed.field);
          return;
        }
        addExample(parsed, lineNo);
      } catch (e) {
        // A line that breaks a measure (a run no regular expression can take, a structure too deep)
        // is that line's problem: it is reported and the rest of the file is analysed.
        const why = e instanceof RangeError ? 'it is too deeply nested or too long to measure' : shorten(e instanceof Error ? e.message : String(e));
        recordMalformed(lineNo, `Line ${lineNo} could not be analysed (${why}); it was left out and the rest of the file was analysed.`);
      }
    },

    addMalformedLine(lineNo: number, message: string, field?: string): void {
      lines += 1;
      recordMalformed(lineNo, message, field);
    },

    finish(): TrainingAnalysis {
      const formats = Object.fromEntries(FORMATS.map((f, i) => [f, formatCounts[i]])) as Record<TrainingFormat, number>;
      const shapes = Object.fromEntries(RECORD_SHAPES.map((s, i) => [s, shapeCounts[i]])) as Record<RecordShape, number>;
      const sampled = sampledExamples < examples;
      const tokensPerChar = sampleChars > 0 ? sampleTokens / sampleChars : 0.25;
      const estimatedTokens = Math.round(chars * tokensPerChar);
      const meanMessages = examples ? sumMessages / examples : 0;
      const codeSignal = code.finish();
      const labelSignal = labels.finish();
      const imageSignal = images.finish();
      const { weights, byJob } = scoreJobs({
        examples,
        replies,
        sampledReplies,
        sampled,
        pairs: { count: pairs, lines: pairLines },
        code: codeSignal,
        tools: tools.finish(),
        template: template.finish(),
        reasoning: reasoning.finish(),
        images: imageSignal,
        labels: labelSignal,
        tone: tone.finish(),
        facts: facts.finish(),
        rewrite: rewrite.finish(),
      });
      const ranked = [...JOBS].sort((a, b) => weights[b] - weights[a]);
      const topJob = examples > 0 && weights[ranked[0]] > 0 ? ranked[0] : null;

      const topSystem = [...systemPrompts.entries()]
        .sort((a, b) => b[1].examples - a[1].examples)
        .slice(0, 5)
        .map(([text, info]) => ({ text: text.length > 200 ? `${text.slice(0, 199)}…` : text, examples: info.examples }));
      const general = generalEvidence({
        examples,
        formats,
        shapes,
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
          `Word-level measures (content not in the prompt, signature words and endings) come from ${formatCount(sampledExamples)} of ${formatCount(examples)} examples sampled evenly through the file; every other count covers all examples.`,
        );
      }
      if (labelSignal.distinctCapped) notes.push(`Distinct replies were tracked up to ${formatCount(maxDistinct)}; there are at least that many.`);
      if (systemCapped) notes.push(`System prompt variants were tracked up to ${formatCount(maxSystem)}; there are more.`);
      if (malformedTotal > malformed.length) notes.push(`The first ${formatCount(malformed.length)} of ${formatCount(malformedTotal)} malformed lines are listed.`);
      if (longTexts > 0) notes.push(`${formatCount(longTexts)} very long message${longTexts === 1 ? ' was' : 's were'} measured on ${longTexts === 1 ? 'its' : 'their'} first ${formatCount(MAX_PROMPT_CHARS)} characters.`);

      const evidence = [...general];
      for (const job of ranked) if (weights[job] >= 20) evidence.push(...byJob[job]);
      if (examples > 0 && JOBS.every((j) => weights[j] < 20)) {
        evidence.push('The data shows no clear job: replies are neither labels, JSON, code, tool calls, a marked voice nor facts missing from the prompt. Set the profile with the questionnaire instead.');
      }

      return {
        lines,
        examples,
        formats: { ...formats },
        shapes: { ...shapes },
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
          json: codeSignal.json,
          jsonSameKeys: codeSignal.jsonSameKeys && codeSignal.jsonSameKeys.keys[0] !== '' ? codeSignal.jsonSameKeys : codeSignal.jsonSameKeys && { count: codeSignal.jsonSameKeys.count, keys: [] },
          code: codeSignal.sql + codeSignal.regex + codeSignal.fenced + codeSignal.source,
          toolCalls: replies - textReplies - codeSignal.json - codeSignal.sql - codeSignal.regex - codeSignal.fenced - codeSignal.source,
          text: textReplies,
          distinct: labelSignal.distinctTotal,
          distinctCapped: labelSignal.distinctCapped,
          meanChars: replies ? replyChars / replies : 0,
        },
        images: { examples: imageSignal.examples, images: imageSignal.images },
        preferencePairs: pairs,
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

/** The prompt's text (user turns and context), for tracing a worked answer's numbers back to it. */
function promptTextOf(ex: Example): string {
  const text = [...ex.user, ...ex.context].join('\n');
  return text.length > MAX_PROMPT_CHARS ? text.slice(0, MAX_PROMPT_CHARS) : text;
}

function estimateTokens(text: string): number {
  if (!hasCjk(text)) return text.length / 4;
  let cjk = 0;
  for (const _ of text.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)) cjk += 1;
  return (text.length - cjk) / 4 + cjk;
}

function shorten(s: string): string {
  return s.length > 120 ? `${s.slice(0, 119)}…` : s;
}


