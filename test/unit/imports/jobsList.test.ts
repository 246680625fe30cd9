import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARLIEST_MS, LATEST_MS, baseModelOf, isoOfMs, parseJobsList, parseTimestamp, suffixOf } from '../../../shared/imports/jobsList.ts';
import { caught } from '../../support/errors.ts';
import { havePublicFixtures, publicFixture } from '../../support/fixtures.ts';

const DAY = 86_400;
const T0 = 1_735_689_600; // 2025-01-01T00:00:00Z

function aJob(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    object: 'fine_tuning.job',
    id: 'ftjob-1',
    model: 'gpt-4o-mini-2024-07-18',
    created_at: T0,
    finished_at: T0 + 3600,
    fine_tuned_model: 'ft:gpt-4o-mini-2024-07-18:acme:triage:AAA',
    status: 'succeeded',
    trained_tokens: 12345,
    training_file: 'file-a',
    validation_file: null,
    ...over,
  };
}

function page(jobs: Record<string, unknown>[], hasMore = false): string {
  return JSON.stringify({ object: 'list', data: jobs, has_more: hasMore }, null, 2);
}

describe('parseJobsList', () => {
  it('lists drafts with the numbers in their names in order: family-2 before family-10', () => {
    const jobs = ['family-10', 'family-2', 'family-1', 'Family-3'].map((suffix, i) => aJob({ id: `ftjob-${i}`, suffix, fine_tuned_model: null }));
    expect(parseJobsList([{ name: 'jobs.json', text: page(jobs) }]).drafts.map((d) => d.name.split(' ')[0]))
      .toEqual(['family-1', 'family-2', 'Family-3', 'family-10']);
  });

  it('groups jobs into one draft per base model and suffix, with cadence and last retrain date', () => {
    const jobs = [
      aJob({ id: 'ftjob-1', created_at: T0, finished_at: T0 + 3600, fine_tuned_model: 'ft:gpt-4o-mini-2024-07-18:acme:triage:A1', training_file: 'file-a' }),
      aJob({ id: 'ftjob-2', created_at: T0 + 30 * DAY, finished_at: T0 + 30 * DAY + 3600, fine_tuned_model: 'ft:gpt-4o-mini-2024-07-18:acme:triage:A2', training_file: 'file-b' }),
      aJob({ id: 'ftjob-3', created_at: T0 + 40 * DAY, finished_at: null, fine_tuned_model: null, status: 'failed', suffix: 'triage', error: { message: 'bad file' }, training_file: 'file-c' }),
      aJob({ id: 'ftjob-4', created_at: T0 + 58 * DAY, finished_at: T0 + 58 * DAY + 3600, fine_tuned_model: 'ft:gpt-4o-mini-2024-07-18:acme:triage:A4', training_file: 'file-b' }),
      aJob({ id: 'ftjob-5', model: 'gpt-4o-2024-08-06', fine_tuned_model: 'ft:gpt-4o-2024-08-06:acme:tone:B1' }),
    ];
    const r = parseJobsList([{ name: 'jobs.json', text: page(jobs) }]);
    expect(r.drafts.map((d) => d.key)).toEqual(['gpt-4o-2024-08-06::tone', 'gpt-4o-mini-2024-07-18::triage']);
    const triage = r.drafts[1];
    expect(triage).toMatchObject({
      name: 'triage (gpt-4o-mini-2024-07-18)',
      baseModel: 'gpt-4o-mini-2024-07-18',
      fineTunedModel: 'ft:gpt-4o-mini-2024-07-18:acme:triage:A4',
      succeededCount: 3,
      retrainCadenceDays: 29, // gaps of 30 and 28 days
      lastRetrainDate: '2025-02-28',
    });
    expect(triage.jobs.map((j) => [j.id, j.counted])).toEqual([
      ['ftjob-1', true],
      ['ftjob-2', true],
      ['ftjob-3', false],
      ['ftjob-4', true],
    ]);
    expect(triage.jobs[2].error).toBe('bad file');
    expect(r.drafts[0]).toMatchObject({ succeededCount: 1, retrainCadenceDays: null, lastRetrainDate: '2025-01-01' });
  });

  it('derives the suffix from the fine-tuned model name when the suffix field is missing', () => {
    expect(suffixOf('ft:gpt-4o-mini-2024-07-18:acme:triage:AbC')).toBe('triage');
    expect(suffixOf('ft:gpt-4o-mini-2024-07-18:acme::AbC')).toBeNull();
    expect(suffixOf(null)).toBeNull();
    expect(baseModelOf('ft:gpt-4o-mini-2024-07-18:acme:triage:AbC')).toBe('gpt-4o-mini-2024-07-18');
  });

  it('puts a retrain from an earlier fine-tuned model in the family of its base model', () => {
    const r = parseJobsList([
      { name: 'p.json', text: page([aJob({ id: 'ftjob-1' }), aJob({ id: 'ftjob-2', model: 'ft:gpt-4o-mini-2024-07-18:acme:triage:AAA', created_at: T0 + DAY, finished_at: T0 + 2 * DAY, fine_tuned_model: 'ft:gpt-4o-mini-2024-07-18:acme:triage:BBB' })]) },
    ]);
    expect(r.drafts).toHaveLength(1);
    expect(r.drafts[0].succeededCount).toBe(2);
  });

  it('merges several pages, keeping the most final state of a job listed twice', () => {
    const running = aJob({ id: 'ftjob-9', status: 'running', finished_at: null, fine_tuned_model: null, suffix: 'triage' });
    const done = aJob({ id: 'ftjob-9' });
    const r = parseJobsList([
      { name: 'page1.json', text: page([running], true) },
      { name: 'page2.json', text: page([done]) },
    ]);
    expect(r.jobCount).toBe(1);
    expect(r.drafts[0].jobs[0].status).toBe('succeeded');
    expect(r.skipped).toEqual([{ file: 'page2.json', index: 0, id: 'ftjob-9', reason: 'job ftjob-9 is listed again (already read from page1.json, entry 1)' }]);
  });

  it('is deterministic: the same files in another order give the same drafts', () => {
    const a = { name: 'a.json', text: page([aJob({ id: 'ftjob-1' }), aJob({ id: 'ftjob-2', created_at: T0 + 9 * DAY, finished_at: T0 + 9 * DAY })]) };
    const b = { name: 'b.json', text: page([aJob({ id: 'ftjob-3', created_at: T0 + 20 * DAY, finished_at: T0 + 20 * DAY })]) };
    const strip = (r: ReturnType<typeof parseJobsList>) => r.drafts.map((d) => ({ ...d, jobs: d.jobs.map((j) => j.id) }));
    expect(strip(parseJobsList([a, b]))).toEqual(strip(parseJobsList([b, a])));
  });

  it('accepts ISO dates and millisecond timestamps, and tolerates missing optional fields', () => {
    const r = parseJobsList([
      { name: 'min.json', text: JSON.stringify({ data: [{ id: 'ftjob-1', model: 'm', status: 'succeeded', created_at: '2025-03-01T10:00:00Z', fine_tuned_model: 'ft:m:o:s:x' }, { id: 'ftjob-2', model: 'm', status: 'succeeded', created_at: 1_741_000_000_000, finished_at: '2025-03-11', suffix: 's' }] }) },
    ]);
    expect(r.drafts[0]).toMatchObject({ key: 'm::s', succeededCount: 2, lastRetrainDate: '2025-03-11', retrainCadenceDays: 10 });
    expect(r.drafts[0].jobs[0].trainingFile).toBeNull();
  });

  it('skips entries that are not fine-tuning jobs and says why', () => {
    const r = parseJobsList([{ name: 'x.json', text: page([aJob(), { object: 'fine_tuning.job.event', id: 'ev-1' }]) }]);
    expect(r.skipped[0]).toEqual({ file: 'x.json', index: 1, id: 'ev-1', reason: 'entry 2 is a "fine_tuning.job.event", not a fine-tuning job' });
  });
});

