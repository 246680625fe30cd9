// Evaluation rows between an import's preview and its commit. The preview reads the file in chunks, validates each
// row as it comes and writes it into a table in the temp schema of the workspace's connection (never the workspace
// file), counting rows and summing each candidate's summary on the way; the commit moves the rows into
// evaluation_rows with one INSERT … SELECT and records them as one held change (ids from..to), so neither step holds
// the file or an object per row: what grows with the rows in memory is 8 bytes of latency each, kept for the exact
// percentiles. promptfoo's JSON and CSV outputs are still read whole (small files by nature: one row per test and
// prompt); their rows are staged the same way. Each chunk is staged in a transaction of its own and the event loop is
// free between chunks (progress, Cancel, other channels' writes), with no transaction open across the pause.
import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Database, Statement } from 'better-sqlite3';
import type { CandidateAggregate } from '../../shared/evaluation/candidateAggregate.ts';
import { OfframpError } from '../../shared/errors.ts';
import { EvaluationCsvStream, duplicateTaskError, type PlainEvaluationCsv, type EvaluationRowSink, type Flag } from '../../shared/imports/evaluationCsvStream.ts';
import { looksLikeJson, parsePromptfooJson, promptfooCsv, type EvaluationImport } from '../../shared/imports/evaluations.ts';
import { importFileSize, readImportFile } from '../importers/readFile.ts';
import { fileSystemError } from '../importers/readLines.ts';
import { intOrNull } from './rows.ts';
import type { Recorder } from './changes.ts';
import { CandidateSums } from './evaluationAggregates.ts';

/** Bytes read at a time. */
export const CHUNK_BYTES = 1024 * 1024;

export interface StagedEvaluations {
  db: Database;
  /** The temp-schema table holding the rows in file order (its rowid is the row's place, 1 first). */
  table: string;
  /** Candidate names in order of first appearance, with their rows and summaries. */
  candidates: string[];
  sums: CandidateSums[];
  rowCount: number;
  warnings: string[];
}

let staged = 0;

const STAGE_COLUMNS = 'line, candidate, task_id, latency_ms, cost_usd, correct, grounded, refused, hallucinated, win_vs_baseline';

/** Rows written per statement: one call binding 64 rows costs far less than 64 calls (about a third, measured). */
const BATCH = 64;
const ROW_PARAMS = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** Writes rows into the staging table, BATCH at a time through one reused argument array, and sums each candidate's summary. */
class StagingSink implements EvaluationRowSink {
  readonly sums: CandidateSums[] = [];
  line = 0;
  private readonly many: Statement;
  private readonly one: Statement;
  private readonly args: unknown[] = new Array(10 * BATCH);
  private k = 0;

  constructor(db: Database, table: string) {
    this.many = db.prepare(`INSERT INTO temp."${table}" (${STAGE_COLUMNS}) VALUES ${new Array(BATCH).fill(ROW_PARAMS).join(', ')}`);
    this.one = db.prepare(`INSERT INTO temp."${table}" (${STAGE_COLUMNS}) VALUES ${ROW_PARAMS}`);
  }

  row(candidate: number, taskId: string, latencyMs: number | null, costUsd: number | null,
    correct: Flag, grounded: Flag, refused: Flag, hallucinated: Flag, win: Flag): void {
    const a = this.args;
    let k = this.k;
    a[k++] = this.line; a[k++] = candidate; a[k++] = taskId; a[k++] = latencyMs; a[k++] = costUsd;
    a[k++] = correct; a[k++] = grounded; a[k++] = refused; a[k++] = hallucinated; a[k++] = win;
    if (k === a.length) {
      this.many.run(a);
      k = 0;
    }
    this.k = k;
    (this.sums[candidate] ??= new CandidateSums()).add(latencyMs, costUsd, correct, grounded, refused, hallucinated, win);
  }

  /** Writes the rows still waiting for a full batch. */
  flush(): void {
    for (let j = 0; j < this.k; j += 10) this.one.run(this.args.slice(j, j + 10));
    this.k = 0;
  }
}

/**
 * The first row (in file order) repeating a task its candidate already has, as the reader would have refused it:
 * found through an index on the staged rows rather than a map of every task id in memory.
 */
