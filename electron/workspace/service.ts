// The open workspace: one SQLite file, the undo/redo stacks of this session, and the one wrapper
// (mutate) through which every change is made, recorded and audited. A session backs the file up once, before its
// first write (opening alone writes nothing, so read-only use never churns the backups).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { OfframpError } from '../../shared/errors.ts';
import type { RefusedWorkspace, WorkspaceInfo } from '../../shared/ipc/inventory.ts';
import { Recorder, applyForward, applyInverse, isEmptyGroup, newGroup, writeAudit, type ChangeGroup } from '../db/changes.ts';
import { openWorkspaceFile } from '../db/open.ts';
import { describeChange } from './describeChange.ts';
import { APPLICATION_ID, backupTakenAt, hasSqliteHeader, latestGoodBackup, takeBackup, takeBackupSync } from '../db/backups.ts';
import { maintainEvaluationAggregates } from '../db/evaluationAggregates.ts';

const UNDO_LIMIT = 100;

export interface WorkspaceServiceOptions {
  nativeBinding?: string;
  actor: () => string;
  now?: () => Date;
}

export class WorkspaceService {
  private db: Db | null = null;
  private file: string | null = null;
  private schemaVersion = 0;
  private migrationBackup: string | null = null;
  private readOnly = false;
  /** Set once this session's file is backed up, or needs no backup (just created, or backed up before migrating). */
  private backup: Promise<unknown> | null = null;
  /** The file refused on the last open (damaged, empty, not ours): the one whose backup can be opened instead. */
  private refusedFile: string | null = null;
  private undoStack: ChangeGroup[] = [];
  private redoStack: ChangeGroup[] = [];
  private readonly options: WorkspaceServiceOptions;
  private readonly listeners = new Set<() => void>();
  /** What each undoable group did, in words ("delete client Harbor Bank"), written when it is committed. */
  private readonly described = new WeakMap<ChangeGroup, string>();
  private readonly commitListeners = new Set<(group: ChangeGroup) => void>();

