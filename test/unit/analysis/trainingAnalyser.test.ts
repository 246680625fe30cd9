import { describe, expect, it } from 'vitest';
import { createTrainingAnalyser } from '../../../shared/analysis/index.ts';
import type { TrainingAnalysis } from '../../../shared/analysis/index.ts';

type Msg = { role: string; content?: unknown; weight?: number; tool_calls?: unknown };

function chat(messages: Msg[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ messages, ...extra });
}

function exchange(user: string, assistant: string, system?: string): string {
  const messages: Msg[] = [];
  if (system !== undefined) messages.push({ role: 'system', content: system });
  messages.push({ role: 'user', content: user }, { role: 'assistant', content: assistant });
  return chat(messages);
}

function analyse(lines: string[]): TrainingAnalysis {
  const a = createTrainingAnalyser();
  lines.forEach((l, i) => a.addLine(l, i + 1));
  return a.finish();
}

describe('createTrainingAnalyser: formats and counts', () => {
  it('reads chat, legacy prompt/completion and both spellings of preference pairs', () => {
    const r = analyse([
      exchange('Hi', 'Hello'),
      JSON.stringify({ prompt: 'Say hi', completion: 'hi' }),
      JSON.stringify({ input: { messages: [{ role: 'user', content: 'Pick' }] }, preferred_output: [{ role: 'assistant', content: 'A' }], non_preferred_output: [{ role: 'assistant', content: 'B' }] }),
      JSON.stringify({ input: { messages: [{ role: 'user', content: 'Pick' }] }, preferred_completion: 'A', non_preferred_completion: 'B' }),
    ]);
    expect(r.formats).toEqual({ chat: 1, prompt_completion: 1, preference: 2 });
    expect(r.examples).toBe(4);
    expect(r.preferencePairs).toBe(2);
    expect(r.evidence[0]).toBe('4 examples, read as 2 preference pairs (preferred/non-preferred output), 1 chat record (messages) and 1 prompt/completion record, about 10 tokens (estimated).');
  });

  it('reads content given as text and image parts, and skips replies with weight 0', () => {
    const r = analyse([
      chat([
        { role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: 'data:,' } }] },
        { role: 'assistant', content: 'Draft', weight: 0 },
        { role: 'user', content: 'And now?' },
        { role: 'assistant', content: [{ type: 'text', text: 'A bicycle.' }], weight: 1 },
      ]),
    ]);
    expect(r.examples).toBe(1);
    expect(r.replies.total).toBe(1);
    expect(r.turns).toMatchObject({ minMessages: 4, maxMessages: 4, meanUserTurns: 2, multiTurnExamples: 1 });
  });

  it('estimates tokens at about 4 characters each, 1 per character in Japanese, and says so', () => {
    const english = analyse([exchange('x'.repeat(400), 'y'.repeat(400))]);
    expect(english.estimatedTokens).toBe(200);
    const japanese = analyse([exchange('あ'.repeat(100), 'い'.repeat(100))]);
    expect(japanese.estimatedTokens).toBe(200);
    expect(english.notes[0]).toMatch(/estimated/);
  });

  it('counts system prompt variants and examples without one', () => {
    const r = analyse([exchange('a', 'b', 'Be brief.'), exchange('c', 'd', 'Be brief.'), exchange('e', 'f', 'Be kind.'), exchange('g', 'h')]);
    expect(r.systemPrompts).toMatchObject({ variants: 2, examplesWithout: 1, capped: false });
    expect(r.systemPrompts.top[0]).toEqual({ text: 'Be brief.', examples: 2 });
    expect(r.evidence[1]).toBe('3 of 4 examples have a system prompt, in 2 variants; the most used one (50% of examples) is “Be brief.”.');
  });

  it('stops tracking system prompts at the cap and says so', () => {
    const a = createTrainingAnalyser({ maxSystemPrompts: 3 });
    for (let i = 0; i < 10; i++) a.addLine(exchange('q', 'a', `Prompt ${i}`), i + 1);
    const r = a.finish();
    expect(r.systemPrompts).toMatchObject({ variants: 3, capped: true });
    expect(r.notes.join(' ')).toContain('tracked up to 3');
  });
});

