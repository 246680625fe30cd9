// Reads one training example (an already-parsed JSONL line) in any of the record shapes fine-tuning
// files come in into a flat shape the analyser counts, or says which field is wrong and how to fix it.

import { NO_CALLS, Problem, addContext, addReply, addUser, describe, firstKey, isObj, readMessages, readOutput, readPreference, readTools, requireString } from './readMessages.ts';
import type { Obj } from './readMessages.ts';
import { chatTemplateTurns, messageListKey, multiInputOutput } from './readLooseShapes.ts';

export type TrainingFormat = 'chat' | 'prompt_completion' | 'preference';

/** The record shape a line was read as (the format family is derived from it). */
export const RECORD_SHAPES = [
  'chat',
  'prompt_completion',
  'prompt_response',
  'question_answer',
  'instruction_output',
  'sharegpt',
  'text_template',
  'chat_template',
  'input_output',
  'multi_input',
  'translation',
  'preference_pair',
  'chosen_rejected',
] as const;
export type RecordShape = (typeof RECORD_SHAPES)[number];

const FORMAT_OF: Record<RecordShape, TrainingFormat> = {
  chat: 'chat',
  sharegpt: 'chat',
  prompt_completion: 'prompt_completion',
  prompt_response: 'prompt_completion',
  question_answer: 'prompt_completion',
  instruction_output: 'prompt_completion',
  text_template: 'prompt_completion',
  chat_template: 'chat',
  input_output: 'prompt_completion',
  multi_input: 'prompt_completion',
  translation: 'prompt_completion',
  preference_pair: 'preference',
  chosen_rejected: 'preference',
};

export interface Reply {
  /** Text of the reply ('' for a pure tool call). */
  text: string;
  /** Names of the functions called by this reply (empty for a text reply). */
  toolCalls: readonly string[];
}

export interface Example {
  format: TrainingFormat;
  shape: RecordShape;
  /** Image parts in the prompt (user turns, or a top-level "image"/"images" field). */
  images: number;
  /** For a translation pair, its languages ("en → fr"). */
  languages?: string;
  /** System (and developer) prompts, in order. */
  system: string[];
  /** User turns, in order. */
  user: string[];
  /** Tool results and other context turns that are part of the prompt. */
  context: string[];
  /** Assistant replies the model learns from (weight ≠ 0; the preferred output of a pair). */
  replies: Reply[];
  /** Rejected outputs of a preference pair. */
  rejected: Reply[];
  messageCount: number;
  /** Names of the tools declared on the example. */
  tools: string[];
  /** Characters of text in every message (for the token estimate). */
  chars: number;
}

export interface ExampleProblem {
  field?: string;
  message: string;
}

/** Parses one example. Never throws: a problem is returned as a value. */
export function parseExample(value: unknown): Example | ExampleProblem {
  try {
    return readExample(value);
  } catch (e) {
    if (e instanceof Problem) return e.field === undefined ? { message: e.message } : { field: e.field, message: e.message };
    throw e;
  }
}

export function isProblem(v: Example | ExampleProblem): v is ExampleProblem {
  return !('format' in v);
}

function readExample(value: unknown): Example {
  if (!isObj(value)) {
    const got = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    throw new Problem(undefined, `The line is ${got}, not a JSON object; each line must be one example such as {"messages": [...]}.`);
  }
  const ex: Example = { format: 'chat', shape: 'chat', images: 0, system: [], user: [], context: [], replies: [], rejected: [], messageCount: 0, tools: [], chars: 0 };
  readTools(value, ex);
  const shape = readShape(value, ex);
  ex.shape = shape;
  ex.format = FORMAT_OF[shape];
  ex.images += topLevelImages(value);
  return ex;
}