  constructor(options: WorkspaceServiceOptions) {
    this.options = options;
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  /** Called after every committed change (the Electron shell tells the window to refresh). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called with every committed group of row changes (edits, undo, redo, live state): the plan cache replans what it touched. */
  onCommit(listener: (group: ChangeGroup) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  info(): WorkspaceInfo | null {
    if (!this.file) return null;
    return {
      path: this.file,
      schemaVersion: this.schemaVersion,
      backupPath: this.migrationBackup,
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      undoLabel: this.described.get(this.undoStack.at(-1)!) ?? null,
      redoLabel: this.described.get(this.redoStack.at(-1)!) ?? null,
    };
  }

  /** Opens `file` (creating it with `create`); `readOnly` for commands that only read: no backup, no write. */
  open(file: string, create = false, mode: { readOnly?: boolean } = {}): WorkspaceInfo {
    let opened: ReturnType<typeof openWorkspaceFile>;
    try {
      opened = openWorkspaceFile(file, { create, readOnly: mode.readOnly, nativeBinding: this.options.nativeBinding, now: () => this.now() });
    } catch (e) {
      if (e instanceof OfframpError && e.code === 'workspace_corrupt') this.refusedFile = file;
      throw e;
    }
    this.close();
    this.refusedFile = null;
    this.db = opened.db;
    this.file = opened.path;
    this.schemaVersion = opened.schemaVersion;
    this.migrationBackup = opened.migrationBackup;
    this.readOnly = opened.readOnly;
    this.backup = opened.created || opened.migrationBackup !== null ? Promise.resolve() : null;
    return this.info() as WorkspaceInfo;
  }

  /** The file refused on the last open and the newest good backup of it (null: nothing to offer). */
  refused(): RefusedWorkspace | null {
    if (!this.refusedFile) return null;
    const backup = latestGoodBackup(this.refusedFile);
    return { name: path.basename(this.refusedFile), backup: backup ? { takenAt: backupTakenAt(backup) ?? path.basename(backup) } : null };
  }

  /**
   * Opens a copy of the newest good backup of the file refused on the last open, next to it, leaving the refused
   * file untouched for inspection (and never replacing an earlier restored copy).
   */
  openLatestBackup(): WorkspaceInfo {
    const file = this.refusedFile;
    if (!file) throw new OfframpError({ code: 'not_found', message: 'No workspace was refused; there is no backup to open instead.' });
    const backup = latestGoodBackup(file);
    if (!backup) throw new OfframpError({ code: 'not_found', file, message: `No good backup of ${path.basename(file)} exists.` });
    const day = this.now().toISOString().slice(0, 10);
    const named = (n: number) => file.replace(/(\.[^./\\]+)?$/, (ext) => `.restored-${day}${n > 1 ? `-${n}` : ''}${ext || '.offramp'}`);
    let n = 1;
    while (fs.existsSync(named(n))) n++;
    const restored = named(n);
    fs.copyFileSync(backup, `${restored}.partial`);
    fs.renameSync(`${restored}.partial`, restored);
    return this.open(restored);
  }

  /**
   * Before the first write of a session: a backup by SQLite's online backup API, after a full integrity check (a file
   * that fails it is not backed up). Dispatch awaits this before every mutating channel; concurrent callers share it.
   */
  async prepareWrite(): Promise<void> {
    const db = this.database();
    if (this.readOnly) throw this.readOnlyError();
    const file = this.file as string;
    this.backup ??= takeBackup(db, file, 'before-edit', this.now()).catch((e: unknown) => {
      // No edit without its backup: the next write tries again.
      this.backup = null;
      throw backupFailed(file, e);
    });
    await this.backup;
  }

  /** The synchronous path for writes that do not come through dispatch (the CLI's import and generate). */
  private beforeWrite(db: Db): void {
    if (this.readOnly) throw this.readOnlyError();
    if (this.backup === null) {
      try {
        takeBackupSync(db, this.file as string, 'before-edit', this.now());
      } catch (e) {
        throw backupFailed(this.file as string, e);
      }
      this.backup = Promise.resolve();
    }
  }

  private readOnlyError(): OfframpError {
    return new OfframpError({ code: 'conflict', file: this.file ?? undefined, message: 'This workspace was opened read-only; nothing was changed.' });
  }

  close(): void {
    if (this.db) {
      this.db.close();
    }
    this.db = null;
    this.file = null;
    this.backup = null;
    this.readOnly = false;
    this.undoStack = [];
    this.redoStack = [];
  }

  database(): Db {
    if (!this.db) throw new OfframpError({ code: 'no_workspace', message: 'No workspace is open. Create one or open an existing file first.' });
    return this.db;
  }

  path(): string {
    this.database();
    return this.file as string;
  }

  /** Runs `fn` in one transaction as one undoable, audited change. */
  mutate<T>(label: string, fn: (db: Db, rec: Recorder) => T, kind: ChangeGroup['kind'] = 'change'): T {
    const db = this.database();
    this.beforeWrite(db);
    const group = newGroup(label, kind);
    const result = db.transaction(() => {
      const value = fn(db, new Recorder(db, group));
      maintainEvaluationAggregates(db, group);
      if (!isEmptyGroup(group)) writeAudit(db, group, this.options.actor(), this.now().toISOString());
      return value;
    })();
    if (!isEmptyGroup(group)) {
      this.committed(group);
      this.described.set(group, describeChange(group, db));
      this.undoStack.push(group);
      if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
      this.redoStack = [];
      this.emit();
    }
    return result;
  }

  /**
   * Saves live state (a presenter's position and timers) in one transaction without an undo step or audit rows:
   * the undo and redo stacks stay as they are. Listeners are told, so a second window follows.
   */
  saveLive<T>(label: string, fn: (db: Db, rec: Recorder) => T): T {
    const db = this.database();
    this.beforeWrite(db);
    const group = newGroup(label);
    const result = db.transaction(() => {
      const value = fn(db, new Recorder(db, group));
      maintainEvaluationAggregates(db, group);
      return value;
    })();
    if (!isEmptyGroup(group)) {
      this.committed(group);
      this.emit();
    }
    return result;
  }

  undo(): WorkspaceInfo {
    return this.step('undo', this.undoStack, this.redoStack);
  }

  redo(): WorkspaceInfo {
    return this.step('redo', this.redoStack, this.undoStack);
  }

  /** Replays the newest group of `from` (inverted for undo) and moves it to `to`. */
  private step(kind: 'undo' | 'redo', from: ChangeGroup[], to: ChangeGroup[]): WorkspaceInfo {
    const group = from.at(-1);
    if (!group) throw new OfframpError({ code: 'conflict', message: `Nothing to ${kind}` });
    this.replay(group, kind);
    from.pop();
    to.push(group);
    this.emit();
    return this.info() as WorkspaceInfo;
  }

  private replay(group: ChangeGroup, kind: 'undo' | 'redo'): void {
    const db = this.database();
    const replayGroup = newGroup(`${kind} ${group.label}`, kind);
    try {
      db.transaction(() => {
        const rec = new Recorder(db, replayGroup);
        if (kind === 'undo') applyInverse(rec, group);
        else applyForward(rec, group);
        maintainEvaluationAggregates(db, replayGroup);
        writeAudit(db, replayGroup, this.options.actor(), this.now().toISOString());
      })();
      this.committed(replayGroup);
    } catch (e) {
      throw new OfframpError({ code: 'conflict', message: `Could not ${kind} "${group.label}": ${(e as Error).message}. Nothing was changed.` });
    }
  }

  /**
   * Writes a copy of the open workspace to `dest` through a temporary file and a rename, so `dest` is either its old
   * self or the whole copy. Refuses to replace a file that is not an Offramp workspace, or the open file itself.
   */
  saveCopy(dest: string): { path: string } {
    const db = this.database();
    if (path.resolve(dest) === path.resolve(this.file as string)) {
      throw new OfframpError({ code: 'conflict', file: dest, message: `${path.basename(dest)} is the open workspace; choose another name for the copy.` });
    }
    if (fs.existsSync(dest) && !isOfframpWorkspace(dest)) {
      throw new OfframpError({ code: 'conflict', file: dest, message: `${path.basename(dest)} is not an Offramp workspace, so Offramp will not replace it. Choose another name. Nothing was changed.` });
    }
    const partial = path.join(path.dirname(dest), `.${path.basename(dest)}.${crypto.randomBytes(6).toString('hex')}.partial`);
    try {
      db.prepare('VACUUM INTO ?').run(partial);
      // The replaced workspace's own journal files would not belong to the copy.
      for (const f of [`${dest}-wal`, `${dest}-shm`]) fs.rmSync(f, { force: true });
      fs.renameSync(partial, dest);
    } finally {
      fs.rmSync(partial, { force: true });
    }
    return { path: dest };
  }

  private committed(group: ChangeGroup): void {
    for (const l of this.commitListeners) l(group);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

function backupFailed(file: string, e: unknown): OfframpError {
  return new OfframpError({
    code: 'io', file,
    message: `Offramp could not back up ${path.basename(file)} before this change (${(e as Error).message}). Nothing was changed; free some disk space or check that the folder can be written to, then try again.`,
  });
}

/** True for a file Offramp made: a SQLite database marked with Offramp's application id. */
function isOfframpWorkspace(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile() || !hasSqliteHeader(file)) return false;
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.pragma('application_id', { simple: true }) as number) === APPLICATION_ID;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}
