// A zod issue in words a person can act on ("is missing; give a number") instead of zod's defaults
// ("Invalid input: expected number, received undefined"); the schemas' own messages are kept.
import type { z } from 'zod';

const KINDS: Record<string, string> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'an object', null: 'null',
};

export function issueInWords(issue: z.core.$ZodIssue): string {
  const msg = issue.message;
  if (issue.code === 'invalid_type') {
    const expected = KINDS[String(issue.expected)] ?? String(issue.expected);
    const received = /received (\w+)/.exec(msg)?.[1];
    if (received === 'undefined') return `is missing; give ${expected}`;
    return `must be ${expected}${received ? `, not ${received === 'null' ? 'null' : `${/^[aeiou]/.test(received) ? 'an' : 'a'} ${received}`}` : ''}`;
  }
  if (!/^(Invalid|Too (big|small))/.test(msg)) return msg;
  if (issue.code === 'too_big') return `is too ${issue.origin === 'string' || issue.origin === 'array' ? 'long' : 'large'}: at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' entries' : ''}`;
  if (issue.code === 'too_small') return `is too ${issue.origin === 'string' || issue.origin === 'array' ? 'short' : 'small'}: at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' entries' : ''}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'unrecognized_keys') return `has fields this version does not know: ${issue.keys.join(', ')}`;
  return msg.replace(/^Invalid input:?\s*/, 'is not valid: ').replace(/: $/, '');
}
