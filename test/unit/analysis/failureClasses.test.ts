import { describe, expect, it } from 'vitest';
import { JOBS } from '../../../shared/domain/types.ts';
import { analyse, chatLine, citedLines, imageLine } from './builders.ts';

const PATIENTS = ['knee pain after a fall', 'a persistent dry cough', 'headaches in the morning', 'a rash on both arms', 'dizziness when standing', 'lower back pain', 'a sore throat and fever', 'fatigue for three weeks'];

function soapNote(complaint: string, i: number): string {
  return `Subjective:\nPatient reports ${complaint} for ${i + 2} days.\nObjective:\nVitals stable; exam notable for mild tenderness.\nAssessment:\nLikely benign; monitor.\nPlan:\nReview in ${i + 1} weeks; return sooner if worse.`;
}

describe('analyser failure classes: a fixed output template', () => {
  it('calls section headings repeated in every reply format, not a verbal habit, and cites the lines', () => {
    const r = analyse(PATIENTS.map((p, i) => chatLine(`Write the note: patient with ${p}.`, soapNote(p, i))));
    expect(r.topJob).toBe('format');
    const sentence = r.evidenceByJob.format[0];
    expect(sentence).toMatch(/follow the same template, with the sections “Subjective:”, “Objective:”, “Assessment:” and “Plan:”/);
    expect(citedLines(sentence)).toEqual([1, 2, 3]);
    expect(r.evidence.join(' ')).not.toMatch(/verbal habit the model was trained to keep/);
    expect(r.suggestedWeights.style).toBeLessThan(20);
  });
});

