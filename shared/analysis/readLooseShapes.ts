// Record shapes that carry the usual parts under unusual names or serialised as text: a role/content
// message list under any key ("turns", "dialog"…), a text field written in a model's chat template
// (Mistral [INST], Llama 3 header ids, ChatML), and several input fields with one short output field
// (sentence-pair classification: {premise, hypothesis, label}, {edu1, edu2, label}).

import { isObj } from './readMessages.ts';
import type { Obj } from './readMessages.ts';

const MESSAGE_ROLES = new Set(['system', 'developer', 'user', 'assistant', 'model', 'tool', 'function']);

/** The key of the first array of {role, content} messages with an assistant turn, whatever the key is called. */
export function messageListKey(value: Obj): string | undefined {
  for (const [k, v] of Object.entries(value)) {
    if (!Array.isArray(v) || v.length < 2) continue;
    const roles = v.map((m) => (isObj(m) && typeof m.role === 'string' && 'content' in m ? m.role : null));
    if (roles.every((r) => r !== null && MESSAGE_ROLES.has(r)) && roles.some((r) => r === 'assistant' || r === 'model')) return k;
  }
  return undefined;
}

export interface Turn {
  role: 'system' | 'user' | 'assistant';
  text: string;
}

const ROLE_OF: Record<string, Turn['role'] | undefined> = { system: 'system', user: 'user', human: 'user', assistant: 'assistant', model: 'assistant', gpt: 'assistant' };

/**
 * The turns of a text written in a chat template, or null when it is not one. Mistral/Llama 2
 * "<s>[INST] user [/INST] reply</s>" (a "<<SYS>>" block inside the first [INST] is the system prompt),
 * Llama 3 "<|start_header_id|>role<|end_header_id|> … <|eot_id|>", ChatML "<|im_start|>role … <|im_end|>",
 * Gemma "<start_of_turn>role … <end_of_turn>".
 */
export function chatTemplateTurns(text: string): Turn[] | null {
  const turns = text.includes('[INST]') ? instTurns(text) : headerTurns(text);
  return turns && turns.some((t) => t.role === 'assistant') && turns.some((t) => t.role === 'user') ? turns : null;
}

function instTurns(text: string): Turn[] {
  const turns: Turn[] = [];
  for (const m of text.matchAll(/\[INST\]([\s\S]*?)\[\/INST\]([\s\S]*?)(?=<s>|\[INST\]|$)/g)) {
    let user = m[1];
    const sys = /<<SYS>>([\s\S]*?)<<\/SYS>>/.exec(user);
    if (sys) {
      turns.push({ role: 'system', text: sys[1].trim() });
      user = user.replace(sys[0], '');
    }
    turns.push({ role: 'user', text: user.trim() });
    const reply = m[2].replace(/<\/s>\s*$/, '').trim();
    if (reply) turns.push({ role: 'assistant', text: reply });
  }
  return turns;
}

const HEADER = /<\|start_header_id\|>\s*(\w+)\s*<\|end_header_id\|>|<\|im_start\|>\s*(\w+)\s*\n?|<start_of_turn>\s*(\w+)\s*\n?/g;
const END_OF_TURN = /<\|eot_id\|>|<\|im_end\|>|<end_of_turn>|<\|end_of_text\|>|<\|endoftext\|>|<\/s>|<eos>/g;

function headerTurns(text: string): Turn[] | null {
  const heads = [...text.matchAll(HEADER)];
  if (heads.length < 2) return null;
  const turns: Turn[] = [];
  heads.forEach((h, i) => {
    const role = ROLE_OF[(h[1] ?? h[2] ?? h[3]).toLowerCase()];
    const end = i + 1 < heads.length ? heads[i + 1].index : text.length;
    const body = text.slice(h.index + h[0].length, end).replace(END_OF_TURN, '').trim();
    if (role && body) turns.push({ role, text: body });
  });
  return turns;
}

/** Output fields a classification or generation record puts its answer under. */
const OUTPUT_KEYS = ['label', 'labels', 'output', 'target', 'answer', 'relation', 'class', 'category', 'gold_label', 'stance', 'response', 'completion'];
/** Fields that name where a record came from rather than what it says. */
const META_KEY = /^(?:id|idx|uid|_id|index|source(?:_file)?|src_\w+|trg_\w+|split|lang(?:uage)?|url|file(?:name)?|\w+_id|\w+_idx)$/i;

/**
 * Two or more text inputs and one output field ({premise, hypothesis, label}, {edu1, edu2, label}):
 * the inputs joined as the prompt, each under its field name, the output as the reply. Ids and
 * provenance fields are left out; the output must be short (a label or a sentence), not a document.
 */
export function multiInputOutput(value: Obj): { input: string; output: string; fields: string[] } | null {
  const outKey = OUTPUT_KEYS.find((k) => typeof value[k] === 'string' || typeof value[k] === 'number' || typeof value[k] === 'boolean');
  if (!outKey) return null;
  const output = String(value[outKey] as string | number | boolean);
  if (output.trim() === '' || output.length > 400) return null;
  const fields = Object.keys(value).filter((k) => k !== outKey && !META_KEY.test(k) && typeof value[k] === 'string' && (value[k] as string).trim().split(/\s+/).length >= 2);
  if (fields.length < 2) return null;
  return { input: fields.map((k) => `${k}: ${value[k] as string}`).join('\n'), output, fields };
}
