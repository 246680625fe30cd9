// Backups of a workspace, next to it in <name>.offramp.backups/. Only a good file is ever backed up (non-empty,
// an Offramp schema, a full integrity_check), and retention keeps the last five plus the newest of each of the last
// seven days, so no run of sessions can leave nothing but copies of a broken file.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';

/** 'OFRP': marks a SQLite file as an Offramp workspace. */
export const APPLICATION_ID = 0x4f465250;
export const SQLITE_HEADER = 'SQLite format 3\0';
/** The newest backups always kept. */
export const KEEP_LATEST = 5;
/** Besides those, the newest backup of each of this many days (counting today) is kept. */
export const KEEP_DAYS = 7;

export function backupDir(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file)}.backups`);
}

/** yyyyMMdd-HHmmss-SSS (UTC): sorts by time, and two backups in one second do not collide. */
function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').slice(0, 19);
}

/** When a backup was taken, read from its name ("2026-11-29 09:50 UTC"); null for a name Offramp did not write. */
export function backupTakenAt(backup: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(path.basename(backup));
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]} UTC` : null;
}

function dayOf(backup: string): string {
  return path.basename(backup).slice(0, 8);
}

/** Every backup of `file`, newest first. */
export function listBackups(file: string): string[] {
  const dir = backupDir(file);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => /^\d{8}-\d{6}.*\.sqlite$/.test(f)).sort().reverse().map((f) => path.join(dir, f));
}

/** True when `file` starts like a SQLite database and is not empty. */
export function hasSqliteHeader(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = fs.readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    fs.closeSync(fd);
  }
}

/** An Offramp workspace that SQLite checks whole: the test a backup must pass to be offered. */
function isGoodCopy(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile() || !hasSqliteHeader(file)) return false;
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('quick_check', { simple: true }) === 'ok'
        && (db.pragma('application_id', { simple: true }) as number) === APPLICATION_ID
        && (db.pragma('user_version', { simple: true }) as number) > 0;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/** The newest backup of `file` that exists and opens as a whole Offramp workspace; null when there is none. */
export function latestGoodBackup(file: string): string | null {
  return listBackups(file).find(isGoodCopy) ?? null;
}

/** Whether the open database deserves a backup: an Offramp schema that passes the full integrity check. */
export function worthBackingUp(db: Db): boolean {
  if ((db.pragma('user_version', { simple: true }) as number) === 0) return false;
  if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) return false;
  return db.pragma('integrity_check', { simple: true }) === 'ok';
}

/** Deletes what retention does not keep: the newest KEEP_LATEST, and the newest of each of the last KEEP_DAYS days. */
export function pruneBackups(file: string, now: Date): void {
  const all = listBackups(file);
  const keep = new Set(all.slice(0, KEEP_LATEST));
  const days = new Set<string>();
  for (let i = 0; i < KEEP_DAYS; i++) days.add(stamp(new Date(now.getTime() - i * 86_400_000)).slice(0, 8));
  const seen = new Set<string>();
  for (const b of all) {
    const day = dayOf(b);
    if (days.has(day) && !seen.has(day)) {
      seen.add(day);
      keep.add(b);
    }
  }
  for (const b of all) if (!keep.has(b)) fs.rmSync(b, { force: true });
}

function target(file: string, reason: string, now: Date): string {
  const dir = backupDir(file);
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${stamp(now)}-${reason}.sqlite`);
}

/**
 * Copies the open database with SQLite's online backup API (better-sqlite3's db.backup: pages are copied in steps,
 * the event loop keeps running), through a temporary name so a half-written copy is never listed. Null when the
 * database is not worth a backup (see worthBackingUp).
 */
export async function takeBackup(db: Db, file: string, reason: string, now: Date): Promise<string | null> {
  if (!worthBackingUp(db)) return null;
  const dest = target(file, reason, now);
  const partial = `${dest}.partial`;
  try {
    await db.backup(partial);
    fs.renameSync(partial, dest);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  pruneBackups(file, now);
  return dest;
}

/** The same, synchronous (VACUUM INTO), for the places that cannot wait: before a migration, a write outside IPC. */
export function takeBackupSync(db: Db, file: string, reason: string, now: Date): string | null {
  if (!worthBackingUp(db)) return null;
  const dest = target(file, reason, now);
  const partial = `${dest}.partial`;
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fs.renameSync(partial, dest);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  pruneBackups(file, now);
  return dest;
}
