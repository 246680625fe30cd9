// The failure classes the second held-out batch found (docs/analyser.md), on small synthetic files.
import { describe, expect, it } from 'vitest';
import { isProblem, parseExample } from '../../../shared/analysis/parseExample.ts';
import { replyEnding } from '../../../shared/analysis/text.ts';
import { analyse, chatLine } from './builders.ts';

const row = (v: unknown): string => JSON.stringify(v);

describe('records of several input fields and one short output field', () => {
  const pairs: [string, string, string][] = [
    ['A man is slicing bread in a kitchen.', 'Someone is preparing food.', 'entailment'],
    ['Two dogs run across a snowy field.', 'The animals are asleep indoors.', 'contradiction'],
    ['A woman reads on a crowded train.', 'She is going to work.', 'neutral'],
    ['Children are building a sandcastle.', 'Kids play at the beach.', 'entailment'],
    ['The orchestra tunes before the concert.', 'The hall is silent and empty.', 'contradiction'],
    ['An old car is parked by the river.', 'The car belongs to a fisherman.', 'neutral'],
    ['A cyclist climbs a steep hill.', 'A person is riding a bike.', 'entailment'],
    ['The shop closes at dusk.', 'The shop never closes.', 'contradiction'],
  ];

  it('reads a sentence pair and its label as one example, names the shape, and calls the job a decision', () => {
    const r = analyse(pairs.map(([premise, hypothesis, label], i) => row({ pair_id: i, premise, hypothesis, label })));
    expect(r.examples).toBe(pairs.length);
    expect(r.shapes.multi_input).toBe(pairs.length);
    expect(r.evidence[0]).toMatch(/records of several input fields and one short output field/);
    expect(r.topJob).toBe('behavior');
  });

  it('puts both inputs in the prompt under their field names and leaves ids out', () => {
    const ex = parseExample({ sentence_a: 'It is raining hard.', sentence_b: 'The ground is wet.', label: 1, row_id: 'r-9' });
    expect(isProblem(ex)).toBe(false);
    if (isProblem(ex)) return;
    expect(ex.user[0]).toBe('sentence_a: It is raining hard.\nsentence_b: The ground is wet.');
    expect(ex.replies[0].text).toBe('1');
  });
});

describe('text records written in a model chat template', () => {
  const faults = ['the printer jams on thick paper', 'the scanner shows a blank page', 'the fax line is silent', 'the copier smears toner', 'the tray will not close', 'the screen stays dark'];

  it('splits Mistral [INST] text into the user turn and the reply, and sees the reply template', () => {
    const r = analyse(
      faults.map((f, i) => row({ text: `<s>[INST] Office machine fault: ${f} [/INST]\nIssue: ${f}\nLikely Part: part ${i}\nUrgency: Low\nNext Step: call the service desk.</s>` })),
    );
    expect(r.shapes.chat_template).toBe(faults.length);
    expect(r.topJob).toBe('format');
    expect(r.evidenceByJob.format.join(' ')).toMatch(/“Issue:”/);
  });

  it.each([
    ['Llama 3', '<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe terse.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nName a colour.<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nTeal.<|eot_id|>'],
    ['ChatML', '<|im_start|>system\nBe terse.<|im_end|>\n<|im_start|>user\nName a colour.<|im_end|>\n<|im_start|>assistant\nTeal.<|im_end|>'],
    ['Llama 2 with a system block', '<s>[INST] <<SYS>>\nBe terse.\n<</SYS>>\n\nName a colour. [/INST] Teal. </s>'],
  ])('reads the system, user and assistant turns of %s text', (_name, text) => {
    const ex = parseExample({ text });
    expect(isProblem(ex)).toBe(false);
    if (isProblem(ex)) return;
    expect(ex.shape).toBe('chat_template');
    expect(ex.system).toEqual(['Be terse.']);
    expect(ex.user).toEqual(['Name a colour.']);
    expect(ex.replies.map((r) => r.text)).toEqual(['Teal.']);
  });
});

describe('role/content messages under another key', () => {
  it.each(['turns', 'dialog', 'conversation', 'chat'])('reads the messages under "%s" as a chat', (key) => {
    const r = analyse([
      row({ id: 'a', [key]: [{ role: 'user', content: 'Is the pool open?' }, { role: 'assistant', content: 'Yes, until eight.' }, { role: 'user', content: 'Thanks' }, { role: 'assistant', content: 'Enjoy your swim.' }] }),
    ]);
    expect(r.examples).toBe(1);
    expect(r.shapes.chat).toBe(1);
    expect(r.replies.total).toBe(2);
    expect(r.turns.multiTurnExamples).toBe(1);
  });
});

