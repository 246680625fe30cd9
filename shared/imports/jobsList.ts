// Parses the fine-tuning jobs list the API returns (one file or several pages) into workload
// drafts, one per fine-tuned model family, with retrain cadence and last retrain date.

import { z } from 'zod';
import type { IsoDate } from '../domain/types.ts';
import { OfframpError } from '../errors.ts';
import { describeValue, lineOfOffset, parseJsonFile } from './json.ts';
import { workloadInput } from '../ipc/inventory.ts';

export const TERMINAL_JOB_STATUSES = ['succeeded', 'failed', 'cancelled'] as const;

export interface ImportedJob {
  id: string;
  status: string;
  /** The model the job trained from (a base model, or an earlier fine-tuned model). */
  model: string;
  fineTunedModel: string | null;
  /**
   * Creation and end, in milliseconds since 1970 (UTC): sorting and cadence compare numbers, and the ISO text the
   * workspace stores (isoOfMs) is written only where a job is stored.
   */
  createdMs: number;
  finishedMs: number | null;
  trainedTokens: number | null;
  trainingFile: string | null;
  validationFile: string | null;
  suffix: string | null;
  /** Only succeeded jobs count toward the retrain history. */
  counted: boolean;
  /** The error message of a failed job. */
  error: string | null;
  /** Where the job was read: the file and its 0-based entry in "data". */
  file: string;
  index: number;
  /** The model family the job belongs to (WorkloadDraft.key). */
  family: string;
}

export interface WorkloadDraft {
  /** Stable key: base model and suffix. The database upserts by it, so re-importing changes nothing. */
  key: string;
  name: string;
  baseModel: string;
  /** Fine-tuned model of the latest succeeded job, or null when none succeeded. */
  fineTunedModel: string | null;
  /** Every job of the family, oldest first (failed and cancelled ones included). */
  jobs: ImportedJob[];
  succeededCount: number;
  /** Median days between successive succeeded jobs; null with fewer than two. */
  retrainCadenceDays: number | null;
  lastRetrainDate: IsoDate | null;
}

export interface SkippedJobEntry {
  file: string;
  index: number;
  id: string | null;
  reason: string;
}

export interface JobsListImport {
  drafts: WorkloadDraft[];
  skipped: SkippedJobEntry[];
  /** Jobs read across all files, duplicates excluded. */
  jobCount: number;
  /**
   * The same jobs in the order the files list them (each where first listed): the order they are stored in, which
   * for a list sorted by id writes the table's key index in order (a tenth faster than family by family).
   */
  jobs: ImportedJob[];
}

export interface JobsListFile {
  name: string;
  text: string;
}

const timestamp = z.union([z.number(), z.string().max(64)]).nullable().optional();
const nullableString = z.string().max(300).nullable().optional();
// The workload a family becomes is checked with the form's own field schemas (one schema per entity).
const workloadField = workloadInput.shape;

const jobSchema = z.looseObject({
  object: z.string().optional(),
  id: z.string().min(1).max(200),
  model: z.string().min(1).max(300),
  status: z.string().min(1).max(64),
  created_at: z.union([z.number(), z.string().max(64)]),
  finished_at: timestamp,
  fine_tuned_model: workloadField.fineTunedModel.nullable().optional(),
  trained_tokens: z.number().int().min(0).nullable().optional(),
  training_file: nullableString,
  validation_file: nullableString,
  suffix: nullableString,
  user_provided_suffix: nullableString,
  error: z.unknown().optional(),
});

const EXPECTED: Record<string, string> = {
  id: 'the job id as text, e.g. "ftjob-abc123"',
  model: 'the model name as text, e.g. "gpt-4o-mini-2024-07-18"',
  status: 'a status as text (succeeded, failed, cancelled, running, queued or validating_files)',
  created_at: 'Unix seconds (e.g. 1758849620) or an ISO date-time',
  finished_at: 'Unix seconds, an ISO date-time or null',
  fine_tuned_model: 'the fine-tuned model name as text, or null',
  trained_tokens: 'a whole number of tokens (0 or more) or null',
  training_file: 'a file id as text, e.g. "file-abc123"',
  validation_file: 'a file id as text, or null',
  suffix: 'text or null',
  user_provided_suffix: 'text or null',
};

const NATURAL = new Intl.Collator('en', { numeric: true });

