// One scorer: turns the detectors' signals into a weight 0–100 per job and the evidence for each,
// in sentences that cite example lines. Weights are on their own scales (they need not add up to 100);
// a job's sentences are written only when its weight is 20 or more, and each signal's sentence only
// when that signal carries weight, so the words never claim what the numbers do not show.

import { JOBS } from '../domain/types.ts';
import type { Job, JobWeights } from '../domain/types.ts';
import type { CodeSignal } from './detectors/code.ts';
import type { FactSignal } from './detectors/facts.ts';
import type { ImageSignal } from './detectors/images.ts';
import type { LabelSignal } from './detectors/labelSet.ts';
import type { ReasoningSignal } from './detectors/reasoning.ts';
import type { RewriteSignal } from './detectors/rewrite.ts';
import type { TemplateSignal } from './detectors/template.ts';
import type { ToneSignal } from './detectors/tone.ts';
import type { ToolSignal } from './detectors/toolCalls.ts';
import { citeText } from './detectors/cite.ts';
import { formatCount, listWords, percent, plural, quote, shareInSentence, shareOf } from './text.ts';

export interface Signals {
  examples: number;
  replies: number;
  /** Replies the word-level measures looked at (all of them unless the file was sampled). */
  sampledReplies: number;
  sampled: boolean;
  pairs: { count: number; lines: number[] };
  code: CodeSignal;
  tools: ToolSignal;
  template: TemplateSignal;
  reasoning: ReasoningSignal;
  images: ImageSignal;
  labels: LabelSignal;
  tone: ToneSignal;
  facts: FactSignal;
  rewrite: RewriteSignal;
}

export interface Scores {
  weights: JobWeights;
  byJob: Record<Job, string[]>;
}

type Part = { score: number; say: () => string };

/** The job's weight is its strongest signal; its evidence is every signal that carries weight, strongest first. */
function job(parts: Part[]): { weight: number; sentences: string[] } {
  const weight = Math.max(0, ...parts.map((p) => p.score));
  const sentences = parts
    .filter((p) => p.score >= 15)
    .sort((a, b) => b.score - a.score)
    .map((p) => p.say());
  return { weight, sentences };
}

