// The open workspace: one SQLite file, the undo/redo stacks of this session, and the one wrapper
// (mutate) through which every change is made, recorded and audited.
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { OfframpError } from '../../shared/errors.ts';
import type { WorkspaceInfo } from '../../shared/ipc/inventory.ts';
import { Recorder, applyForward, applyInverse, isEmptyGroup, newGroup, writeAudit, type ChangeGroup } from '../db/changes.ts';
import { latestBackup, openWorkspaceFile } from '../db/open.ts';
import { maintainEvaluationAggregates } from '../db/evaluationAggregates.ts';

const UNDO_LIMIT = 100;

export interface WorkspaceServiceOptions {
  nativeBinding?: string;
  actor: () => string;
  now?: () => Date;
}

export class WorkspaceService {
  private db: Database | null = null;
  private file: string | null = null;
  private schemaVersion = 0;
  private migrationBackup: string | null = null;
  private undoStack: ChangeGroup[] = [];
  private redoStack: ChangeGroup[] = [];
  private readonly options: WorkspaceServiceOptions;
  private readonly listeners = new Set<() => void>();
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
    };
  }

  open(file: string, create = false): WorkspaceInfo {
    const opened = openWorkspaceFile(file, { create, nativeBinding: this.options.nativeBinding, now: () => this.now() });
    this.close();
    this.db = opened.db;
    this.file = opened.path;
    this.schemaVersion = opened.schemaVersion;
    this.migrationBackup = opened.migrationBackup;
    return this.info() as WorkspaceInfo;
  }

  /** Opens a copy of the newest backup next to the damaged file, leaving the damaged file untouched for inspection. */
  openLatestBackup(file: string): WorkspaceInfo {
    const backup = latestBackup(file);
    if (!backup) throw new OfframpError({ code: 'not_found', file, message: `No backup exists for ${file}` });
    const restored = file.replace(/(\.[^./\\]+)?$/, (ext) => `.restored-${this.now().toISOString().slice(0, 10)}${ext || '.offramp'}`);
    if (fs.existsSync(restored)) fs.rmSync(restored);
    fs.copyFileSync(backup, restored);
    return this.open(restored);
  }

  close(): void {
    if (this.db) {
      this.db.close();
    }
    this.db = null;
    this.file = null;
    this.undoStack = [];
    this.redoStack = [];
  }

  database(): Database {
    if (!this.db) throw new OfframpError({ code: 'no_workspace', message: 'No workspace is open. Create one or open an existing file first.' });
    return this.db;
  }

  path(): string {
    this.database();
    return this.file as string;
  }

  /** Runs `fn` in one transaction as one undoable, audited change. */
  mutate<T>(label: string, fn: (db: Database, rec: Recorder) => T, kind: ChangeGroup['kind'] = 'change'): T {
    const db = this.database();
    const group = newGroup(label, kind);
    const result = db.transaction(() => {
      const value = fn(db, new Recorder(db, group));
      maintainEvaluationAggregates(db, group);
      if (!isEmptyGroup(group)) writeAudit(db, group, this.options.actor(), this.now().toISOString());
      return value;
    })();
    if (!isEmptyGroup(group)) {
      this.committed(group);
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
  saveLive<T>(label: string, fn: (db: Database, rec: Recorder) => T): T {
    const db = this.database();
    const group = newGroup(label);
    const result = db.transaction(() => fn(db, new Recorder(db, group)))();
    if (!isEmptyGroup(group)) this.emit();
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

  saveCopy(dest: string): { path: string } {
    const db = this.database();
    if (fs.existsSync(dest)) fs.rmSync(dest);
    db.prepare('VACUUM INTO ?').run(dest);
    return { path: dest };
  }

  private committed(group: ChangeGroup): void {
    for (const l of this.commitListeners) l(group);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
