// Reads the message-level parts of a training record (messages, content parts, tool calls, tool
// definitions, preference outputs) into an Example, or throws a Problem naming the field to fix.

import type { Example, Reply } from './parseExample.ts';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'model', 'tool', 'function']);

/** The calls of a reply that calls nothing: one shared empty list rather than one per reply. */
export const NO_CALLS: readonly string[] = [];

export class Problem extends Error {
  constructor(
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

export function addUser(ex: Example, text: string, join = false): void {
  if (join && ex.user.length > 0) ex.user[ex.user.length - 1] += `\n\n${text}`;
  else {
    ex.user.push(text);
    ex.messageCount += 1;
  }
  ex.chars += text.length;
}

export function addContext(ex: Example, text: string): void {
  ex.context.push(text);
  ex.chars += text.length;
}

export function addReply(ex: Example, text: string): void {
  ex.replies.push({ text, toolCalls: NO_CALLS });
  ex.messageCount += 1;
  ex.chars += text.length;
}

export function firstKey(obj: Obj, names: string[]): unknown {
  for (const n of names) if (n in obj) return obj[n];
  return undefined;
}

export function requireString(v: unknown, field: string): string {
  if (typeof v === 'string') return v;
  if (v === undefined) throw new Problem(field, `"${field}" is missing; give it as a string.`);
  throw new Problem(field, `"${field}" is ${describe(v)}; it must be a string.`);
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

export function readTools(value: Obj, ex: Example): void {
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

export function readPreference(value: Obj, ex: Example): void {
  const input = value.input ?? value.prompt;
  if (Array.isArray(input)) {
    readMessages(input, 'input', ex, false);
  } else if (isObj(input)) {
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

export function readOutput(v: unknown, field: string, ex: Example): Reply[] {
  if (typeof v === 'string') {
    ex.chars += v.length;
    ex.messageCount += 1;
    return [{ text: v, toolCalls: NO_CALLS }];
  }
  if (!Array.isArray(v)) throw new Problem(field, `"${field}" is ${describe(v)}; give it as [{"role": "assistant", "content": ...}].`);
  const scratch: Example = { format: ex.format, shape: ex.shape, images: 0, system: [], user: [], context: [], replies: [], rejected: [], messageCount: 0, tools: ex.tools, chars: 0 };
  readMessages(v, field, scratch, true, true);
  ex.chars += scratch.chars;
  ex.messageCount += scratch.messageCount;
  return scratch.replies;
}

export function readMessages(v: unknown, field: string, ex: Example, repliesCount: boolean, allowEmpty = false): void {
  if (!Array.isArray(v)) throw new Problem(field, `"${field}" is ${describe(v)}; it must be an array of messages.`);
  if (v.length === 0 && !allowEmpty) throw new Problem(field, `"${field}" is empty; give at least a user and an assistant message.`);
  for (let i = 0; i < v.length; i++) {
    const m: unknown = v[i];
    // The message's path ("messages[2]") is worded only when a problem names it: most lines have none.
    if (!isObj(m)) throw new Problem(`${field}[${i}]`, `Message ${i + 1} is ${describe(m)}; each message must be an object with "role" and "content".`);
    const role = m.role;
    if (typeof role !== 'string' || !ROLES.has(role)) {
      const got = typeof role === 'string' ? `"${role}"` : role === undefined ? 'missing' : describe(role);
      throw new Problem(`${field}[${i}].role`, `The role of message ${i + 1} is ${got}; use system, user, assistant or tool.`);
    }
    const content = m.content;
    let text: string;
    if (typeof content === 'string') text = content;
    else {
      imagesSeen = 0;
      text = readContent(content, `${field}[${i}].content`, (role === 'assistant' || role === 'model') && ('tool_calls' in m || 'function_call' in m));
      if (role === 'user') ex.images += imagesSeen;
    }
    ex.messageCount += 1;
    ex.chars += text.length;
    if (role === 'system' || role === 'developer') ex.system.push(text);
    else if (role === 'user') ex.user.push(text);
    else if (role === 'tool' || role === 'function') ex.context.push(text);
    else {
      const toolCalls = readToolCalls(m, field, i, ex);
      const weight = m.weight;
      if (weight !== undefined && weight !== 0 && weight !== 1) {
        throw new Problem(`${field}[${i}].weight`, `The weight of message ${i + 1} is ${JSON.stringify(weight)}; use 0 (do not learn from it) or 1.`);
      }
      // A reply with weight 0 is still part of the conversation the next reply answers.
      if (repliesCount && weight !== 0) ex.replies.push({ text, toolCalls });
      else ex.context.push(text);
    }
  }
}

/** Image parts readContent met in the content it last read (a counter, not an object per message). */
let imagesSeen = 0;

function readContent(content: unknown, field: string, mayBeEmpty: boolean): string {
  if (typeof content === 'string') return content;
  if (content === undefined || content === null) {
    if (mayBeEmpty) return '';
    throw new Problem(field, `"${field}" is ${content === null ? 'null' : 'missing'}; give the message text as a string.`);
  }
  if (!Array.isArray(content)) throw new Problem(field, `"${field}" is ${describe(content)}; give a string or an array of {"type": "text", "text": ...} parts.`);
  let text = '';
  for (let i = 0; i < content.length; i++) {
    const part: unknown = content[i];
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    if (!isObj(part) || typeof part.type !== 'string') {
      throw new Problem(`${field}[${i}]`, `Part ${i + 1} of "${field}" has no "type"; use {"type": "text", "text": ...} or {"type": "image_url", ...}.`);
    }
    if (part.type === 'text' || part.type === 'input_text' || part.type === 'output_text') {
      if (typeof part.text !== 'string') throw new Problem(`${field}[${i}].text`, `Text part ${i + 1} of "${field}" has no "text" string.`);
      text += (text ? '\n' : '') + part.text;
    }
    // Image, audio and file parts carry no words to analyse; images are counted for the perception signal.
    else if (part.type.includes('image')) imagesSeen += 1;
  }
  return text;
}

function readToolCalls(m: Obj, field: string, i: number, ex: Example): readonly string[] {
  const calls = m.tool_calls ?? (m.function_call !== undefined ? [{ function: m.function_call }] : undefined);
  if (calls === undefined || calls === null) return NO_CALLS;
  const at = `${field}[${i}]`;
  if (!Array.isArray(calls)) throw new Problem(`${at}.tool_calls`, `"${at}.tool_calls" is ${describe(calls)}; it must be an array of tool calls.`);
  return calls.map((c, j) => {
    const fn = isObj(c) ? c.function : undefined;
    if (!isObj(fn) || typeof fn.name !== 'string') {
      throw new Problem(`${at}.tool_calls[${j}].function.name`, `Tool call ${j + 1} has no function name; give {"function": {"name": ..., "arguments": "..."}}.`);
    }
    if (typeof fn.arguments === 'string') ex.chars += fn.arguments.length;
    else if (isObj(fn.arguments)) ex.chars += JSON.stringify(fn.arguments).length;
    ex.chars += fn.name.length;
    return fn.name;
  });
}