/** Parses one or more jobs-list pages. Throws OfframpError (import_invalid) naming file, line, job and field. */
export function parseJobsList(files: JobsListFile[]): JobsListImport {
  const byId = new Map<string, ImportedJob>();
  const skipped: SkippedJobEntry[] = [];

  for (const f of files) {
    const root = parseJsonFile(f.text, f.name);
    const data = listData(root, f);
    const names: FamilyKeys = new Map();
    // This file's own copy of a job an earlier file also listed: only such jobs need a second map.
    const againHere = new Map<string, ImportedJob>();
    // A plain loop: a closure per file and a second map of this file's ids measured as a fifth of the parse.
    for (let index = 0; index < data.length; index++) {
      const raw = data[index];
      // Let go of each parsed entry once read: young-generation collections then copy only what is still to be read.
      data[index] = undefined;
      if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
        const object = (raw as Record<string, unknown>).object;
        if (object !== undefined && object !== 'fine_tuning.job' && typeof object === 'string') {
          skipped.push({ file: f.name, index, id: idOf(raw), reason: `entry ${index + 1} is a "${object}", not a fine-tuning job` });
          continue;
        }
      }
      const job = readJob(raw, index, f, names);
      const known = byId.get(job.id);
      if (known === undefined) {
        byId.set(job.id, job);
        continue;
      }
      const here = known.file === f.name ? known : againHere.get(job.id);
      if (here === undefined) againHere.set(job.id, job);
      else if (!sameJob(here, job)) {
        throw new OfframpError({
          code: 'import_invalid',
          message: `${f.name}: job ${job.id} appears twice (entries ${here.index + 1} and ${index + 1}) with different contents; remove one of them.`,
          file: f.name,
          line: jobLine(f.text, job.id, 2),
          field: `data[${index}].id`,
        });
      }
      // Overlapping pages: keep the most advanced state of the job.
      const keep = moreFinal(known, job);
      if (keep !== known) byId.set(job.id, keep);
      skipped.push({ file: f.name, index, id: job.id, reason: `job ${job.id} is listed again (already read from ${known.file}, entry ${known.index + 1})` });
    }
  }

  const families = new Map<string, ImportedJob[]>();
  for (const job of byId.values()) {
    const list = families.get(job.family);
    if (list) list.push(job);
    else families.set(job.family, [job]);
  }
  // Numbers within names in their order (family-2 before family-10), as a reader of the preview expects.
  const drafts = [...families.entries()].sort(([a], [b]) => NATURAL.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)).map(([key, jobs]) => makeDraft(key, jobs));
  return { drafts, skipped, jobCount: byId.size, jobs: [...byId.values()] };
}

function listData(root: unknown, f: JobsListFile): unknown[] {
  if (Array.isArray(root)) return root;
  if (typeof root === 'object' && root !== null) {
    const data = (root as Record<string, unknown>).data;
    if (Array.isArray(data)) return data;
    if ((root as Record<string, unknown>).object === 'fine_tuning.job') return [root];
    throw new OfframpError({
      code: 'import_invalid',
      message:
        data === undefined
          ? `${f.name} has no "data" list; it should be the jobs list the API returns: {"object": "list", "data": [...]}.`
          : `${f.name}: "data" is ${describeValue(data)}; it must be the list of jobs.`,
      file: f.name,
      line: 1,
      field: 'data',
    });
  }
  throw new OfframpError({ code: 'import_invalid', message: `${f.name} holds ${describeValue(root)}, not a jobs list ({"object": "list", "data": [...]}).`, file: f.name, line: 1 });
}

function idOf(raw: unknown): string | null {
  const id = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).id : undefined;
  return typeof id === 'string' ? id : null;
}

type JobFields = z.output<typeof jobSchema>;

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isOptionalText = (v: unknown, max: number) => v === undefined || v === null || isText(v, max);
const isTime = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || isText(v, 64);

/**
 * The common case checked by hand, by the same rules as jobSchema, so 10,000 valid jobs do not pay
 * for zod; when it says no, zod runs to decide and to word the problem.
 */
function quickJob(raw: unknown): JobFields | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const o = raw as Record<string, unknown>;
  const ok = (o.object === undefined || typeof o.object === 'string')
    && isText(o.id, 200) && o.id.length > 0 && isText(o.model, 300) && o.model.length > 0 && isText(o.status, 64) && o.status.length > 0
    && isTime(o.created_at) && (o.finished_at === undefined || o.finished_at === null || isTime(o.finished_at))
    && isOptionalText(o.fine_tuned_model, 300)
    && (o.trained_tokens === undefined || o.trained_tokens === null || (Number.isSafeInteger(o.trained_tokens) && (o.trained_tokens as number) >= 0))
    && isOptionalText(o.training_file, 300) && isOptionalText(o.validation_file, 300) && isOptionalText(o.suffix, 300) && isOptionalText(o.user_provided_suffix, 300);
  return ok ? (o as JobFields) : null;
}