/** Reads the record into `ex` by the first shape its keys match, and says which shape that was. */
function readShape(value: Obj, ex: Example): RecordShape {

  // Four membership tests written out, not a list walked per line: each keeps its own fast property lookup.
  const preferred = 'preferred_output' in value || 'preferred_completion' in value || 'non_preferred_output' in value || 'non_preferred_completion' in value;
  if (preferred || (isObj(value.input) && 'messages' in value.input)) {
    readPreference(value, ex);
    return 'preference_pair';
  }
  if ('chosen' in value && 'rejected' in value) {
    readChosenRejected(value, ex);
    return 'chosen_rejected';
  }
  if ('messages' in value) {
    readMessages(value.messages, 'messages', ex, true);
    if (ex.replies.length === 0) {
      const reply = firstKey(value, ['response', 'completion', 'output']);
      if (typeof reply === 'string') {
        addReply(ex, reply);
        return 'prompt_response';
      }
      throw new Problem('messages', 'The example has no assistant message to learn from (or every one has weight 0); add the reply the model should give.');
    }
    return 'chat';
  }
  if ('conversations' in value) {
    readShareGpt(value.conversations, ex);
    return 'sharegpt';
  }
  if ('prompt' in value && ('completion' in value || !('response' in value))) {
    readPromptSide(value.prompt, 'prompt', ex);
    readReplySide(value.completion, 'completion', ex);
    return 'prompt_completion';
  }
  if ('prompt' in value) {
    addUser(ex, requireString(value.prompt, 'prompt'));
    addReply(ex, requireString(value.response, 'response'));
    return 'prompt_response';
  }
  if ('question' in value && 'answer' in value) {
    addUser(ex, requireString(value.question, 'question'));
    if (typeof value.context === 'string' && value.context) addContext(ex, value.context);
    addReply(ex, requireString(value.answer, 'answer'));
    return 'question_answer';
  }
  if ('instruction' in value && 'output' in value) {
    addUser(ex, requireString(value.instruction, 'instruction'));
    if (typeof value.input === 'string' && value.input.trim()) addUser(ex, value.input, true);
    addReply(ex, requireString(value.output, 'output'));
    return 'instruction_output';
  }
  const listKey = messageListKey(value);
  if (listKey !== undefined) {
    readMessages(value[listKey], listKey, ex, true);
    return 'chat';
  }
  if (typeof value.text === 'string') {
    const turns = chatTemplateTurns(value.text);
    if (turns) {
      for (const t of turns) {
        if (t.role === 'system') {
          ex.system.push(t.text);
          ex.messageCount += 1;
          ex.chars += t.text.length;
        } else if (t.role === 'user') addUser(ex, t.text);
        else addReply(ex, t.text);
      }
      return 'chat_template';
    }
    const split = splitTemplate(value.text);
    if (split) {
      addUser(ex, split.prompt);
      addReply(ex, split.reply);
      return 'text_template';
    }
  }
  const io = inputOutput(value);
  if (io) {
    addUser(ex, io.input);
    addReply(ex, io.output);
    return 'input_output';
  }
  const multi = multiInputOutput(value);
  if (multi) {
    addUser(ex, multi.input);
    addReply(ex, multi.output);
    return 'multi_input';
  }
  if (isObj(value.translation)) {
    readTranslation(value.translation, ex);
    return 'translation';
  }
  const keys = Object.keys(value).slice(0, 6).map((k) => `"${k}"`).join(', ');
  throw new Problem(
    undefined,
    `The example's shape is not one Offramp reads${keys ? ` (its keys are ${keys})` : ' (it is an empty object)'}; use {"messages": [...]}, {"prompt", "completion"}, {"question", "answer"}, {"instruction", "input", "output"}, {"conversations": [{"from", "value"}]} or a preference pair ({"input", "preferred_output", "non_preferred_output"} or {"prompt", "chosen", "rejected"}).`,
  );
}

/** "### Response:" and its usual variants, the marker between prompt and reply in Alpaca-style text records. */
const RESPONSE_MARKER = /\n?#{2,3}\s*(?:Response|Answer|Assistant|Output)\s*:?[ \t]*\n?/i;

/**
 * Splits an Alpaca-style text record at its reply: the "### Response:" marker, or else the last of two
 * or more "### Section:" headings when the text opens with one ("### Original: … ### Plain English: …").
 */
function splitTemplate(text: string): { prompt: string; reply: string } | null {
  const m = RESPONSE_MARKER.exec(text);
  if (m) return { prompt: text.slice(0, m.index), reply: text.slice(m.index + m[0].length) };
  if (!/^\s*#{2,3}\s*\S/.test(text)) return null;
  let last: RegExpExecArray | null = null;
  let count = 0;
  for (const h of text.matchAll(SECTION)) {
    count += 1;
    last = h;
  }
  if (count < 2 || !last || last.index === undefined) return null;
  return { prompt: text.slice(0, last.index), reply: text.slice(last.index + last[0].length) };
}

const SECTION = /(?:^|\n)#{2,3}[ \t]*[^\n#:]{1,40}:?[ \t]*\n/g;

const INPUT_KEYS = ['input', 'input_text', 'source', 'src', 'query', 'text'];
const OUTPUT_KEYS = ['output', 'output_text', 'expected_output', 'target', 'tgt', 'label', 'summary'];

/** A record of one input and one expected output under common names ({input_text, expected_output}, {text, label}). */
function inputOutput(value: Obj): { input: string; output: string } | null {
  const input = INPUT_KEYS.find((k) => typeof value[k] === 'string');
  const output = OUTPUT_KEYS.find((k) => value[k] !== undefined && value[k] !== null);
  if (!input || !output) return null;
  const v = value[output];
  // An output given as an object or a list is the structure the model writes: read it as JSON.
  return { input: value[input] as string, output: typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v) };
}