describe('imitating a named voice', () => {
  const posts = [
    'Planted 40 tulip bulbs with Marta before the frost. Worth every sore knuckle.',
    'Kew Gardens on a Tuesday morning is 90% robins and 10% me, muttering at labels.',
    'If your basil dies in June, it was the watering. It is always the watering.',
    'Swapped seeds with Oren from the allotment: 12 kinds of chilli, 3 of which he cannot name.',
    'Compost is just patience you can smell. Turned mine at 6am and regretted nothing.',
    'The Chelsea show had a fern wall taller than my house. I want one. I have a balcony.',
    'Pruned the Bramley apple back hard. It will sulk until April, then forgive me.',
    'Rain for 9 days straight. The slugs have formed a government.',
  ];

  it('calls replies to "in the style of X" prompts style, with no system prompt, and not knowledge', () => {
    const prompt = 'Write a short post in the style of Ada Quill, the balcony gardener. Now write a new one:';
    const r = analyse(posts.map((p) => row({ prompt, completion: p })));
    expect(r.topJob).toBe('style');
    expect(r.suggestedWeights.knowledge).toBeLessThan(20);
    expect(r.evidenceByJob.style.join(' ')).toMatch(/ask for a voice or a post to imitate \(“in the style of”\)/);
  });

  const briefs = ['Announce the seed swap.', 'Thank the volunteers.', 'Remind people about the plant sale.', 'Share the harvest total.', 'Invite people to the open day.', 'Celebrate the new greenhouse.', 'Warn about the frost tonight.', 'Congratulate the prize winner.'];
  const shouty = [
    'Seed swap at the Elm Street hall, Saturday 10:00 A.M.! Bring your spares. @GreenRowCoop #SeedSwap',
    'THANK YOU to every volunteer who dug, hauled and laughed today! @MayaPlots you were AMAZING!',
    'Plant sale SUNDAY 2 P.M. at the Canal Yard! Tomatoes, peppers, herbs. Do not miss it! #PlantSale',
    'We grew 1,240 kg of veg this year. 1,240!!! The Riverside plots are UNSTOPPABLE. #Harvest',
    'Open day on the 14th — tours at 11 and 3! Come see the bees. @CityBeeClub will be there!',
    'THE NEW GREENHOUSE IS UP! 30 metres of glass, built by Jonas and the Friday crew. INCREDIBLE!',
    'FROST WARNING tonight, minus 4 by 2am! Cover your beds, fleece your pots! @RiversidePlots',
    'Huge congratulations to Priya Nair, BEST MARROW at the county show! 14 kg! #Champion',
  ];

  it('reads short posts answering content briefs in a shouting register as style, and their handles, times and names not as facts', () => {
    const r = analyse(briefs.map((b, i) => row({ prompt: b, response: shouty[i] })));
    expect(r.topJob).toBe('style');
    expect(r.evidence.join(' ')).not.toMatch(/facts the model had to remember/);
    expect(r.evidenceByJob.style.join(' ')).toMatch(/marked register \([^)]*(?:words in capitals|social-media handles)/);
  });

  it('does not read a question about posts as a request for a voice', () => {
    const qs = ['How many characters can a tweet have?', 'Who founded the company behind tweets?', 'When did tweets get edit buttons?', 'What is a retweet?', 'How do followers see a reply?', 'Can tweets be scheduled?'];
    const as = ['A tweet can have 280 characters since November 2017.', 'Jack Dorsey, Biz Stone, Evan Williams and Noah Glass founded Twitter in 2006.', 'Paid accounts got an Edit button in October 2022.', 'A retweet reposts another account’s tweet to your own followers.', 'Followers see a reply in their timeline when they follow both accounts.', 'Yes, through TweetDeck or the Ads Manager since 2019.'];
    const r = analyse(qs.map((q, i) => chatLine(q, as[i])));
    expect(r.topJob).toBe('knowledge');
    expect(r.evidence.join(' ')).not.toMatch(/a voice or a post to imitate/);
  });
});

describe('tool calls written as tagged text', () => {
  const asks = ['Weather in Lyon tomorrow?', 'Book a table for two at eight', 'What is 12 EUR in CHF?', 'Weather in Porto on Friday?', 'Book a table for six at noon', 'Convert 40 USD to JPY', 'Weather in Oslo tonight?', 'Book a table for four at seven'];
  const call = (i: number): string => {
    const name = ['get_weather', 'book_table', 'convert_currency'][i % 3];
    return `{"name": "${name}", "arguments": {"q": "${asks[i]}"}}`;
  };

  it.each([
    ['Hermes/Qwen <tool_call>', (i: number) => `<tool_call>\n${call(i)}\n</tool_call>`],
    ['Llama 3.1 <function=…>', (i: number) => `<function=${['get_weather', 'book_table', 'convert_currency'][i % 3]}>{"q": "${asks[i]}"}</function>`],
    ['Mistral [TOOL_CALLS]', (i: number) => `[TOOL_CALLS] [${call(i)}]`],
  ])('reads %s replies as tool calls (format), naming the functions, and not as a verbal habit', (_name, reply) => {
    const r = analyse(asks.map((a, i) => chatLine(a, reply(i), 'You can call get_weather, book_table and convert_currency.')));
    expect(r.topJob).toBe('format');
    expect(r.replies.toolCalls).toBe(asks.length);
    expect(r.evidenceByJob.format[0]).toMatch(/tool calls, to 3 functions \(get_weather, book_table and convert_currency\)/);
    expect(r.suggestedWeights.style).toBeLessThan(20);
  });

  it('does not take a closing tag for a reply’s last word', () => {
    expect(replyEnding('Here is the answer, matey</answer>')).toBe('matey');
    expect(replyEnding('Done.<|eot_id|>')).toBe('done');
    expect(replyEnding('</tool_call>')).toBeNull();
  });
});
