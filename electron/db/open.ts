// Opens a workspace file safely: refuses what is not ours, is empty or is damaged (offering only a backup that
// exists and is whole), refuses files from a newer Offramp, backs up before migrating, and opens read-only for
// commands that only read. Opening runs quick_check (fast; see quickCheck); the full integrity_check runs when a backup
// is made.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { OfframpError } from '../../shared/errors.ts';
import { DEFAULT_POLICY } from '../../shared/domain/types.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';
import { APPLICATION_ID, backupTakenAt, hasSqliteHeader, latestGoodBackup, takeBackupSync } from './backups.ts';

export { APPLICATION_ID, backupDir, latestGoodBackup, listBackups } from './backups.ts';

export interface OpenOptions {
  create?: boolean;
  /** Open for reading only: no backup, no write (a file that needs a migration is still opened for writing). */
  readOnly?: boolean;
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
  readOnly: boolean;
  /** True when this open created the file (there is nothing older to back up). */
  created: boolean;
}

/** The damaged-file refusal: plain words (never SQLite's own text), and a backup only when a good one exists. */
function corrupt(file: string, detail: string): OfframpError {
  const backup = latestGoodBackup(file);
  const taken = backup ? backupTakenAt(backup) : null;
  return new OfframpError({
    code: 'workspace_corrupt',
    file,
    message: `${path.basename(file)} cannot be opened: ${detail}. Nothing was changed.` +
      (backup ? ` The latest good backup is from ${taken ?? path.basename(backup)}; you can open a copy of it instead.` : ' No good backup of it exists.'),
  });
}

/**
 * Raw rows too many to check on every open (1,000,000 evaluation rows take about half a second): the full
 * integrity_check before the session's first backup covers them, and every other table is checked here.
 */
const CHECKED_BEFORE_BACKUP = new Set(['evaluation_rows']);

/** quick_check of every table and its indexes but the bulk ones above: fast enough to run before the first screen. */
function quickCheck(db: Db): boolean {
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
  if (!tables.some((t) => CHECKED_BEFORE_BACKUP.has(t))) return db.pragma('quick_check', { simple: true }) === 'ok';
  return tables.filter((t) => !CHECKED_BEFORE_BACKUP.has(t))
    .every((t) => db.pragma(`quick_check("${t.replace(/"/g, '""')}")`, { simple: true }) === 'ok');
}

function checkFile(file: string): void {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw corrupt(file, 'it is a folder, not a workspace file');
  // A failed sync or a full disk can leave a 0-byte file; SQLite would take it for a new, empty database.
  if (stat.size === 0) throw corrupt(file, 'the file is empty (0 bytes), as a failed sync or a full disk can leave it');
  if (!hasSqliteHeader(file)) throw corrupt(file, 'it is not an Offramp workspace (not a SQLite database)');
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
  if (exists) checkFile(file);
  const readOnly = exists && options.readOnly === true;

  let db: Db;
  try {
    db = new Database(file, { fileMustExist: !options.create, readonly: readOnly, nativeBinding: options.nativeBinding });
  } catch {
    throw corrupt(file, 'the database cannot be read');
  }
  try {
    if (exists && !quickCheck(db)) throw corrupt(file, 'the database is damaged');
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
    if ((version > 0 && appId !== APPLICATION_ID) || (version === 0 && tables > 0)) {
      throw corrupt(file, 'it is a SQLite database but not an Offramp workspace');
    }
    // An existing database with no schema at all was never an Offramp workspace (or lost everything): not "new".
    if (exists && version === 0) throw corrupt(file, 'it is an empty database, not an Offramp workspace');
    if (version > LATEST_SCHEMA_VERSION) {
      throw new OfframpError({
        code: 'workspace_too_new',
        file,
        message: `${path.basename(file)} was made by a newer Offramp (schema ${version}; this version knows up to ${LATEST_SCHEMA_VERSION}). Nothing was changed; update Offramp to open it.`,
      });
    }
    if (readOnly && version < LATEST_SCHEMA_VERSION) {
      // Reading an older file means upgrading it first, which writes (after a backup).
      db.close();
      return openWorkspaceFile(file, { ...options, readOnly: false });
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 3000');
    if (readOnly) return { db, path: file, schemaVersion: version, migrationBackup: null, readOnly: true, created: false };

    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    let migrationBackup: string | null = null;
    if (version > 0 && version < LATEST_SCHEMA_VERSION) {
      migrationBackup = takeBackupSync(db, file, `before-v${LATEST_SCHEMA_VERSION}`, now());
      if (migrationBackup === null) throw corrupt(file, 'the database is damaged, so it was not upgraded');
    }
    for (const m of migrations) {
      if (m.version <= version) continue;
      db.transaction(() => {
        m.up(db);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${m.version}`);
      })();
    }
    ensurePolicyRow(db);
    return { db, path: file, schemaVersion: LATEST_SCHEMA_VERSION, migrationBackup, readOnly: false, created: !exists };
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