/** Hugging Face translation pairs {"translation": {"en": …, "fr": …}}: from English when English is there, else first to second. */
function readTranslation(t: Obj, ex: Example): void {
  const langs = Object.keys(t).filter((k) => typeof t[k] === 'string');
  if (langs.length !== 2) throw new Problem('translation', '"translation" must hold exactly two languages, such as {"en": "…", "fr": "…"}.');
  const [from, to] = langs.includes('en') ? ['en', langs.find((l) => l !== 'en') as string] : langs;
  addUser(ex, t[from] as string);
  addReply(ex, t[to] as string);
  ex.languages = `${from} → ${to}`;
}

const PROMPT_KEYS = ['prompt', 'question', 'instruction', 'query', 'problem', 'problem_description', 'input'];

function topLevelImages(value: Obj): number {
  const img = value.image ?? value.images;
  if (typeof img === 'string' && img) return 1;
  return Array.isArray(img) ? img.length : 0;
}

/** A prompt given as a string or (TRL conversational) as an array of messages. */
function readPromptSide(v: unknown, field: string, ex: Example): void {
  if (Array.isArray(v)) readMessages(v, field, ex, false);
  else addUser(ex, requireString(v, field));
}

function readReplySide(v: unknown, field: string, ex: Example): void {
  if (Array.isArray(v)) {
    ex.replies.push(...readOutput(v, field, ex));
    if (ex.replies.length === 0) throw new Problem(field, `"${field}" has no assistant message; give the reply the model should learn.`);
  } else addReply(ex, requireString(v, field));
}

function readChosenRejected(value: Obj, ex: Example): void {
  if (Array.isArray(value.messages) || Array.isArray(value.prompt)) {
    const field = Array.isArray(value.prompt) ? 'prompt' : 'messages';
    readMessages(value[field], field, ex, false, true);
  } else {
    const key = PROMPT_KEYS.find((k) => typeof value[k] === 'string');
    if (key) addUser(ex, value[key] as string);
    // Pairs with the prompt inside the chosen conversation ({"chosen": [user, assistant]}) need no prompt key.
    else if (!Array.isArray(value.chosen)) {
      throw new Problem('prompt', 'The preference pair has "chosen" and "rejected" but no prompt; add "prompt" (a string or an array of messages).');
    }
  }
  ex.replies.push(...readOutput(asMessages(value.chosen), 'chosen', ex));
  ex.rejected.push(...readOutput(asMessages(value.rejected), 'rejected', ex));
  if (ex.replies.length === 0) throw new Problem('chosen', '"chosen" has no assistant reply; give the better reply.');
  if (ex.rejected.length === 0) throw new Problem('rejected', '"rejected" has no assistant reply; give the worse reply.');
}

/** A single message object is read as a one-message list. */
function asMessages(v: unknown): unknown {
  return isObj(v) ? [v] : v;
}

const SHAREGPT_ROLE: Record<string, 'system' | 'user' | 'assistant' | 'tool' | 'call'> = {
  system: 'system',
  human: 'user',
  user: 'user',
  gpt: 'assistant',
  assistant: 'assistant',
  model: 'assistant',
  bot: 'assistant',
  chatgpt: 'assistant',
  function_call: 'call',
  tool_call: 'call',
  observation: 'tool',
  function_response: 'tool',
  tool: 'tool',
};

function readShareGpt(v: unknown, ex: Example): void {
  if (!Array.isArray(v) || v.length === 0) throw new Problem('conversations', '"conversations" must be a non-empty array of {"from": ..., "value": ...} turns.');
  v.forEach((turn, i) => {
    const at = `conversations[${i}]`;
    if (!isObj(turn)) throw new Problem(at, `Turn ${i + 1} is ${describe(turn)}; each turn must be {"from": ..., "value": ...}.`);
    const from = typeof turn.from === 'string' ? turn.from : turn.role;
    const role = typeof from === 'string' ? SHAREGPT_ROLE[from.toLowerCase()] : undefined;
    if (!role) throw new Problem(`${at}.from`, `Turn ${i + 1} is from ${typeof from === 'string' ? `"${from}"` : 'nobody'}; use human, gpt or system.`);
    const text = requireString(turn.value ?? turn.content, `${at}.value`);
    ex.messageCount += 1;
    ex.chars += text.length;
    if (role === 'system') ex.system.push(text);
    else if (role === 'user') {
      ex.user.push(text);
      if (text.includes('<image>')) ex.images += 1;
    } else if (role === 'tool') ex.context.push(text);
    else if (role === 'call') ex.replies.push({ text: '', toolCalls: [callName(text)] });
    else ex.replies.push({ text, toolCalls: NO_CALLS });
  });
  if (ex.replies.length === 0) throw new Problem('conversations', 'The conversation has no "gpt" turn to learn from; add the reply the model should give.');
}

function callName(text: string): string {
  try {
    const v: unknown = JSON.parse(text);
    if (isObj(v) && typeof v.name === 'string') return v.name;
  } catch {
    // a call written as text still counts as a call
  }
  return 'function';
}