// eslint-disable-next-line no-control-regex -- control characters are what the name rule refuses
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;
/** Certainly a valid workload name (the form's rule may still accept what this refuses; then zod decides). */
const plainName = (s: string) => s.length <= 200 && s.trim().length > 0 && !CONTROL.test(s);

/**
 * The family keys of one file, by base model and suffix ('' for none), each made and checked against the workload form
 * once: 10,000 jobs share a few hundred, and looking up the job's own strings spares joining a key per job to hash it.
 */
type FamilyKeys = Map<string, Map<string, string>>;

/** What zod makes of an entry the quick check refused: its fields, or the error naming the file, line, job and field. */
function checkedJob(raw: unknown, index: number, f: JobsListFile): JobFields {
  const result = jobSchema.safeParse(raw);
  if (result.success) return result.data;
  const id = idOf(raw);
  const issues = result.error.issues;
  const issue = issues[0];
  const key = issue.path.length > 0 ? String(issue.path[0]) : '';
  const value = key && typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : raw;
  const what =
    key === ''
      ? `is ${describeValue(raw)}; each entry of "data" must be a job object`
      : issue.code === 'too_big' && typeof value === 'string'
        ? `has "${key}" ${value.length.toLocaleString('en-US')} characters long; keep it to ${String(issue.maximum)}`
        : `has "${key}" ${value === undefined ? 'missing' : `set to ${describeValue(value)}`}; give ${EXPECTED[key] ?? 'a valid value'}`;
  const more = issues.length > 1 ? ` (${issues.length - 1} more problem${issues.length > 2 ? 's' : ''} in this job)` : '';
  throw new OfframpError({
    code: 'import_invalid',
    message: `${f.name}: ${jobWords(index, id)} ${what}.${more}`,
    file: f.name,
    line: fieldLine(f.text, id, key),
    field: key ? `data[${index}].${key}` : `data[${index}]`,
  });
}

function readJob(raw: unknown, index: number, f: JobsListFile, familyKeys: FamilyKeys): ImportedJob {
  const j = quickJob(raw) ?? checkedJob(raw, index, f);
  const createdMs = toMs(j.created_at, 'created_at', j.id, index, f);
  const finishedMs = j.finished_at === undefined || j.finished_at === null ? null : toMs(j.finished_at, 'finished_at', j.id, index, f);
  const suffix = j.suffix ?? j.user_provided_suffix ?? suffixOf(j.fine_tuned_model ?? null);
  const baseModel = baseModelOf(j.model);
  const suffixKey = j.suffix != null ? 'suffix' : j.user_provided_suffix != null ? 'user_provided_suffix' : 'fine_tuned_model';
  const ownSuffix = suffix && suffix.length > 0 ? suffix : null;
  let bySuffix = familyKeys.get(baseModel);
  if (bySuffix === undefined) familyKeys.set(baseModel, (bySuffix = new Map()));
  let family = bySuffix.get(ownSuffix ?? '');
  if (family === undefined) {
    checkFamily(j.id, index, f, baseModel, suffixKey, familyName(ownSuffix, baseModel));
    bySuffix.set(ownSuffix ?? '', (family = `${baseModel}::${ownSuffix ?? ''}`));
  }
  return {
    id: j.id,
    status: j.status,
    model: j.model,
    fineTunedModel: j.fine_tuned_model ?? null,
    createdMs,
    finishedMs,
    trainedTokens: j.trained_tokens ?? null,
    trainingFile: j.training_file ?? null,
    validationFile: j.validation_file ?? null,
    suffix: ownSuffix,
    counted: j.status === 'succeeded',
    error: errorMessage(j.error),
    file: f.name,
    index,
    family,
  };
}

/** The family becomes a workload: its name and base model must pass the workload form's rules. */
function checkFamily(id: string, index: number, f: JobsListFile, baseModel: string, suffixKey: string, name: string): void {
  const checks: [string, z.ZodType, string][] = [
    ['model', workloadField.baseModel, baseModel],
    [suffixKey, workloadField.name, name],
  ];
  for (const [key, schema, value] of checks) {
    if (key === 'model' ? value.length <= 200 : plainName(value)) continue;
    const checked = schema.safeParse(value);
    if (!checked.success) {
      throw new OfframpError({
        code: 'import_invalid',
        message: `${f.name}: ${jobWords(index, id)} has "${key}" that would make the workload's ${key === 'model' ? 'base model' : 'name'} ${value.length.toLocaleString('en-US')} characters long: ${checked.error.issues[0].message}.`,
        file: f.name,
        line: fieldLine(f.text, id, key),
        field: `data[${index}].${key}`,
      });
    }
  }
}