function firstDuplicateTask(db: Database, table: string): { line: number; candidate: number; taskId: string; first: number } | undefined {
  db.exec(`CREATE INDEX IF NOT EXISTS temp."${table}_tasks" ON "${table}" (candidate, task_id)`);
  return db.prepare(`SELECT b.line AS line, b.candidate AS candidate, b.task_id AS taskId,
      (SELECT min(a.line) FROM temp."${table}" a WHERE a.candidate = b.candidate AND a.task_id = b.task_id) AS first
    FROM temp."${table}" b
    WHERE EXISTS (SELECT 1 FROM temp."${table}" a WHERE a.candidate = b.candidate AND a.task_id = b.task_id AND a.rowid < b.rowid)
    ORDER BY b.rowid LIMIT 1`).get() as { line: number; candidate: number; taskId: string; first: number } | undefined;
}

/** Stages a parsed file's rows (promptfoo JSON and CSV output, read whole). */
function stageParsed(sink: StagingSink, parsed: EvaluationImport): void {
  const index = new Map(parsed.candidates.map((name, k) => [name, k]));
  for (const r of parsed.rows) {
    sink.row(index.get(r.candidate) as number, r.taskId, r.latencyMs, r.costUsd, intOrNull(r.correct) as Flag, intOrNull(r.grounded) as Flag,
      intOrNull(r.refused) as Flag, intOrNull(r.hallucinated) as Flag, intOrNull(r.winVsBaseline) as Flag);
  }
}