describe('parseTimestamp', () => {
  it('reads Unix seconds, milliseconds and ISO dates, and refuses odd formats', () => {
    expect(parseTimestamp(T0)).toBe('2025-01-01T00:00:00.000Z');
    expect(parseTimestamp(T0 * 1000)).toBe('2025-01-01T00:00:00.000Z');
    expect(parseTimestamp('2025-01-01')).toBe('2025-01-01T00:00:00.000Z');
    expect(parseTimestamp('2025-01-01 12:30')).toBe('2025-01-01T12:30:00.000Z');
    expect(parseTimestamp('2025-01-01T12:30:00+02:00')).toBe('2025-01-01T10:30:00.000Z');
    expect(parseTimestamp('26/09/2025')).toBeNull();
    expect(parseTimestamp('Sep 26, 2025')).toBeNull();
    expect(parseTimestamp('2025-02-30')).toBeNull();
    expect(parseTimestamp(-5)).toBeNull();
  });
});

describe('parseJobsList on hostile files', () => {
  it('names file and line of truncated JSON', () => {
    const text = page([aJob()]).slice(0, 200);
    const e = caught(() => parseJobsList([{ name: 'cut.json', text }]));
    expect(e.code).toBe('import_invalid');
    expect(e.file).toBe('cut.json');
    expect(e.line).toBe(text.split('\n').length);
    expect(e.message).toMatch(/^cut\.json ends before the JSON is complete \(line \d+, column \d+\); the file was probably cut off/);
  });

  it('names file, line, job and field of a wrong type', () => {
    const text = page([aJob(), aJob({ id: 'ftjob-2', trained_tokens: 'many' })]);
    const e = caught(() => parseJobsList([{ name: 'jobs.json', text }]));
    expect(e.field).toBe('data[1].trained_tokens');
    expect(e.line).toBe(text.split('\n').findIndex((l) => l.includes('"many"')) + 1);
    expect(e.message).toBe('jobs.json: job 2 (ftjob-2) has "trained_tokens" set to the text "many"; give a whole number of tokens (0 or more) or null.');
  });

  it('names a missing required field', () => {
    const job = aJob();
    delete job.model;
    const e = caught(() => parseJobsList([{ name: 'jobs.json', text: page([job]) }]));
    expect(e.field).toBe('data[0].model');
    expect(e.message).toBe('jobs.json: job 1 (ftjob-1) has "model" missing; give the model name as text, e.g. "gpt-4o-mini-2024-07-18".');
  });

  it('refuses dates in odd formats, naming the field', () => {
    const text = page([aJob({ created_at: '26/09/2025' })]);
    const e = caught(() => parseJobsList([{ name: 'jobs.json', text }]));
    expect(e.field).toBe('data[0].created_at');
    expect(e.line).toBe(text.split('\n').findIndex((l) => l.includes('26/09/2025')) + 1);
    expect(e.message).toContain('is not a date this import understands; give Unix seconds (e.g. 1758849620) or an ISO date-time');
  });

  it('refuses a job listed twice in one file with different contents', () => {
    const e = caught(() => parseJobsList([{ name: 'dup.json', text: page([aJob(), aJob({ status: 'failed' })]) }]));
    expect(e.message).toBe('dup.json: job ftjob-1 appears twice (entries 1 and 2) with different contents; remove one of them.');
    expect(e.field).toBe('data[1].id');
    expect(e.line).toBeGreaterThan(1);
  });

  it('refuses a file that is not a jobs list', () => {
    expect(caught(() => parseJobsList([{ name: 'x.json', text: '{"object":"list"}' }])).message).toBe(
      'x.json has no "data" list; it should be the jobs list the API returns: {"object": "list", "data": [...]}.',
    );
    expect(caught(() => parseJobsList([{ name: 'x.json', text: '"hello"' }])).message).toBe('x.json holds the text "hello", not a jobs list ({"object": "list", "data": [...]}).');
  });

  it('refuses binary data and empty files, naming the file', () => {
    expect(caught(() => parseJobsList([{ name: 'b.json', text: '{"data":\n[\u0000]}' }])).message).toBe('b.json contains binary data (a NUL byte on line 2); it is not a JSON text file.');
    expect(caught(() => parseJobsList([{ name: 'e.json', text: '  ' }])).message).toBe('e.json is empty; choose the JSON file again.');
  });
});

