// Opens a workspace file safely: refuses what is not ours or is damaged, backs up before migrating,
// refuses files from a newer Offramp, and keeps a few rolling backups to recover from.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { OfframpError } from '../../shared/errors.ts';
import { DEFAULT_POLICY } from '../../shared/domain/types.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

/** 'OFRP': marks a SQLite file as an Offramp workspace. */
export const APPLICATION_ID = 0x4f465250;
const SQLITE_HEADER = 'SQLite format 3\0';
const KEEP_BACKUPS = 5;

export interface OpenOptions {
  create?: boolean;
  /** Path to a better-sqlite3 binary built for Electron's ABI; unset under plain Node. */
  nativeBinding?: string;
  now?: () => Date;
  /** The migrations to run; tests pass extra ones to exercise upgrades. */
  migrations?: readonly Migration[];
}

export interface OpenedWorkspace {
  db: Db;
  path: string;
  schemaVersion: number;
  /** Backup taken before a migration on this open, if one ran. */
  migrationBackup: string | null;
}

export function backupDir(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file)}.backups`);
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export function listBackups(file: string): string[] {
  const dir = backupDir(file);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite')).sort().reverse().map((f) => path.join(dir, f));
}

export function latestBackup(file: string): string | null {
  return listBackups(file)[0] ?? null;
}

function takeBackup(db: Db, file: string, reason: string, now: Date): string {
  const dir = backupDir(file);
  fs.mkdirSync(dir, { recursive: true });
  const dest = path.join(dir, `${stamp(now)}-${reason}.sqlite`);
  if (fs.existsSync(dest)) fs.rmSync(dest);
  // VACUUM INTO writes a consistent copy even while the WAL holds uncheckpointed pages.
  db.prepare('VACUUM INTO ?').run(dest);
  for (const old of listBackups(file).slice(KEEP_BACKUPS)) fs.rmSync(old, { force: true });
  return dest;
}

function corrupt(file: string, detail: string): OfframpError {
  const backup = latestBackup(file);
  return new OfframpError({
    code: 'workspace_corrupt',
    file,
    message: `${path.basename(file)} cannot be opened: ${detail}. Nothing was changed.` +
      (backup ? ` The latest backup is from ${path.basename(backup).slice(0, 15)}; you can open it instead.` : ' No backup of it exists.'),
  });
}

function checkHeader(file: string): void {
  const size = fs.statSync(file).size;
  if (size === 0) return;
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    fs.readSync(fd, buf, 0, 16, 0);
    if (buf.toString('latin1') !== SQLITE_HEADER) throw corrupt(file, 'it is not an Offramp workspace (not a SQLite database)');
  } finally {
    fs.closeSync(fd);
  }
}

export function openWorkspaceFile(file: string, options: OpenOptions = {}): OpenedWorkspace {
  const now = options.now ?? (() => new Date());
  const migrations = options.migrations ?? MIGRATIONS;
  const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1].version;
  const exists = fs.existsSync(file);
  if (!exists && !options.create) {
    throw new OfframpError({ code: 'not_found', file, message: `There is no workspace at ${file}. It may have been moved or deleted.` });
  }
  if (exists && options.create) {
    throw new OfframpError({ code: 'conflict', file, message: `${path.basename(file)} already exists. Open it, or choose another name for the new workspace.` });
  }
  if (exists) checkHeader(file);

  let db: Db;
  try {
    db = new Database(file, { fileMustExist: !options.create, nativeBinding: options.nativeBinding });
  } catch (e) {
    throw corrupt(file, (e as Error).message);
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw corrupt(file, `the database is damaged (${String(integrity)})`);
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
    if ((version > 0 && appId !== APPLICATION_ID) || (version === 0 && tables > 0)) {
      throw corrupt(file, 'it is a SQLite database but not an Offramp workspace');
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new OfframpError({
        code: 'workspace_too_new',
        file,
        message: `${path.basename(file)} was made by a newer Offramp (schema ${version}; this version knows up to ${LATEST_SCHEMA_VERSION}). Nothing was changed; update Offramp to open it.`,
      });
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 3000');

    let migrationBackup: string | null = null;
    if (version > 0 && version < LATEST_SCHEMA_VERSION) migrationBackup = takeBackup(db, file, `before-v${LATEST_SCHEMA_VERSION}`, now());
    for (const m of migrations) {
      if (m.version <= version) continue;
      db.transaction(() => {
        m.up(db);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${m.version}`);
      })();
    }
    ensurePolicyRow(db);
    if (version > 0 && migrationBackup === null) takeBackup(db, file, 'on-open', now());
    return { db, path: file, schemaVersion: LATEST_SCHEMA_VERSION, migrationBackup };
  } catch (e) {
    db.close();
    if (e instanceof OfframpError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') throw corrupt(file, 'the database is damaged');
    throw e;
  }
}

function ensurePolicyRow(db: Db): void {
  const p = DEFAULT_POLICY;
  db.prepare(`INSERT OR IGNORE INTO policy (id, events, retest_days, rollback_days, holidays, blackouts, capacity, step_durations)
    VALUES (1, ?, ?, ?, ?, ?, ?, ?)`).run(JSON.stringify(p.events), p.retestDays, p.rollbackDays, JSON.stringify(p.holidays),
    JSON.stringify(p.blackouts), p.capacity, JSON.stringify(p.stepDurations));
}