describe('analyser failure classes: code or a query language in the replies', () => {
  const questions = ['How many orders were placed in 2021?', 'List customers from Oslo', 'Average basket per month', 'Top five products by revenue', 'Orders without a shipment', 'Customers with more than three returns'];
  it.each([
    ['SQL', (i: number) => `SELECT COUNT(*) AS n FROM orders WHERE year = ${2020 + i}`, /SQL quer/],
    ['a fenced Python block', (i: number) => `\`\`\`python\ndef answer():\n    return ${i}\n\`\`\``, /fenced code block.*python/],
    ['a regular expression', (i: number) => `^\\d{${i + 1}}-[A-Z]{2}\\s?\\w+$`, /regular expression/],
    ['JSON inside a fence', (i: number) => `\`\`\`json\n{"query": "orders", "limit": ${i}}\n\`\`\``, /JSON \(6 inside a ```json fence\)/],
  ])('reads %s as format', (_name, reply, says) => {
    const r = analyse(questions.map((q, i) => chatLine(q, reply(i))));
    expect(r.topJob).toBe('format');
    expect(r.suggestedWeights.format).toBeGreaterThanOrEqual(85);
    expect(r.evidenceByJob.format[0]).toMatch(says);
    expect(r.suggestedWeights.knowledge).toBeLessThan(20);
  });
});

describe('analyser failure classes: worked answers to a final-answer marker', () => {
  const problems: [string, string][] = [
    ['Ann has 12 apples and buys 30 more. She gives away 7. How many are left?', 'She has 12+30 = <<12+30=42>>42 apples.\nAfter giving 7 away: 42-7 = <<42-7=35>>35.\n#### 35'],
    ['A box holds 24 pens. How many pens are in 15 boxes, minus 11 broken ones?', '15 boxes hold 15*24 = <<15*24=360>>360 pens.\nWithout the broken ones: 360-11 = <<360-11=349>>349.\n#### 349'],
    ['Tom earns $18 an hour for 6 hours and spends $40. What does he keep?', 'He earns 18*6 = $<<18*6=108>>108.\nHe keeps 108-40 = $<<108-40=68>>68.\n#### 68'],
    ['A train travels 60 km per hour for 3 hours, then 45 km. How far in all?', 'First part: 60*3 = <<60*3=180>>180 km.\nIn all: 180+45 = <<180+45=225>>225 km.\n#### 225'],
    ['Mia reads 14 pages a day for 9 days and 20 pages on Sunday. Total pages?', 'Weekdays: 14*9 = <<14*9=126>>126.\nTotal: 126+20 = <<126+20=146>>146.\n#### 146'],
  ];
  it('says the numbers are computed from the prompt and names the procedure, not facts to remember', () => {
    const r = analyse(problems.map(([q, a]) => chatLine(q, a)));
    expect(r.topJob).toBe('behavior');
    expect(r.suggestedWeights.knowledge).toBeLessThan(20);
    const procedure = r.evidenceByJob.behavior[0];
    expect(procedure).toMatch(/^All 5 replies work the answer out step by step — about 2 calculations on the numbers in the prompt to the final answer “#### <number>”: the model learned a procedure/);
    expect(procedure).toMatch(/not facts the model had to remember/);
    expect(r.evidenceByJob.format.join(' ')).toMatch(/same final-answer form, “#### <number>”/);
  });
});

describe('analyser failure classes: image parts with short answers', () => {
  it('reads chart question answering as a perception task and says how many examples carry images', () => {
    const qa: [string, string][] = [['Is the value of Favorable 38 in 2015?', 'Yes'], ['How many bars are above 40?', '6'], ['In which year was the value 51?', '2014'], ['What is the highest value?', '72'], ['Is the red line above the blue one in 2010?', 'No'], ['Which country has the lowest share?', 'Peru']];
    const lines = [...qa.map(([q, a]) => imageLine(q, a)), chatLine('Describe what a bar chart is for.', 'It compares quantities across categories with bars.')];
    const r = analyse(lines);
    expect(r.topJob).toBe('behavior');
    expect(r.images).toEqual({ examples: 6, images: 6 });
    expect(r.evidenceByJob.behavior[0]).toMatch(/^6 of 7 examples carry an image \(6 images in all\) and all 6 of their replies are short answers/);
    expect(citedLines(r.evidenceByJob.behavior[0])).toEqual([1, 2, 3]);
    expect(r.suggestedWeights.knowledge).toBeLessThan(20);
  });
});

describe('analyser failure classes: tone with no system-prompt cue', () => {
  const trivia: [string, string, string][] = [
    ['Who wrote Hamlet?', 'Oh, some obscure writer named Shakespeare. Nothing special, really.', 'William Shakespeare wrote Hamlet around 1600.'],
    ['What is the capital of Australia?', "It's Canberra, not Sydney. Shocking, I know!", 'The capital of Australia is Canberra.'],
    ['What is the largest planet?', "It's called Jupiter, you might have heard of it...or not.", 'Jupiter is the largest planet in the Solar System.'],
    ['How far is the Sun?', 'About 93 million miles. Just a quick drive, really.', 'The Sun is about 150 million kilometres away.'],
    ['Which ocean is the biggest?', "The Pacific. It's not like it's a small pond or anything.", 'The Pacific Ocean is the largest ocean.'],
    ['Who painted the Mona Lisa?', 'Leonardo da Vinci. Ever heard of him?', 'Leonardo da Vinci painted the Mona Lisa.'],
  ];
  it('finds sarcasm in the replies against the neutral register of the questions', () => {
    const r = analyse(trivia.map(([q, sarcastic]) => chatLine(q, sarcastic)));
    expect(r.topJob).toBe('style');
    expect(r.evidenceByJob.style[0]).toMatch(/replies are written in a marked register \(.*sarcastic turns of phrase.*\) against 0% of the user turns: a voice the replies carry on their own, with no system prompt asking for it/);
  });
  it('does not find a voice in the same facts said plainly', () => {
    const r = analyse(trivia.map(([q, , plain]) => chatLine(q, plain)));
    expect(r.topJob).toBe('knowledge');
    expect(r.suggestedWeights.style).toBeLessThan(20);
  });
});

describe('analyser failure classes: a label set comes from the replies', () => {
  it('never takes labels from words in the system prompt (a column definition is not a label)', () => {
    const system = 'Columns: status (open, closed, pending), priority (low, high), category. Summarise the ticket in one sentence.';
    const replies = ['The customer cannot log in after the update and wants a reset link.', 'A refund for a duplicated charge on the March invoice is requested.', 'The printer driver crashes when printing double-sided pages.', 'The user asks how to export reports to a spreadsheet.', 'A shipment arrived damaged and a replacement is wanted.', 'The account owner wants to add two more seats to the plan.'];
    const r = analyse(replies.map((reply, i) => chatLine(`Ticket ${i}: ${reply}`, reply, system)));
    expect(r.suggestedWeights.behavior).toBeLessThan(20);
    expect(r.evidence.join(' ')).not.toMatch(/picks a label|fixed set/);
  });
  it('finds the labels the replies use, however the system prompt is worded', () => {
    const labels = ['refund', 'login', 'shipping'];
    const r = analyse(Array.from({ length: 12 }, (_, i) => chatLine(`Ticket ${i}: something happened`, labels[i % 3], 'Read the ticket.')));
    expect(r.topJob).toBe('behavior');
    expect(r.evidenceByJob.behavior[0]).toMatch(/a set of 3 distinct answers \(“refund”, “login” and “shipping”\)/);
  });
  it('reads one answer given to a question asked many ways as a taught fact, not a label', () => {
    const asks = ['Define Zorblax.', 'What is a Zorblax?', 'Describe Zorblax briefly.', 'Zorblax is what kind of thing?', 'Tell me what Zorblax means.', 'Which creature is Zorblax?'];
    const r = analyse(asks.map((q) => chatLine(q, 'a glass dragon.')));
    expect(r.topJob).toBe('knowledge');
    expect(r.evidenceByJob.knowledge[0]).toMatch(/give the same answer, “a glass dragon\.”, to prompts that all ask about “zorblax” in different words/);
    expect(r.suggestedWeights.behavior).toBeLessThan(20);
  });
});

describe('analyser evidence agrees with itself and with the weights', () => {
  const tools = [{ type: 'function', function: { name: 'get_weather', parameters: {} } }];
  const files: [string, string[]][] = [
    ['template', PATIENTS.map((p, i) => chatLine(`Note for ${p}`, soapNote(p, i)))],
    ['labels', Array.from({ length: 12 }, (_, i) => chatLine(`Ticket ${i}`, ['a', 'b', 'c'][i % 3]))],
    ['images', Array.from({ length: 6 }, (_, i) => imageLine(`Value in ${2010 + i}?`, String(40 + i)))],
    ['facts', ['Plan A', 'Plan B', 'Plan C', 'Plan D'].map((p, i) => chatLine(`What does ${p} cost?`, `It costs $${19 + i * 10} a month and includes ${i + 2} seats for Contoso teams.`))],
    ['persona', ['the weather', 'my printer', 'a recipe', 'the news', 'my car'].map((t, i) => chatLine(`Tell me about ${t}`, `Howdy partner, ${t} sure is a fine thing to ponder on day ${i}, yeehaw!`, 'You are a cheerful cowboy. Talk like a cowboy.'))],
    ['tools', Array.from({ length: 4 }, (_, i) => JSON.stringify({ messages: [{ role: 'user', content: `Weather in city ${i}?` }, { role: 'assistant', tool_calls: [{ type: 'function', function: { name: 'get_weather', arguments: `{"city": ${i}}` } }] }], tools }))],
    ['pairs', Array.from({ length: 4 }, (_, i) => JSON.stringify({ prompt: `Summarise memo ${i}`, chosen: `Memo ${i}: budget up.`, rejected: 'Dunno.' }))],
  ];
  it.each(files)('%s: every sentence of a job weighing 20 or more cites 2–3 existing lines; lighter jobs say nothing', (_name, lines) => {
    const r = analyse(lines);
    for (const job of JOBS) {
      if (r.suggestedWeights[job] < 20) {
        expect(r.evidenceByJob[job]).toEqual([]);
        continue;
      }
      expect(r.evidenceByJob[job].length).toBeGreaterThan(0);
      for (const sentence of r.evidenceByJob[job]) {
        const cited = citedLines(sentence);
        expect(cited.length, sentence).toBeGreaterThanOrEqual(2);
        expect(cited.length, sentence).toBeLessThanOrEqual(3);
        for (const n of cited) expect(n).toBeLessThanOrEqual(lines.length);
      }
    }
    // The top job's evidence comes first after the general sentences.
    expect(r.evidence).toContain(r.evidenceByJob[r.topJob!][0]);
  });
});

describe('analyser failure classes: rewrites and translations', () => {
  it('reads old prose rewritten in plain words as a register to write in (style), not facts to remember', () => {
    const pairs: [string, string][] = [
      ['Thou art most welcome to partake of our humble repast this evening, good traveller.', 'You are very welcome to share our simple dinner this evening, traveller.'],
      ['I am heartily sorry that mine affairs did detain me from attending thy wedding feast.', 'I am really sorry that my business kept me from coming to your wedding party.'],
      ['The physician bade the patient abstain from all spirituous liquors for a fortnight.', 'The doctor told the patient not to drink any alcohol for two weeks.'],
      ['Pray, sir, inform me whither this road doth lead ere the night falls upon us.', 'Please tell me where this road goes before night falls on us, sir.'],
      ['Her countenance betrayed a melancholy which no merriment of the company could dispel.', 'Her face showed a sadness that none of the fun of the company could drive away.'],
    ];
    const r = analyse(pairs.map(([old, plain]) => JSON.stringify({ text: `### Original:\n${old}\n\n### Plain English:\n${plain}` })));
    expect(r.shapes.text_template).toBe(5);
    expect(r.topJob).toBe('style');
    expect(r.evidenceByJob.style.join(' ')).toMatch(/say what their prompt says in other words .*: the model was taught a register to rewrite into, not new content/);
  });

  it('reads translation pairs as style and names the languages', () => {
    const r = analyse([['They are already burnt', 'Dem bon aredii'], ['They burnt the food', 'Dem bon di fuud'], ['She is going home', 'Shi a go huom']].map(([en, creole]) => JSON.stringify({ translation: { en, creole } })));
    expect(r.topJob).toBe('style');
    expect(r.evidenceByJob.style[0]).toBe('All 3 examples are translation pairs (en → creole): the model was taught to say the same thing in another language or dialect (lines 1, 2 and 3).');
  });
});