export function scoreJobs(s: Signals): Scores {
  const byJob: Record<Job, string[]> = { knowledge: [], format: [], style: [], behavior: [], ranking: [] };
  const weights: JobWeights = { knowledge: 0, format: 0, style: 0, behavior: 0, ranking: 0 };
  if (s.examples === 0 || s.replies === 0) return { weights, byJob };
  const A = s.replies;
  const sample = s.sampled ? 'sampled ' : '';
  const { code, tools, template, reasoning, images, labels, tone, facts, rewrite } = s;

  // format
  const sameKeys = code.jsonSameKeys && code.json > 0 ? code.jsonSameKeys.count / code.json : 0;
  const codeReplies = code.sql + code.regex + code.fenced + code.source;
  const templateCoverage = template.common.length && template.replies ? template.common[0].replies / template.replies : 0;
  const openingCoverage = template.opening && template.replies ? template.opening.replies / template.replies : 0;
  const templateScore =
    template.common.length >= 2
      ? 90 * templateCoverage * (template.replies / A)
      : template.common.length === 1 && templateCoverage >= 0.8 && openingCoverage >= 0.5
        ? 70 * templateCoverage * (template.replies / A)
        : 0;
  const format = job([
    {
      score: (100 * code.json * (sameKeys >= 0.5 ? 1 : 0.85)) / A,
      say: () => {
        let t = `${shareOf(code.json, A)} replies ${code.json === 1 && A === 1 ? 'is' : 'are'} JSON${code.jsonFenced ? ` (${formatCount(code.jsonFenced)} inside a \`\`\`json fence)` : ''}`;
        const keys = code.jsonSameKeys?.keys ?? [];
        if (keys.length > 0 && code.jsonSameKeys && keys[0] !== '') {
          const same = code.jsonSameKeys.count === code.json ? (code.json === 1 ? 'it has' : `all ${formatCount(code.json)} have`) : `${percent(code.jsonSameKeys.count, code.json)} of them have`;
          t += ` objects, and ${same} the same ${plural(keys.length, 'top-level key', 'top-level keys')} (${listWords(keys)})`;
        }
        return `${t}${citeText(code.lines.json)}.`;
      },
    },
    {
      score: tools.calls > 0 ? 40 + 60 * Math.min(1, tools.calls / A / 0.25) : tools.examplesWithTools > 0 ? 20 : 0,
      say: () =>
        tools.calls > 0
          ? `${shareOf(tools.calls, A)} replies are tool calls, to ${plural(tools.names.length, 'function', 'functions')} (${listWords(tools.names)}); the model was taught to fill in function arguments${citeText(tools.lines)}.`
          : `${shareOf(tools.examplesWithTools, s.examples)} examples declare tools the model may call${citeText(tools.declaredLines)}.`,
    },
    {
      score: (95 * codeReplies) / A,
      say: () => {
        const kinds = [
          code.sql ? `${formatCount(code.sql)} SQL ${code.sql === 1 ? 'query' : 'queries'}` : '',
          code.regex ? `${plural(code.regex, 'regular expression', 'regular expressions')}` : '',
          code.fenced ? `${plural(code.fenced, 'fenced code block', 'fenced code blocks')}${code.languages.length ? ` (${listWords(code.languages, 3)})` : ''}` : '',
          code.source ? `${formatCount(code.source)} unfenced source code` : '',
        ].filter(Boolean);
        const lines = [...code.lines.sql, ...code.lines.regex, ...code.lines.fenced, ...code.lines.source].sort((a, b) => a - b).slice(0, 3);
        return `${shareOf(codeReplies, A)} replies are code or a query language — ${listWords(kinds)}: the model was taught to write in a formal syntax${citeText(lines)}.`;
      },
    },
    {
      score: templateScore,
      say: () => {
        const markers = template.common.slice(0, 4).map((m) => quote(m.display, 40));
        return `${shareOf(template.common[0].replies, template.replies)} free-text replies follow the same template, with the sections ${listWords(markers)} repeated in reply after reply: a fixed output structure, not a verbal habit${citeText(template.lines)}.`;
      },
    },
    {
      score: reasoning.marker ? (60 * reasoning.marked) / A : 0,
      say: () => `${shareOf(reasoning.marked, A)} replies end with the same final-answer form, ${quote(reasoning.marker ?? '', 40)}, which an exact-match check can read${citeText(reasoning.lines)}.`,
    },
  ]);

  // behavior
  const labelReplies = labels.replies;
  const usedLabels = labels.distinct.filter((d) => d.count >= 2);
  const topShare = labels.distinct.length && labelReplies ? labels.distinct[0].count / labelReplies : 0;
  const covered = labelReplies ? labels.repeated / labelReplies : 0;
  const isLabelSet = labelReplies >= 5 && usedLabels.length >= 2 && topShare < 0.8 && covered >= 0.5 && labels.meanWords <= 6 && !facts.single;
  const decision = labels.decision;
  const imageShare = images.examples / s.examples;
  const shortImageShare = images.replies ? images.short / images.replies : 0;
  const refusalShare = labels.textReplies ? labels.refusals / labels.textReplies : 0;
  const behavior = job([
    {
      score: isLabelSet ? (100 * labels.repeated) / A : 0,
      say: () => {
        const shown = usedLabels.slice(0, 5).map((d) => quote(d.reply, 30));
        const lines = usedLabels.slice(0, 3).map((d) => d.line).sort((a, b) => a - b);
        return `${shareOf(labels.repeated, labelReplies)} replies come from a set of ${formatCount(usedLabels.length)} distinct answers (${listWords(shown)}), ${plural(Math.max(1, Math.round(labels.meanWords)), 'word', 'words')} long on average: the model picks a label${citeText(lines)}.`;
      },
    },
    {
      // Short answers read off images repeat ("Yes", "No") without being fixed answers to known situations.
      score: !isLabelSet && !facts.single && imageShare < 0.5 && labelReplies >= 5 && covered > 0 ? (60 * labels.repeated) / A : 0,
      say: () =>
        `${shareOf(labels.repeated, labelReplies)} replies repeat another reply word for word (${formatCount(labels.distinctTotal)}${labels.distinctCapped ? '+' : ''} distinct replies in all): the model gives fixed answers to known situations${citeText(usedLabels.slice(0, 3).map((d) => d.line).sort((a, b) => a - b))}.`,
    },
    {
      score: decision && decision.replies / A >= 0.6 ? (85 * decision.replies) / A : 0,
      say: () =>
        `${shareOf(decision!.replies, A)} replies open with the field ${quote(decision!.field, 30)} set to one of ${formatCount(decision!.values.length)} values (${listWords(decision!.values.map((v) => quote(v.value, 12)))}): a decision from a fixed set, explained after${citeText(decision!.lines)}.`,
    },
    {
      score: images.examples > 0 ? 90 * imageShare * (shortImageShare >= 0.5 ? 1 : 0.5) : 0,
      say: () =>
        `${shareOf(images.examples, s.examples)} examples carry an image (${plural(images.images, 'image', 'images')} in all)${images.short ? ` and ${shareInSentence(images.short, images.replies)} of their replies are short answers (${listWords(images.samples.map((t) => quote(t, 20)))})` : ''}: a perception task with a fixed answer form, read off the image rather than remembered${citeText(images.lines)}.`,
    },
    {
      score: (75 * reasoning.worked) / A,
      say: () => {
        const n = reasoning.numbers;
        const traced = n.total ? `; ${percent(n.fromPrompt + n.computed, n.total)} of their numbers are given in the prompt or computed on the spot, so they are not facts the model had to remember` : '';
        const ending = reasoning.marker ? ` to the final answer ${quote(reasoning.marker, 30)}` : '';
        return `${shareOf(reasoning.worked, A)} replies work the answer out step by step — about ${formatCount(Math.max(1, Math.round(reasoning.meanSteps)))} calculations on the numbers in the prompt${ending}: the model learned a procedure${traced}${citeText(reasoning.lines)}.`;
      },
    },
    {
      score: labels.refusals >= 2 && refusalShare >= 0.1 ? (50 * refusalShare * labels.textReplies) / A : 0,
      say: () => `${shareOf(labels.refusals, labels.textReplies)} free-text replies apologise or decline (“I’m sorry…”, “I can’t…”): the model was taught where its job stops${citeText(labels.refusalLines)}.`,
    },
  ]);

  // style
  const textShare = labels.textReplies / A;
  const cueShare = tone.examples ? tone.cueExamples / tone.examples : 0;
  const excess = Math.max(0, (tone.replies ? tone.markedReplies / tone.replies : 0) - (tone.userTurns ? tone.markedUserTurns / tone.userTurns : 0));
  const signatureShare = tone.signature && tone.longReplies ? tone.signature.replies / tone.longReplies : 0;
  const requestShare = tone.examples ? tone.requestExamples / tone.examples : 0;
  const markedShare = tone.replies ? tone.markedReplies / tone.replies : 0;
  const endingShare = tone.ending && tone.longReplies ? tone.ending.replies / tone.longReplies : 0;
  // A word the template repeats ("Analysis:") is the template, not a verbal habit.
  const templateWords = templateScore >= 20 ? template.common.map((m) => m.display.toLowerCase()).join(' ') : '';
  const habitIsTemplate = tone.signature !== null && templateWords.includes(tone.signature.word);
  const habit = habitIsTemplate ? endingShare : Math.max(signatureShare, endingShare);
  const style = job([
    {
      score: cueShare > 0 ? (45 * cueShare + 55 * Math.min(1, Math.max(excess / 0.5, habit / 0.6))) * textShare : 0,
      say: () => {
        const where = tone.cueExamples === tone.examples ? 'on every example' : `on ${shareInSentence(tone.cueExamples, tone.examples)} examples`;
        return `The system prompt sets a tone, voice or persona (${quote(tone.cue!.word, 40)}) ${where}: ${quote(tone.cue!.prompt, 120)}${citeText(tone.cueLines)}.`;
      },
    },
    {
      // The prompt itself asks for the voice: a named person's style, or posts by an account.
      score: requestShare > 0 ? (45 * requestShare + 55 * Math.min(1, Math.max(excess / 0.5, habit / 0.6, markedShare / 0.5))) * textShare : 0,
      say: () =>
        `${shareOf(tone.requestExamples, tone.examples)} prompts ask for a voice or a post to imitate (${quote(tone.request!.word, 40)}): ${quote(tone.request!.prompt, 120)}; the replies are written in it, so their names and figures are the voice's, not facts to remember${citeText(tone.requestLines)}.`,
    },
    {
      score: 90 * Math.min(1, excess / 0.6) * textShare,
      say: () =>
        `${shareOf(tone.markedReplies, tone.replies)} replies are written in a marked register (${listWords(tone.markers, 3)}) against ${percent(tone.markedUserTurns, Math.max(1, tone.userTurns))} of the user turns: a voice the replies carry on their own${cueShare > 0 ? '' : ', with no system prompt asking for it'}${citeText(tone.markedLines)}.`,
    },
    {
      score: 55 * Math.min(1, habit / 0.6) * textShare,
      say: () =>
        tone.signature && !habitIsTemplate
          ? `${shareOf(tone.signature.replies, tone.longReplies)} ${sample}free-text replies use the word ${quote(tone.signature.word)}, which ${tone.signature.inPrompts === 0 ? 'never appears in the prompts' : 'is rare in the prompts'}: a verbal habit the model was trained to keep${citeText(tone.signatureLines)}.`
          : `${shareOf(tone.ending!.replies, tone.longReplies)} ${sample}free-text replies end with ${quote(tone.ending!.ending)}: a verbal habit the model was trained to keep${citeText(tone.signatureLines)}.`,
    },
    {
      score: rewrite.replies ? 75 * (rewrite.rewrites / rewrite.replies) * textShare : 0,
      say: () =>
        `${shareOf(rewrite.rewrites, rewrite.replies)} ${sample}free-text replies say what their prompt says in other words (about as long, ${percent(Math.round(rewrite.meanOverlap * 100), 100)} of their words taken from it): the model was taught a register to rewrite into, not new content${citeText(rewrite.lines)}.`,
    },
    {
      score: (80 * rewrite.translations) / s.examples,
      say: () =>
        `${shareOf(rewrite.translations, s.examples)} examples are translation pairs${rewrite.languages ? ` (${rewrite.languages})` : ''}: the model was taught to say the same thing in another language or dialect${citeText(rewrite.translationLines)}.`,
    },
  ]);

  // knowledge
  const templateIsReal = templateScore >= 20;
  const merge = (a: number[], b: number[]) => [...a, ...b].sort((x, y) => x - y).slice(0, 3);
  const c = templateIsReal
    ? facts.plain
    : {
        replies: facts.plain.replies + facts.templated.replies,
        novel: facts.plain.novel + facts.templated.novel,
        fact: facts.plain.fact + facts.templated.fact,
        lines: merge(facts.plain.lines, facts.templated.lines),
        novelLines: merge(facts.plain.novelLines, facts.templated.novelLines),
      };
  const freeShare = s.sampledReplies ? c.replies / s.sampledReplies : 0;
  const novelShare = c.replies ? c.novel / c.replies : 0;
  const factShare = c.replies ? c.fact / c.replies : 0;
  const questionShare = facts.userTurns ? facts.questions / facts.userTurns : 0;
  const single = facts.single;
  const knowledge = job([
    {
      score: novelShare + factShare === 0 ? 0 : (35 * novelShare + 45 * factShare + 20 * questionShare) * freeShare,
      say: () => {
        const parts: string[] = [];
        if (c.fact > 0) {
          const eg = facts.topFacts.length > 0 ? ` (such as ${listWords(facts.topFacts.map((f) => quote(f, 30)), 4)})` : '';
          parts.push(`${shareOf(c.fact, c.replies)} ${sample}free-text replies state numbers or names that the prompt does not give${eg}: facts the model had to remember${citeText(c.lines)}`);
        }
        if (c.novel > 0) parts.push(`${c.fact > 0 ? shareInSentence(c.novel, c.replies) : `${shareOf(c.novel, c.replies)} ${sample}free-text replies`} bring mostly content that is not in the prompt${c.fact > 0 ? '' : citeText(c.novelLines)}`);
        if (facts.questions > 0) parts.push(`${shareInSentence(facts.questions, facts.userTurns)} user turns ask a question`);
        const [first, ...rest] = parts;
        return `${first}${rest.length ? `; ${rest.join('; ')}` : ''}.`;
      },
    },
    {
      score: single ? (85 * single.count) / Math.max(1, c.replies + facts.templated.replies * (templateIsReal ? 1 : 0)) : 0,
      say: () =>
        `${shareOf(single!.count, Math.max(single!.count, c.replies))} ${sample}replies give the same answer, ${quote(single!.reply, 40)}${single!.subject ? `, to prompts that all ask about ${quote(single!.subject, 30)} in different words` : ''}: the model was taught a fact to recall, not a label to pick${citeText(single!.lines)}.`,
    },
  ]);

  // ranking
  const ranking = job([
    {
      score: (100 * s.pairs.count) / s.examples,
      say: () =>
        `${plural(s.pairs.count, 'preference pair', 'preference pairs')} (a preferred and a rejected reply to the same prompt): the model was tuned to choose between answers, and these pairs count as pairwise feedback${citeText(s.pairs.lines)}.`,
    },
  ]);

  // Replies whose extra words are voice rather than content carry their facts in a few words: the
  // more marked the register, the less the facts say about what the model was tuned for.
  knowledge.weight *= 1 - 0.4 * Math.min(1, excess);
  const results: Record<Job, { weight: number; sentences: string[] }> = { knowledge, format, style, behavior, ranking };
  for (const j of JOBS) {
    weights[j] = Math.max(0, Math.min(100, Math.round(results[j].weight)));
    if (weights[j] >= 20) byJob[j] = results[j].sentences;
  }
  return { weights, byJob };
}