/** "job 12 (ftjob-abc)": how errors name a job, worded only when one is thrown. */
const jobWords = (index: number, id: string | null) => `job ${index + 1}${id ? ` (${id})` : ''}`;

/** A job's timestamp in milliseconds, or the error naming its field. A top-level function: a closure made per job cost 10,000 allocations (and a name helper under tsx). */
function toMs(v: number | string, key: string, id: string, index: number, f: JobsListFile): number {
  const ms = timestampMs(v);
  if (ms === null) {
    throw new OfframpError({
      code: 'import_invalid',
      message: `${f.name}: ${jobWords(index, id)} has "${key}" set to ${describeValue(v)}, which is not a date this import understands; give ${EXPECTED[key]}.`,
      file: f.name,
      line: fieldLine(f.text, id, key),
      field: `data[${index}].${key}`,
    });
  }
  return ms;
}

/**
 * Unix seconds (or milliseconds, when the number is too large to be seconds) or an ISO 8601 date /
 * date-time string → ISO date-time in UTC. Anything else (26/09/2025, "yesterday") → null.
 */
export function parseTimestamp(v: number | string): string | null {
  const ms = timestampMs(v);
  return ms === null ? null : isoOfMs(ms);
}

/** parseTimestamp's instant in milliseconds since 1970 (UTC), or null. */
function timestampMs(v: number | string): number | null {
  let ms: number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0) return null;
    ms = v > 1e11 ? v : v * 1000;
  } else {
    const t = v.trim();
    if (/^\d+(\.\d+)?$/.test(t)) return timestampMs(Number(t));
    if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(t)) return null;
    const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(t) && t.length > 10;
    ms = Date.parse(t.length === 10 ? `${t}T00:00:00Z` : hasZone ? t.replace(' ', 'T') : `${t.replace(' ', 'T')}Z`);
    if (Number.isNaN(ms)) return null;
    // Date.parse rolls 2025-02-30 over to March: refuse dates that do not exist.
    if (new Date(ms).toISOString().slice(0, 10) !== t.slice(0, 10) && !hasZone) return null;
  }
  // Dates keep whole milliseconds (toISOString drops the rest), in years 0000–9999: the ISO text has four-digit years
  // there, and the workspace writes the same text as isoOfMs only there.
  ms = Math.trunc(ms);
  return ms >= EARLIEST_MS && ms <= LATEST_MS ? ms : null;
}

/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z. */
export const EARLIEST_MS = -62_167_219_200_000;
export const LATEST_MS = 253_402_300_799_999;

const DAY_MS = 86_400_000;

/** Character codes of a two-digit number's tens and ones. */
const tens = (n: number) => 48 + Math.floor(n / 10);
const ones = (n: number) => 48 + (n % 10);

/**
 * An instant of years 0000–9999 as Date#toISOString writes it ("2025-09-26T01:20:20.000Z"), a test holding the two to
 * the same text. Worked out with integers (the civil-from-days algorithm of H. Hinnant) and made in one
 * String.fromCharCode: a quarter of toISOString's time, and one flat string that SQLite binds without joining pieces
 * (a formatter from a cached day measured faster alone, but its strings built in pieces made the commit slower).
 */
export function isoOfMs(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  let t = ms - days * DAY_MS;
  // Days since 0000-03-01, in 400-year eras (146,097 days): years start in March, so leap days fall at a year's end.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(t / 3_600_000);
  t -= hour * 3_600_000;
  const minute = Math.floor(t / 60_000);
  t -= minute * 60_000;
  const second = Math.floor(t / 1000);
  const milli = t - second * 1000;
  return String.fromCharCode(
    48 + Math.floor(year / 1000), 48 + (Math.floor(year / 100) % 10), tens(year % 100), ones(year), 45,
    tens(month), ones(month), 45, tens(day), ones(day), 84,
    tens(hour), ones(hour), 58, tens(minute), ones(minute), 58, tens(second), ones(second), 46,
    48 + Math.floor(milli / 100), tens(milli % 100), ones(milli), 90,
  );
}