describe.skipIf(!havePublicFixtures)('parseJobsList on the recorded API response', () => {
  it('reads all 20 jobs; none is counted since 19 were cancelled and 1 failed', () => {
    const text = readFileSync(publicFixture('openai_fine_tuning_jobs_list.json'), 'utf8');
    const r = parseJobsList([{ name: 'openai_fine_tuning_jobs_list.json', text }]);
    expect(r.jobCount).toBe(20);
    expect(r.drafts.map((d) => d.key)).toEqual(['gpt-3.5-turbo-0125::', 'gpt-3.5-turbo-0125::TestFTJob']);
    expect(r.drafts.every((d) => d.succeededCount === 0 && d.lastRetrainDate === null && d.fineTunedModel === null)).toBe(true);
    const failed = r.drafts.flatMap((d) => d.jobs).filter((j) => j.status === 'failed');
    expect(failed.map((j) => j.error)).toEqual(['The job failed because the training file was deleted']);
    const job = r.drafts.flatMap((d) => d.jobs).find((j) => j.id === 'ftjob-jsCxV7QZJdzAOWpAoM4SVawx');
    expect(job && isoOfMs(job.createdMs)).toBe('2025-09-26T01:20:20.000Z');
  });
});

describe('isoOfMs', () => {
  it('writes what Date#toISOString writes at the edges: the first and last instants, leap days, a minute\'s last millisecond', () => {
    for (const ms of [EARLIEST_MS, LATEST_MS, 0, -1, 951_782_400_000, 1_709_164_799_999, 1_758_849_620_123, 1_767_225_659_999, -2_208_988_800_001]) {
      expect(isoOfMs(ms), `ms ${ms}`).toBe(new Date(ms).toISOString());
    }
  });

  it('writes what Date#toISOString writes for any millisecond of years 0000–9999', () => {
    fc.assert(fc.property(fc.integer({ min: EARLIEST_MS, max: LATEST_MS }), (ms) => isoOfMs(ms) === new Date(ms).toISOString()), { seed: 20261129, numRuns: 50_000 });
  });

  it('leaves no date outside those years to it: the import refuses them', () => {
    expect(parseTimestamp('9999-12-31T23:59:59.999Z')).toBe('9999-12-31T23:59:59.999Z');
    expect(parseTimestamp('0000-01-01')).toBe('0000-01-01T00:00:00.000Z');
    expect(parseTimestamp(LATEST_MS + 1)).toBeNull();
    expect(parseTimestamp(8.64e15)).toBeNull();
  });
});