export interface StagingOptions {
  /** Aborted: staging stops at the next chunk, drops what it staged and throws the signal's reason (an OfframpError) or a cancellation. */
  signal?: AbortSignal;
  /** Bytes read of the file's size, after each chunk (outside any transaction). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * What staging waits for between chunks: a turn of the event loop, so progress reaches the window, Cancel is heard and
 * other channels run. Tests replace it to act at a known point mid-staging; no transaction is open while it waits.
 */
export const betweenChunks = {
  wait: (_signal: AbortSignal | undefined): Promise<void> => new Promise((resolve) => setImmediate(resolve)),
};

/** Cancelled through `signal`: its reason when that says why (a newer preview), otherwise plain cancellation. */
function cancelled(signal: AbortSignal, file: string): OfframpError {
  if (signal.reason instanceof OfframpError) return signal.reason;
  return new OfframpError({ code: 'cancelled', file, message: `Reading ${path.basename(file)} was cancelled. Nothing was changed.` });
}

/**
 * Reads, validates and stages `file` for a preview, chunk by chunk. Each chunk is staged in a short transaction of its
 * own on the temp table and none is open while staging waits between chunks, so a change made meanwhile through
 * another channel is never part of (nor undone by) the staging. On any problem, on cancel, and when the workspace is
 * closed meanwhile the staging is gone and the error names the file, row and column, as before. Nothing in the
 * workspace file changes.
 */
export async function stageEvaluationFile(db: Database, file: string, what: string, options: StagingOptions = {}): Promise<StagedEvaluations> {
  const size = importFileSize(file, what);
  const { signal, onProgress } = options;
  staged += 1;
  const table = `offramp_staged_evaluations_${staged}`;
  const name = file;
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    throw fileSystemError(e, file, what);
  }
  let created = false;
  try {
    if (signal?.aborted) throw cancelled(signal, file);
    db.exec(`CREATE TEMP TABLE "${table}" (line INTEGER NOT NULL, candidate INTEGER NOT NULL, task_id TEXT NOT NULL, latency_ms REAL,
      cost_usd REAL, correct INTEGER, grounded INTEGER, refused INTEGER, hallucinated INTEGER, win_vs_baseline INTEGER)`);
    created = true;
    const sink = new StagingSink(db, table);
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const decoder = new StringDecoder('utf8');
    let done = 0;
    const read = (): string | null => {
      let n: number;
      try {
        n = fs.readSync(fd, buffer, 0, buffer.length, null);
      } catch (e) {
        throw fileSystemError(e, file, what);
      }
      done += n;
      return n === 0 ? null : decoder.write(buffer.subarray(0, n));
    };
    /** Between chunks: progress, a turn of the event loop, then on only if nobody cancelled or closed the workspace. */
    const pause = async (): Promise<void> => {
      onProgress?.(done, size);
      await betweenChunks.wait(signal);
      if (!db.open) {
        throw new OfframpError({
          code: 'no_workspace', file,
          message: `The workspace was closed while ${path.basename(file)} was being read for its preview. Nothing was changed; open the workspace and choose the file again.`,
        });
      }
      if (signal?.aborted) throw cancelled(signal, file);
    };
    let text = read();
    // Blank space before the first character decides nothing: read on until there is some.
    while (text !== null && text.trim() === '') {
      const more = read();
      if (more === null) break;
      text += more;
    }
    if (text !== null && looksLikeJson(text)) {
      // promptfoo's JSON is read whole (small by nature): one step, with progress before and after.
      await pause();
      const parsed = parsePromptfooJson({ name, text: readImportFile(file, what) });
      db.transaction(() => {
        stageParsed(sink, parsed);
        sink.flush();
      })();
      onProgress?.(size, size);
      return { db, table, candidates: parsed.candidates, sums: sink.sums, rowCount: parsed.rows.length, warnings: parsed.warnings };
    }
    const stream: EvaluationCsvStream = new EvaluationCsvStream(name, {
      row(candidate, taskId, latencyMs, costUsd, correct, grounded, refused, hallucinated, win) {
        sink.line = (stream.plainReader as PlainEvaluationCsv).lastLine;
        sink.row(candidate, taskId, latencyMs, costUsd, correct, grounded, refused, hallucinated, win);
      },
    }, false);
    // One row per task and candidate is checked on the staged rows (not with a map of every task id): once all are
    // in, and before any other problem is reported, since a repeated task on an earlier row comes first in the file.
    const duplicate = (): OfframpError | null => {
      const reader = stream.plainReader;
      if (reader?.taskColumn === undefined) return null;
      sink.flush();
      const d = firstDuplicateTask(db, table);
      if (d) return duplicateTaskError(name, reader.header, d.line, reader.taskColumn, d.taskId, reader.candidates[d.candidate], d.first);
      // The refused row itself may repeat a task: the reader would have said so before reading its other cells.
      if (!reader.taskChecked) return null;
      const first = db.prepare(`SELECT min(line) AS line FROM temp."${table}" WHERE candidate = ? AND task_id = ? AND line < ?`)
        .get(reader.lastCandidate, reader.lastTaskId, reader.lastLine) as { line: number | null };
      return first.line === null ? null
        : duplicateTaskError(name, reader.header, reader.lastLine, reader.taskColumn, reader.lastTaskId, reader.candidates[reader.lastCandidate], first.line);
    };
    // A refused row is reported from inside its chunk's transaction, while the rows before it are still staged: an
    // earlier repeated task among them comes first.
    const checked = <A extends unknown[], T>(fn: (...args: A) => T) => db.transaction((...args: A): T => {
      try {
        return fn(...args);
      } catch (e) {
        if (e instanceof OfframpError && e.code === 'import_invalid') throw duplicate() ?? e;
        throw e;
      }
    });
    const stageChunk = checked((chunk: string) => stream.push(chunk));
    for (; text !== null; text = read()) {
      stageChunk(text);
      await pause();
    }
    const result = checked(() => {
      const tail = decoder.end();
      if (tail) stream.push(tail);
      const end = stream.end();
      sink.flush();
      if (end.kind === 'plain' && end.reader.taskColumn !== undefined) {
        try {
          db.exec(`CREATE UNIQUE INDEX temp."${table}_task" ON "${table}" (candidate, task_id)`);
        } catch (e) {
          if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw e;
          throw duplicate() ?? e;
        }
      }
      return end;
    })();
    if (result.kind === 'plain') {
      const reader = result.reader;
      return { db, table, candidates: reader.candidates, sums: sink.sums, rowCount: reader.rowCount, warnings: reader.warnings() };
    }
    const parsed = promptfooCsv({ header: result.header, rows: result.rows, delimiter: result.delimiter }, name);
    db.transaction(() => {
      stageParsed(sink, parsed);
      sink.flush();
    })();
    return { db, table, candidates: parsed.candidates, sums: sink.sums, rowCount: parsed.rows.length, warnings: parsed.warnings };
  } catch (e) {
    // Each chunk's transaction rolled back on its own error; what earlier chunks staged goes with the table. A closed
    // connection took its temp schema with it.
    if (created && db.open) db.exec(`DROP TABLE IF EXISTS temp."${table}"`);
    throw stagingFailed(e, file);
  } finally {
    fs.closeSync(fd);
  }
}

