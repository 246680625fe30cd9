import { describe, expect, it } from 'vitest';
import { analyse } from './builders.ts';

const row = (v: unknown): string => JSON.stringify(v);

describe('analyser record shapes', () => {
  it.each([
    ['chat', 'chat records (messages)', { messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello' }] }],
    ['prompt_completion', 'prompt/completion records', { prompt: 'Say hi', completion: 'hi' }],
    ['prompt_completion', 'prompt/completion records', { prompt: [{ role: 'user', content: 'Define X.' }], completion: [{ role: 'assistant', content: 'a thing.' }] }],
    ['prompt_response', 'prompt/response records', { prompt: 'Say hi', response: 'hi' }],
    ['question_answer', '{question, answer} records', { question: 'Capital of France?', answer: 'Paris.' }],
    ['instruction_output', '{instruction, input, output} records', { instruction: 'Translate to French', input: 'cat', output: 'chat' }],
    ['sharegpt', 'ShareGPT conversations (from/value turns)', { conversations: [{ from: 'human', value: 'Hi' }, { from: 'gpt', value: 'Hello' }] }],
    ['text_template', 'text records with “### …” sections', { text: '### Instruction:\nSay hi\n\n### Response:\nhi' }],
    ['text_template', 'text records with “### …” sections', { text: '### Original:\nThou art late.\n\n### Plain English:\nYou are late.' }],
    ['input_output', 'input/output records', { input_text: 'Paper by Ann Lee (MIT), 2024.', expected_output: "{'authors': ['Ann Lee']}" }],
    ['input_output', 'input/output records', { text: 'Great phone, love it', label: 1 }],
    ['translation', 'translation pairs', { translation: { en: 'They are already burnt', creole: 'Dem bon aredii' } }],
    ['preference_pair', 'preference pairs (preferred/non-preferred output)', { input: { messages: [{ role: 'user', content: 'Pick' }] }, preferred_output: [{ role: 'assistant', content: 'A' }], non_preferred_output: [{ role: 'assistant', content: 'B' }] }],
    ['chosen_rejected', 'preference pairs (chosen/rejected)', { prompt: 'Pick', chosen: 'A', rejected: 'B' }],
    ['chosen_rejected', 'preference pairs (chosen/rejected)', { chosen: [{ role: 'user', content: 'Pick' }, { role: 'assistant', content: 'A' }], rejected: [{ role: 'user', content: 'Pick' }, { role: 'assistant', content: 'B' }] }],
  ])('reads %s records and says which shape was read (%s)', (shape, name, record) => {
    const r = analyse([row(record), row(record)]);
    expect(r.examples).toBe(2);
    expect(r.shapes[shape as keyof typeof r.shapes]).toBe(2);
    expect(r.evidence[0]).toContain(`read as ${name}`);
    expect(r.replies.total).toBe(2);
  });

  it('reads tool calls whose arguments are a string or an object, and ShareGPT function calls', () => {
    const tools = [{ type: 'function', function: { name: 'play_song', parameters: {} } }];
    const r = analyse([
      row({ messages: [{ role: 'user', content: 'Play jazz' }, { role: 'assistant', tool_calls: [{ type: 'function', function: { name: 'play_song', arguments: { genre: 'jazz' } } }] }], tools }),
      row({ messages: [{ role: 'user', content: 'Play rock' }, { role: 'assistant', tool_calls: [{ type: 'function', function: { name: 'play_song', arguments: '{"genre":"rock"}' } }] }], tools }),
      row({ conversations: [{ from: 'human', value: 'Play pop' }, { from: 'function_call', value: '{"name": "play_song", "arguments": {"genre": "pop"}}' }] }),
    ]);
    expect(r.topJob).toBe('format');
    expect(r.evidenceByJob.format[0]).toMatch(/^All 3 replies are tool calls, to 1 function \(play_song\)/);
  });

  it('keeps an Alpaca record with an "input" apart from a preference pair', () => {
    const r = analyse([row({ instruction: 'Summarise', input: 'A long memo about budgets.', output: 'Budgets rise.' })]);
    expect(r.shapes.instruction_output).toBe(1);
    expect(r.preferencePairs).toBe(0);
  });

  it('refuses a line of an unknown shape and names its keys', () => {
    const r = analyse([row({ id: 7, tags: ['rain', 'sport'], score: 0.5 })]);
    expect(r.examples).toBe(0);
    expect(r.malformed.lines[0].message).toBe(
      'Line 1: The example\'s shape is not one Offramp reads (its keys are "id", "tags", "score"); use {"messages": [...]}, {"prompt", "completion"}, {"question", "answer"}, {"instruction", "input", "output"}, {"conversations": [{"from", "value"}]} or a preference pair ({"input", "preferred_output", "non_preferred_output"} or {"prompt", "chosen", "rejected"}).',
    );
  });

  it('names the turn of a ShareGPT conversation that comes from nobody it knows', () => {
    const r = analyse([row({ conversations: [{ from: 'narrator', value: 'Once' }, { from: 'gpt', value: 'upon' }] })]);
    expect(r.malformed.lines[0]).toMatchObject({ line: 1, field: 'conversations[0].from' });
    expect(r.malformed.lines[0].message).toBe('Line 1: Turn 1 is from "narrator"; use human, gpt or system.');
  });
});