describe('createTrainingAnalyser: malformed lines', () => {
  it('lists each malformed line with its number, field and what to fix, and still completes', () => {
    const r = analyse([
      exchange('ok', 'fine'),
      '{"messages": [',
      chat([{ role: 'bot', content: 'x' }, { role: 'assistant', content: 'y' }]),
      chat([{ role: 'user', content: 'only a question' }]),
      '[1, 2]',
      chat([{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a', weight: 2 }]),
      chat([{ role: 'user', content: 42 }, { role: 'assistant', content: 'a' }]),
      JSON.stringify({ text: 'no known keys' }),
      JSON.stringify({ input: { messages: [{ role: 'user', content: 'q' }] }, preferred_output: [{ role: 'assistant', content: 'a' }] }),
      '',
    ]);
    expect(r.examples).toBe(1);
    expect(r.lines).toBe(9);
    expect(r.malformed.total).toBe(8);
    expect(r.malformed.lines.map((m) => [m.line, m.field])).toEqual([
      [2, undefined],
      [3, 'messages[0].role'],
      [4, 'messages'],
      [5, undefined],
      [6, 'messages[1].weight'],
      [7, 'messages[0].content'],
      [8, undefined],
      [9, 'non_preferred_output'],
    ]);
    expect(r.malformed.lines[0].message).toMatch(/^Line 2 is not valid JSON .*each line must be one complete JSON object\.$/);
    expect(r.malformed.lines[1].message).toBe('Line 3: The role of message 1 is "bot"; use system, user, assistant or tool.');
    expect(r.malformed.lines[4].message).toBe('Line 6: The weight of message 2 is 2; use 0 (do not learn from it) or 1.');
    expect(r.evidence).toContain('8 lines could not be read (lines 2, 3, 4, 5, 6 and 3 more) and were left out of the analysis.');
  });

  it('lists at most the configured number of malformed lines but counts them all', () => {
    const a = createTrainingAnalyser({ maxMalformedListed: 2 });
    for (let i = 1; i <= 5; i++) a.addLine('not json', i);
    a.addMalformedLine(6, 'Line 6 is longer than 64 MB.');
    const r = a.finish();
    expect(r.malformed.total).toBe(6);
    expect(r.malformed.lines).toHaveLength(2);
    expect(r.notes.join(' ')).toContain('The first 2 of 6 malformed lines are listed.');
    expect(r.topJob).toBeNull();
    expect(r.evidence[0]).toBe('No example could be read from the file.');
  });
});

describe('createTrainingAnalyser: job suggestions', () => {
  it('suggests format for JSON replies that share their keys, and names the keys', () => {
    const lines = Array.from({ length: 10 }, (_, i) =>
      exchange(`Invoice ${i} from ACME, total ${i * 10} EUR`, JSON.stringify({ vendor: 'ACME', total: i * 10, currency: 'EUR' }), 'Extract the invoice into JSON.'),
    );
    const r = analyse(lines);
    expect(r.topJob).toBe('format');
    expect(r.suggestedWeights.format).toBe(100);
    expect(r.replies.jsonSameKeys).toEqual({ count: 10, keys: ['currency', 'total', 'vendor'] });
    expect(r.evidenceByJob.format[0]).toBe('All 10 replies are JSON objects, and all 10 have the same 3 top-level keys (currency, total and vendor) (lines 1, 2 and 3).');
  });

  it('counts a fenced ```json block as JSON', () => {
    const r = analyse([exchange('x', '```json\n{"a": 1}\n```')]);
    expect(r.replies.json).toBe(1);
  });

  it('suggests behavior when short replies come from a small set of labels', () => {
    const labels = ['billing', 'technical', 'account'];
    const r = analyse(Array.from({ length: 30 }, (_, i) => exchange(`ticket ${i}`, labels[i % 3], 'Classify the ticket. Reply with only one of: billing, technical, account.')));
    expect(r.topJob).toBe('behavior');
    expect(r.suggestedWeights.behavior).toBe(100);
    expect(r.evidenceByJob.behavior[0]).toBe('All 30 replies come from a set of 3 distinct answers (“billing”, “technical” and “account”), 1 word long on average: the model picks a label (lines 1, 2 and 3).');
  });

  it('suggests style from a persona in the system prompt and a signature word in the replies', () => {
    const topics = ['the weather', 'my printer', 'a recipe', 'the news', 'my car', 'a movie', 'the train', 'a book'];
    const r = analyse(
      topics.map((t, i) => exchange(`Tell me about ${t}`, `Howdy partner, ${t} sure is a fine thing to ponder on day ${i}, yeehaw!`, 'You are a cheerful cowboy. Talk like a cowboy.')),
    );
    expect(r.topJob).toBe('style');
    expect(r.evidenceByJob.style[0]).toMatch(/^The system prompt sets a tone, voice or persona \(“cheerful”\) on every example/);
    expect(r.evidenceByJob.style.join(' ')).toMatch(/use the word “(howdy|partner|yeehaw)”, which never appears in the prompts/);
  });

  it('suggests knowledge when replies state facts the prompt does not give', () => {
    const qa = [
      ['How long is the return window?', 'Returns are accepted within 30 days with the receipt at any Contoso store.'],
      ['What does the Pro plan cost?', 'The Pro plan costs $49 per month billed annually, or $59 monthly.'],
      ['When are invoices sent?', 'Invoices are emailed on the 1st of each month from billing@contoso.com.'],
      ['Which regions host my data?', 'Data is stored in Frankfurt and Dublin data centres under GDPR.'],
      ['Is support available at night?', 'Premium support answers 24 hours a day; Standard support runs 8am to 6pm CET.'],
    ];
    const r = analyse(qa.map(([q, a]) => exchange(q, a)));
    expect(r.topJob).toBe('knowledge');
    expect(r.evidenceByJob.knowledge[0]).toMatch(/^All 5 free-text replies state numbers or names that the prompt does not give \(such as .*\): facts the model had to remember \(lines 1, 2 and 3\); all 5 bring mostly content that is not in the prompt; all 5 user turns ask a question\.$/);
  });

  it('suggests ranking for preference pairs and reports them as pairwise feedback', () => {
    const pair = JSON.stringify({
      input: { messages: [{ role: 'user', content: 'Summarise the memo' }] },
      preferred_output: [{ role: 'assistant', content: 'Short summary.' }],
      non_preferred_output: [{ role: 'assistant', content: 'Rambling summary.' }],
    });
    const r = analyse([pair, pair, pair]);
    expect(r.topJob).toBe('ranking');
    expect(r.suggestedWeights.ranking).toBe(100);
    expect(r.preferencePairs).toBe(3);
    expect(r.evidenceByJob.ranking[0]).toMatch(/^3 preference pairs \(a preferred and a rejected reply to the same prompt\)/);
  });

  it('suggests format for tool calls and names the functions', () => {
    const tools = [{ type: 'function', function: { name: 'get_weather', parameters: {} } }];
    const call = chat(
      [{ role: 'user', content: 'Weather in Oslo?' }, { role: 'assistant', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }] }],
      { tools },
    );
    const r = analyse([call, call, chat([{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Which city do you mean?' }], { tools })]);
    expect(r.topJob).toBe('format');
    expect(r.replies.toolCalls).toBe(2);
    expect(r.evidenceByJob.format[0]).toBe('2 of 3 replies are tool calls, to 1 function (get_weather); the model was taught to fill in function arguments (lines 1 and 2).');
  });

  it('samples word-level measures evenly in large files and says so', () => {
    const a = createTrainingAnalyser({ lexicalSampleSize: 10 });
    for (let i = 1; i <= 100; i++) a.addLine(exchange(`q${i}`, `answer number ${i}`), i);
    const r = a.finish();
    expect(r.examples).toBe(100);
    expect(r.notes.join(' ')).toMatch(/come from \d+ of 100 examples sampled evenly/);
  });

  it('caps distinct-reply tracking and says there are at least that many', () => {
    const a = createTrainingAnalyser({ maxDistinctReplies: 5 });
    for (let i = 1; i <= 20; i++) a.addLine(exchange('q', `reply ${i}`), i);
    const r = a.finish();
    expect(r.replies).toMatchObject({ distinct: 5, distinctCapped: true });
    expect(r.notes.join(' ')).toContain('Distinct replies were tracked up to 5');
  });
});

describe('createTrainingAnalyser: no clear job', () => {
  it('says so in words when no signal stands out', () => {
    const r = analyse([exchange('hello there', 'hi'), exchange('good morning', 'morning'), exchange('thanks', 'welcome')]);
    expect(Object.values(r.suggestedWeights).every((w) => w < 20)).toBe(true);
    expect(r.evidence.at(-1)).toBe(
      'The data shows no clear job: replies are neither labels, JSON, code, tool calls, a marked voice nor facts missing from the prompt. Set the profile with the questionnaire instead.',
    );
  });
});