/** The staged rows live in SQLite's temporary folder: when it is full or cannot be written, say so in words. */
function stagingFailed(e: unknown, file: string): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^SQLITE_(FULL|IOERR|CANTOPEN|NOMEM)/.test(code)) return e;
  return new OfframpError({
    code: 'io', file,
    message: `Offramp could not set the rows of ${path.basename(file)} aside for the preview (${(e as Error).message}): the temporary folder is full or cannot be written. Nothing was changed; free some disk space and choose the file again.`,
  });
}

/** Rows per candidate, in the order of `candidates`. */
export function stagedCounts(s: StagedEvaluations): number[] {
  return s.candidates.map((_, k) => s.sums[k]?.rows ?? 0);
}

/** True while the staged rows are still there (their connection open, the preview neither committed nor dropped). */
export function stagingAlive(s: StagedEvaluations, db: Database): boolean {
  if (s.db !== db || !db.open) return false;
  return db.prepare("SELECT 1 FROM temp.sqlite_master WHERE type = 'table' AND name = ?").get(s.table) !== undefined;
}

/** Drops a preview's staged rows (an abandoned or replaced preview); harmless when they are already gone. */
export function dropStaged(s: StagedEvaluations): void {
  if (!s.db.open || s.db.inTransaction) return;
  s.db.exec(`DROP TABLE IF EXISTS temp."${s.table}"`);
}

/**
 * Moves the staged rows into evaluation_rows for the candidates `ids` (by index of `candidates`), inside the commit's
 * transaction: one INSERT … SELECT with ids following the table's last, recorded as one held change carrying the
 * candidates' summaries (each candidate's rows are exactly these: the caller removed its earlier ones). The staging
 * goes with the same transaction, so a failed commit leaves the preview to try again.
 */
export function commitStaged(db: Database, rec: Recorder, s: StagedEvaluations, ids: number[]): void {
  if (s.rowCount > 0) {
    const map = `${s.table}_ids`;
    db.exec(`CREATE TEMP TABLE "${map}" (idx INTEGER PRIMARY KEY, id INTEGER NOT NULL)`);
    const put = db.prepare(`INSERT INTO temp."${map}" (idx, id) VALUES (?, ?)`);
    ids.forEach((id, k) => put.run(k, id));
    const { next } = db.prepare('SELECT coalesce(max(id), 0) + 1 AS next FROM main.evaluation_rows').get() as { next: number };
    db.prepare(`INSERT INTO main.evaluation_rows (id, candidate_id, task_id, latency_ms, cost_usd, correct, grounded, refused, hallucinated, win_vs_baseline)
      SELECT ? + s.rowid - 1, m.id, s.task_id, s.latency_ms, s.cost_usd, s.correct, s.grounded, s.refused, s.hallucinated, s.win_vs_baseline
      FROM temp."${s.table}" s CROSS JOIN temp."${map}" m ON m.idx = s.candidate ORDER BY s.rowid`).run(next);
    db.exec(`DROP TABLE temp."${map}"`);
    // A candidate named twice (names differing only in case, one existing candidate) is summed up by reading back.
    const perId = new Map<number, number>();
    for (const id of ids) perId.set(id, (perId.get(id) ?? 0) + 1);
    const aggregates: CandidateAggregate[] = [];
    ids.forEach((id, k) => {
      if (perId.get(id) === 1 && s.sums[k]) aggregates.push(s.sums[k].summary(id));
    });
    rec.insertedRange('evaluation_rows', next, next + s.rowCount - 1, [...perId.keys()].map((id) => ({ candidate_id: id })), aggregates);
  }
  db.exec(`DROP TABLE IF EXISTS temp."${s.table}"`);
}

/** The preview's expiry, in the words every import uses. */
export function stagingExpired(file: string): OfframpError {
  return new OfframpError({ code: 'conflict', file, message: `The preview of ${path.basename(file)} has expired; choose the file again to see a fresh preview.` });
}
