// Reads one training example (an already-parsed JSONL line) in any of the three formats into a
// flat shape the analyser counts, or says which field is wrong and how to fix it.

export type TrainingFormat = 'chat' | 'prompt_completion' | 'preference';

export interface Reply {
  /** Text of the reply ('' for a pure tool call). */
  text: string;
  /** Names of the functions called by this reply (empty for a text reply). */
  toolCalls: string[];
}

export interface Example {
  format: TrainingFormat;
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

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

class Problem extends Error {
  constructor(
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
  }
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
  const ex: Example = { format: 'chat', system: [], user: [], context: [], replies: [], rejected: [], messageCount: 0, tools: [], chars: 0 };
  readTools(value, ex);

  const preferred = firstKey(value, ['preferred_output', 'preferred_completion']);
  if (preferred !== undefined || 'input' in value) {
    ex.format = 'preference';
    readPreference(value, ex);
    return ex;
  }
  if ('messages' in value) {
    readMessages(value.messages, 'messages', ex, true);
    if (ex.replies.length === 0) {
      throw new Problem('messages', 'The example has no assistant message to learn from (or every one has weight 0); add the reply the model should give.');
    }
    return ex;
  }
  if ('prompt' in value || 'completion' in value) {
    ex.format = 'prompt_completion';
    const prompt = requireString(value.prompt, 'prompt');
    const completion = requireString(value.completion, 'completion');
    ex.user.push(prompt);
    ex.replies.push({ text: completion, toolCalls: [] });
    ex.messageCount = 2;
    ex.chars += prompt.length + completion.length;
    return ex;
  }
  const keys = Object.keys(value).slice(0, 5).map((k) => `"${k}"`).join(', ');
  throw new Problem(
    undefined,
    `The example has none of "messages", "prompt"/"completion" or "input"/"preferred_output"${keys ? ` (it has ${keys})` : ''}; use one of these formats.`,
  );
}

function firstKey(obj: Obj, names: string[]): unknown {
  for (const n of names) if (n in obj) return obj[n];
  return undefined;
}

function requireString(v: unknown, field: string): string {
  if (typeof v === 'string') return v;
  if (v === undefined) throw new Problem(field, `"${field}" is missing; give it as a string.`);
  throw new Problem(field, `"${field}" is ${describe(v)}; it must be a string.`);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function readTools(value: Obj, ex: Example): void {
  const tools = value.tools ?? value.functions;
  if (tools === undefined || tools === null) return;
  const field = value.tools !== undefined ? 'tools' : 'functions';
  if (!Array.isArray(tools)) throw new Problem(field, `"${field}" is ${describe(tools)}; it must be an array of tool definitions.`);
  tools.forEach((t, i) => {
    const fn = isObj(t) && isObj(t.function) ? t.function : t;
    if (!isObj(fn) || typeof fn.name !== 'string') {
      throw new Problem(`${field}[${i}].function.name`, `Tool ${i + 1} has no function name; give each tool {"type": "function", "function": {"name": ...}}.`);
    }
    ex.tools.push(fn.name);
  });
}

function readPreference(value: Obj, ex: Example): void {
  const input = value.input;
  if (isObj(input)) {
    if (!('messages' in input)) throw new Problem('input.messages', '"input" has no "messages"; give the prompt as {"messages": [...]}.');
    readMessages(input.messages, 'input.messages', ex, false);
  } else if (typeof input === 'string') {
    ex.user.push(input);
    ex.messageCount += 1;
    ex.chars += input.length;
  } else {
    throw new Problem('input', input === undefined ? '"input" is missing; give the prompt as {"messages": [...]}.' : `"input" is ${describe(input)}; give the prompt as {"messages": [...]}.`);
  }
  const prefField = 'preferred_output' in value ? 'preferred_output' : 'preferred_completion';
  const rejField = 'non_preferred_output' in value ? 'non_preferred_output' : 'non_preferred_completion';
  if (!(prefField in value)) throw new Problem('preferred_output', '"preferred_output" is missing; give the better reply as [{"role": "assistant", "content": ...}].');
  if (!(rejField in value)) throw new Problem('non_preferred_output', '"non_preferred_output" is missing; give the worse reply as [{"role": "assistant", "content": ...}].');
  ex.replies.push(...readOutput(value[prefField], prefField, ex));
  ex.rejected.push(...readOutput(value[rejField], rejField, ex));
  if (ex.replies.length === 0) throw new Problem(prefField, `"${prefField}" has no assistant reply; give the better reply.`);
  if (ex.rejected.length === 0) throw new Problem(rejField, `"${rejField}" has no assistant reply; give the worse reply.`);
}

function readOutput(v: unknown, field: string, ex: Example): Reply[] {
  if (typeof v === 'string') {
    ex.chars += v.length;
    ex.messageCount += 1;
    return [{ text: v, toolCalls: [] }];
  }
  if (!Array.isArray(v)) throw new Problem(field, `"${field}" is ${describe(v)}; give it as [{"role": "assistant", "content": ...}].`);
  const scratch: Example = { ...ex, system: [], user: [], context: [], replies: [], rejected: [], messageCount: 0, chars: 0 };
  readMessages(v, field, scratch, true, true);
  ex.chars += scratch.chars;
  ex.messageCount += scratch.messageCount;
  return scratch.replies;
}

function readMessages(v: unknown, field: string, ex: Example, repliesCount: boolean, allowEmpty = false): void {
  if (!Array.isArray(v)) throw new Problem(field, `"${field}" is ${describe(v)}; it must be an array of messages.`);
  if (v.length === 0 && !allowEmpty) throw new Problem(field, `"${field}" is empty; give at least a user and an assistant message.`);
  v.forEach((m, i) => {
    const at = `${field}[${i}]`;
    if (!isObj(m)) throw new Problem(at, `Message ${i + 1} is ${describe(m)}; each message must be an object with "role" and "content".`);
    const role = m.role;
    if (typeof role !== 'string' || !ROLES.has(role)) {
      const got = typeof role === 'string' ? `"${role}"` : role === undefined ? 'missing' : describe(role);
      throw new Problem(`${at}.role`, `The role of message ${i + 1} is ${got}; use system, user, assistant or tool.`);
    }
    const text = readContent(m.content, `${at}.content`, role === 'assistant' && 'tool_calls' in m);
    ex.messageCount += 1;
    ex.chars += text.length;
    if (role === 'system' || role === 'developer') ex.system.push(text);
    else if (role === 'user') ex.user.push(text);
    else if (role === 'tool' || role === 'function') ex.context.push(text);
    else {
      const toolCalls = readToolCalls(m, at, ex);
      const weight = m.weight;
      if (weight !== undefined && weight !== 0 && weight !== 1) {
        throw new Problem(`${at}.weight`, `The weight of message ${i + 1} is ${JSON.stringify(weight)}; use 0 (do not learn from it) or 1.`);
      }
      // A reply with weight 0 is still part of the conversation the next reply answers.
      if (repliesCount && weight !== 0) ex.replies.push({ text, toolCalls });
      else ex.context.push(text);
    }
  });
}

function readContent(content: unknown, field: string, mayBeEmpty: boolean): string {
  if (typeof content === 'string') return content;
  if (content === undefined || content === null) {
    if (mayBeEmpty) return '';
    throw new Problem(field, `"${field}" is ${content === null ? 'null' : 'missing'}; give the message text as a string.`);
  }
  if (!Array.isArray(content)) throw new Problem(field, `"${field}" is ${describe(content)}; give a string or an array of {"type": "text", "text": ...} parts.`);
  let text = '';
  content.forEach((part, i) => {
    if (typeof part === 'string') {
      text += part;
      return;
    }
    if (!isObj(part) || typeof part.type !== 'string') {
      throw new Problem(`${field}[${i}]`, `Part ${i + 1} of "${field}" has no "type"; use {"type": "text", "text": ...} or {"type": "image_url", ...}.`);
    }
    if (part.type === 'text' || part.type === 'input_text' || part.type === 'output_text') {
      if (typeof part.text !== 'string') throw new Problem(`${field}[${i}].text`, `Text part ${i + 1} of "${field}" has no "text" string.`);
      text += (text ? '\n' : '') + part.text;
    }
    // Image, audio and file parts carry no words to analyse.
  });
  return text;
}

function readToolCalls(m: Obj, at: string, ex: Example): string[] {
  const calls = m.tool_calls ?? (m.function_call !== undefined ? [{ function: m.function_call }] : undefined);
  if (calls === undefined || calls === null) return [];
  if (!Array.isArray(calls)) throw new Problem(`${at}.tool_calls`, `"${at}.tool_calls" is ${describe(calls)}; it must be an array of tool calls.`);
  return calls.map((c, j) => {
    const fn = isObj(c) ? c.function : undefined;
    if (!isObj(fn) || typeof fn.name !== 'string') {
      throw new Problem(`${at}.tool_calls[${j}].function.name`, `Tool call ${j + 1} has no function name; give {"function": {"name": ..., "arguments": "..."}}.`);
    }
    if (typeof fn.arguments === 'string') ex.chars += fn.arguments.length;
    ex.chars += fn.name.length;
    return fn.name;
  });
}