/** "ft:gpt-4o-mini-2024-07-18:acme:triage:AbC123" → "triage"; null when there is none. */
export function suffixOf(fineTunedModel: string | null): string | null {
  if (!fineTunedModel || !fineTunedModel.startsWith('ft:')) return null;
  const parts = fineTunedModel.split(':');
  return parts.length >= 5 && parts[3] ? parts[3] : null;
}

/** The base model of a model name: a fine-tuned model "ft:<base>:…" trained from <base>. */
export function baseModelOf(model: string): string {
  if (model.startsWith('ft:')) {
    const base = model.split(':')[1];
    return base ? base : model;
  }
  return model;
}

function errorMessage(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null;
  const m = (e as Record<string, unknown>).message;
  return typeof m === 'string' && m.length > 0 ? m : null;
}

const FINALITY: Record<string, number> = { succeeded: 3, failed: 2, cancelled: 2 };

function moreFinal(a: ImportedJob, b: ImportedJob): ImportedJob {
  const fa = FINALITY[a.status] ?? 1;
  const fb = FINALITY[b.status] ?? 1;
  if (fb !== fa) return fb > fa ? b : a;
  return (b.finishedMs ?? -Infinity) > (a.finishedMs ?? -Infinity) ? b : a;
}

function sameJob(a: ImportedJob, b: ImportedJob): boolean {
  return a.status === b.status && a.fineTunedModel === b.fineTunedModel && a.finishedMs === b.finishedMs && a.model === b.model;
}

/** When a succeeded job counts as a retrain: its end, or its start when the list has no end. */
const retrainMs = (j: ImportedJob) => j.finishedMs ?? j.createdMs;

const byCreation = (a: ImportedJob, b: ImportedJob) => a.createdMs - b.createdMs || (a.id < b.id ? -1 : 1);
const byRetrain = (a: ImportedJob, b: ImportedJob) => retrainMs(a) - retrainMs(b);

/** The draft of one family; `jobs` is the family's own list, sorted here. */
function makeDraft(key: string, jobs: ImportedJob[]): WorkloadDraft {
  jobs.sort(byCreation);
  const baseModel = baseModelOf(jobs[0].model);
  const suffix = jobs[0].suffix;
  const succeeded = jobs.filter((j) => j.counted).sort(byRetrain);
  const latest = succeeded.at(-1);
  const gaps: number[] = [];
  for (let i = 1; i < succeeded.length; i++) gaps.push((retrainMs(succeeded[i]) - retrainMs(succeeded[i - 1])) / DAY_MS);
  return {
    key,
    name: familyName(suffix, baseModel),
    baseModel,
    fineTunedModel: latest?.fineTunedModel ?? null,
    jobs,
    succeededCount: succeeded.length,
    // Jobs on the same day still mean a cadence; the workload form needs it above 0.
    retrainCadenceDays: gaps.length === 0 ? null : Math.max(1, Math.round(median(gaps))),
    lastRetrainDate: latest ? isoOfMs(retrainMs(latest)).slice(0, 10) : null,
  };
}

function familyName(suffix: string | null, baseModel: string): string {
  return suffix ? `${suffix} (${baseModel})` : `${baseModel}, no suffix`;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function jobLine(text: string, id: string | null, occurrence = 1): number | undefined {
  if (!id) return undefined;
  const re = new RegExp(`"id"\\s*:\\s*${escapeRe(JSON.stringify(id))}`, 'g');
  let m: RegExpExecArray | null = null;
  for (let i = 0; i < occurrence; i++) {
    m = re.exec(text);
    if (!m) return undefined;
  }
  return m ? lineOfOffset(text, m.index) : undefined;
}

/** Line of a job's field: searched from the job's id to the next job's id. */
function fieldLine(text: string, id: string | null, key: string): number | undefined {
  if (!id) return undefined;
  const start = text.search(new RegExp(`"id"\\s*:\\s*${escapeRe(JSON.stringify(id))}`));
  if (start === -1) return undefined;
  if (!key) return lineOfOffset(text, start);
  const next = text.slice(start + 1).search(/"object"\s*:\s*"fine_tuning\.job"|"id"\s*:\s*"ftjob-/);
  const end = next === -1 ? text.length : start + 1 + next;
  // Fields may come before the id within the object: look back to the object's opening brace too.
  const open = text.lastIndexOf('{', start);
  const windowStart = text.lastIndexOf('"object"', start) > open ? text.lastIndexOf('"object"', start) : open;
  const inJob = text.slice(Math.max(0, windowStart), end);
  const at = inJob.indexOf(`"${key}"`);
  return lineOfOffset(text, at === -1 ? start : Math.max(0, windowStart) + at);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
