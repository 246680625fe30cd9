// Every write to a workspace goes through a Recorder, which keeps the full row before and after (or, for the held bulk
// changes of large imports, where the rows are) so a mutation can be undone, redone and written to the audit log as one group.
import type { Database, Statement } from 'better-sqlite3';
import type { CandidateAggregate } from '../../shared/evaluation/candidateAggregate.ts';
import { OfframpError } from '../../shared/errors.ts';

export type Row = Record<string, unknown>;

/**
 * Rows of a held bulk change, named without holding them in JavaScript (a million imported rows): while they are in
 * their table, exactly the rows whose `column` lies between `from` and `to` (one import's ids, or one candidate's
 * rows); while they are out of it (undone, or replaced by a re-import), the rows of `store`, a table in the temp schema
 * of the same connection (never in the workspace file). Undo and redo move them between the two, ids and all. The
 * store is dropped when no undo or redo step refers to the change any more, or with the connection.
 */
export interface HeldRows {
  column: string;
  from: number;
  to: number;
  count: number;
  store: string;
  /** An import's per-candidate summaries of these rows, so that redo need not read them back. */
  aggregates?: CandidateAggregate[];
}

export interface RowChange {
  table: string;
  key: Row;
  before: Row | null;
  after: Row | null;
  /**
   * A bulk change (imports): `rows` were all inserted ('insert') or all deleted ('delete') at once;
   * key, before and after are then empty. One object per table instead of one per row keeps
   * large imports fast and their undo step small.
   */
  bulk?: 'insert' | 'delete';
  /**
   * The rows of a bulk change. For a held change (`held` set), only one row per value of the column that groups
   * them (e.g. `{ candidate_id }` for each candidate whose evaluation rows moved), for readers asking what was touched;
   * readers that need every row read them from `held`.
   */
  rows?: Row[];
  held?: HeldRows;
  /**
   * How many rows a bulk change touched, when its `rows` are built only once read (Recorder.insertEach): counting them
   * must not build them.
   */
  count?: number;
}

export interface ChangeGroup {
  id: string;
  label: string;
  kind: 'change' | 'undo' | 'redo' | 'import';
  changes: RowChange[];
}

/** Primary key columns of every table a Recorder may write. Identifiers only ever come from here. */
export const TABLE_KEYS: Record<string, readonly string[]> = {
  clients: ['id'],
  workloads: ['id'],
  job_profiles: ['workload_id'],
  contracts: ['id'],
  contract_workloads: ['contract_id', 'workload_id'],
  commitments: ['id'],
  commitment_workloads: ['commitment_id', 'workload_id'],
  candidates: ['id'],
  evaluation_rows: ['id'],
  governance: ['candidate_id'],
  sign_offs: ['candidate_id', 'role'],
  fine_tuning_jobs: ['id'],
  overrides: ['workload_id', 'job'],
  policy: ['id'],
  plan_snapshots: ['id'],
  workshops: ['id'],
  workshop_agenda_items: ['id'],
  workshop_notes: ['id'],
  workshop_decisions: ['id'],
  workshop_actions: ['id'],
  workshop_votes: ['item_id', 'participant', 'option_key'],
  workshop_classifications: ['item_id'],
};

/**
 * Columns only live channels write (a workshop's presenter state and timers; see ChannelSpec.live). Undo and
 * redo of an edit leave them as they are now, so undoing a title change never rewinds the running session.
 */
export const LIVE_COLUMNS: Record<string, readonly string[]> = {
  workshops: ['status', 'current_item_id'],
  workshop_agenda_items: ['started_at', 'ended_at', 'elapsed_seconds', 'running_since'],
};

const statementCache = new WeakMap<Database, Map<string, Statement>>();
const columnCache = new WeakMap<Database, Map<string, Set<string>>>();

/** One compiled statement per SQL text and database, reused across calls (repositories run the same queries often). */
export function prepared(db: Database, sql: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

function keyColumns(table: string): readonly string[] {
  const keys = TABLE_KEYS[table];
  if (!keys) throw new OfframpError({ code: 'internal', message: `No table named ${table} may be written` });
  return keys;
}

function tableColumns(db: Database, table: string): Set<string> {
  let cache = columnCache.get(db);
  if (!cache) columnCache.set(db, (cache = new Map()));
  let known = cache.get(table);
  if (!known) {
    known = new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
    cache.set(table, known);
  }
  return known;
}

/** Column names are checked against the schema so no caller-supplied text ever reaches SQL. */
function checkColumns(db: Database, table: string, columns: string[]): void {
  const known = tableColumns(db, table);
  for (const c of columns) {
    if (!known.has(c)) throw new OfframpError({ code: 'internal', message: `Table ${table} has no column ${c}` });
  }
}

/** INSERT of every given column, one placeholder each. */
function insertSql(table: string, columns: readonly string[]): string {
  return `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
}

function whereClause(columns: readonly string[]): string {
  return columns.map((c) => `"${c}" = ?`).join(' AND ');
}

export class Recorder {
  readonly group: ChangeGroup;
  private readonly db: Database;

  constructor(db: Database, group: ChangeGroup) {
    this.db = db;
    this.group = group;
  }

  selectByKey(table: string, key: Row): Row | null {
    const cols = keyColumns(table);
    return (prepared(this.db, `SELECT * FROM "${table}" WHERE ${whereClause(cols)}`).get(...cols.map((c) => key[c])) as Row | undefined) ?? null;
  }

  private keyOf(table: string, row: Row): Row {
    return Object.fromEntries(keyColumns(table).map((c) => [c, row[c]]));
  }

  /** Inserts a row and returns its integer id (or rowid for tables keyed otherwise). */
  insert(table: string, row: Row): number {
    const columns = Object.keys(row);
    checkColumns(this.db, table, columns);
    const info = prepared(this.db, insertSql(table, columns)).run(...columns.map((c) => row[c]));
    const keys = keyColumns(table);
    const generatedId = keys.length === 1 && keys[0] === 'id' && row.id === undefined;
    const key = generatedId ? { id: Number(info.lastInsertRowid) } : this.keyOf(table, row);
    // When every column was given, the stored row is the given row: skip reading it back (bulk imports).
    const complete = tableColumns(this.db, table).size === columns.length + (generatedId ? 1 : 0);
    const after = complete ? { ...row, ...key } : this.selectByKey(table, key);
    this.group.changes.push({ table, key, before: null, after });
    return Number(info.lastInsertRowid);
  }

  /** Inserts many complete rows (every column given but a generated id, same columns each) with one statement: bulk imports. The rows are kept (and get their id) as one recorded bulk change. */
  insertMany(table: string, rows: Row[]): void {
    if (this.writeMany(table, rows)) this.group.changes.push({ table, key: {}, before: null, after: null, bulk: 'insert', rows });
  }

  private writeMany(table: string, rows: Row[]): boolean {
    if (rows.length === 0) return false;
    const columns = Object.keys(rows[0]);
    checkColumns(this.db, table, columns);
    const keys = keyColumns(table);
    const generatedId = keys.length === 1 && keys[0] === 'id' && !columns.includes('id');
    if (tableColumns(this.db, table).size !== columns.length + (generatedId ? 1 : 0)) {
      throw new OfframpError({ code: 'internal', message: `insertMany into ${table} needs every column` });
    }
    // One reused argument array: positional binding measured faster than named binding of each row object (and than
    // several rows to a statement, which measured slower for the jobs list).
    const stmt = prepared(this.db, insertSql(table, columns));
    const args: unknown[] = new Array(columns.length);
    for (const row of rows) {
      for (let i = 0; i < columns.length; i++) args[i] = row[columns[i]];
      const info = stmt.run(args);
      // The caller hands its rows over: keep them as the recorded after-state instead of copying 100,000 objects.
      if (generatedId) row.id = Number(info.lastInsertRowid);
    }
    return true;
  }

  /**
   * Inserts `count` complete rows of `table` (every column, in `columns` order) with one prepared statement that
   * `write(insert, i)` runs with row i's values as arguments: no row object is made per row (a jobs list's 10,000;
   * positional arguments also bind faster than an array or an object). Recorded as one bulk change whose rows `rowOf`
   * (which must build the very row written) builds only when undo, redo or a small change's audit reads them.
   */
  insertEach(table: string, columns: readonly string[], count: number, write: (insert: Statement, i: number) => void, rowOf: (i: number) => Row): void {
    if (count === 0) return;
    checkColumns(this.db, table, [...columns]);
    if (tableColumns(this.db, table).size !== columns.length) {
      throw new OfframpError({ code: 'internal', message: `insertEach into ${table} needs every column` });
    }
    const insert = prepared(this.db, insertSql(table, columns));
    for (let i = 0; i < count; i++) write(insert, i);
    let rows: Row[] | undefined;
    this.group.changes.push({
      table, key: {}, before: null, after: null, bulk: 'insert', count,
      get rows() {
        return (rows ??= Array.from({ length: count }, (_, i) => rowOf(i)));
      },
    });
  }

  /** Deletes rows (as read from the table) by their keys, recorded as one bulk change: undo of a bulk insert. */
  private deleteMany(table: string, rows: Row[]): void {
    if (rows.length === 0) return;
    const keys = keyColumns(table);
    const stmt = prepared(this.db, `DELETE FROM "${table}" WHERE ${whereClause(keys)}`);
    const args: unknown[] = new Array(keys.length);
    for (const row of rows) {
      for (let i = 0; i < keys.length; i++) args[i] = row[keys[i]];
      stmt.run(args);
    }
    this.group.changes.push({ table, key: {}, before: null, after: null, bulk: 'delete', rows });
  }

  /** Puts a bulk change's rows back (present = inserted, else deleted): undo and redo of imports. */
  restoreMany(table: string, rows: Row[], present: boolean): void {
    if (!present) this.deleteMany(table, rows);
    else if (this.writeMany(table, rows)) this.group.changes.push({ table, key: {}, before: null, after: null, bulk: 'insert', rows });
  }

  /**
   * Records rows the caller has just inserted with one INSERT … SELECT (ids `from`..`to` of `table`, consecutive) as one
   * held bulk change; `touched` names the groups they belong to (see RowChange.rows).
   */
  insertedRange(table: string, from: number, to: number, touched: Row[], aggregates?: CandidateAggregate[]): void {
    keyColumns(table);
    if (to < from) return;
    const held: HeldRows = { column: 'id', from, to, count: to - from + 1, store: heldStoreName(this.db), aggregates };
    this.group.changes.push({ table, key: {}, before: null, after: null, bulk: 'insert', rows: touched, held });
  }

  /**
   * Deletes every row whose `column` equals `value`, keeping them in a temp-schema table for undo instead of in
   * JavaScript (a re-import replacing a candidate's million rows), recorded as one held bulk change.
   */
  deleteHeld(table: string, column: string, value: number): number {
    checkColumns(this.db, table, [column]);
    keyColumns(table);
    const { n } = prepared(this.db, `SELECT count(*) AS n FROM main."${table}" WHERE "${column}" = ?`).get(value) as { n: number };
    if (n === 0) return 0;
    const held: HeldRows = { column, from: value, to: value, count: n, store: heldStoreName(this.db) };
    moveOut(this.db, table, held);
    this.group.changes.push({ table, key: {}, before: null, after: null, bulk: 'delete', rows: [{ [column]: value }], held });
    return n;
  }

  /** Puts a held change's rows back in their table (present) or takes them out again: undo and redo of imports. */
  restoreHeld(change: RowChange, present: boolean): void {
    const held = change.held as HeldRows;
    if (present) moveIn(this.db, change.table, held);
    else moveOut(this.db, change.table, held);
    this.group.changes.push({ table: change.table, key: {}, before: null, after: null, bulk: present ? 'insert' : 'delete', rows: change.rows, held });
  }

  /** Updates the given columns of one row; records nothing when no value changes. */
  update(table: string, key: Row, patch: Row): Row {
    const before = this.selectByKey(table, key);
    if (!before) throw new OfframpError({ code: 'not_found', message: `No ${table.replace(/s$/, '')} with ${JSON.stringify(key)} (it may have been deleted)` });
    const columns = Object.keys(patch).filter((c) => patch[c] !== before[c]);
    if (columns.length === 0) return before;
    checkColumns(this.db, table, columns);
    const keys = keyColumns(table);
    const sql = `UPDATE "${table}" SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE ${whereClause(keys)}`;
    prepared(this.db, sql).run(...columns.map((c) => patch[c]), ...keys.map((c) => key[c]));
    const after = this.selectByKey(table, key);
    this.group.changes.push({ table, key, before, after });
    return after as Row;
  }

  delete(table: string, key: Row): boolean {
    const before = this.selectByKey(table, key);
    if (!before) return false;
    const keys = keyColumns(table);
    prepared(this.db, `DELETE FROM "${table}" WHERE ${whereClause(keys)}`).run(...keys.map((c) => key[c]));
    this.group.changes.push({ table, key, before, after: null });
    return true;
  }

  /** Deletes every row matching `where` (column = value), one recorded change per row. */
  deleteWhere(table: string, where: Row): number {
    const columns = Object.keys(where);
    checkColumns(this.db, table, columns);
    const rows = prepared(this.db, `SELECT * FROM "${table}" WHERE ${whereClause(columns)}`).all(...columns.map((c) => where[c])) as Row[];
    for (const row of rows) this.delete(table, this.keyOf(table, row));
    return rows.length;
  }

  /**
   * Deletes every row matching `where` with one statement, recorded as one bulk change (its rows in
   * `rows`, key empty): for imports that replace many rows. Readers of changes must look at `rows`.
   */
  deleteAllWhere(table: string, where: Row): number {
    const columns = Object.keys(where);
    checkColumns(this.db, table, columns);
    keyColumns(table);
    const values = columns.map((c) => where[c]);
    const rows = prepared(this.db, `SELECT * FROM "${table}" WHERE ${whereClause(columns)}`).all(...values) as Row[];
    if (rows.length === 0) return 0;
    prepared(this.db, `DELETE FROM "${table}" WHERE ${whereClause(columns)}`).run(...values);
    this.group.changes.push({ table, key: {}, before: null, after: null, bulk: 'delete', rows });
    return rows.length;
  }

  /** Puts a row back exactly as it was (used by undo and redo). */
  restore(table: string, target: Row | null, key: Row): void {
    const current = this.selectByKey(table, key);
    if (target === null) {
      if (current) this.delete(table, key);
    } else if (current === null) {
      this.insert(table, target);
    } else {
      const live = LIVE_COLUMNS[table];
      this.update(table, key, live ? Object.fromEntries(Object.entries(target).filter(([c]) => !live.includes(c))) : target);
    }
  }
}

// ---------------------------------------------------------------- held rows

let heldStores = 0;
/** Stores the collector found unreferenced while a transaction was open, per connection: dropped at the next chance. */
const dropLater = new WeakMap<Database, string[]>();
const heldRegistry = new FinalizationRegistry<{ db: Database; store: string }>(({ db, store }) => dropStore(db, store));

function dropStore(db: Database, store: string): void {
  if (!db.open) return;
  if (db.inTransaction) {
    const list = dropLater.get(db) ?? [];
    list.push(store);
    dropLater.set(db, list);
    return;
  }
  try {
    db.exec(`DROP TABLE IF EXISTS temp."${store}"`);
  } catch {
    // A statement still reading on this connection: try again later.
    const list = dropLater.get(db) ?? [];
    list.push(store);
    dropLater.set(db, list);
  }
}

/** A fresh temp-table name for a held change's rows; earlier stores no longer needed are dropped first. */
function heldStoreName(db: Database): string {
  const later = dropLater.get(db);
  if (later?.length) {
    dropLater.delete(db);
    for (const store of later) db.exec(`DROP TABLE IF EXISTS temp."${store}"`);
  }
  heldStores += 1;
  return `offramp_held_${heldStores}`;
}

/** Held rows whose store's life is tied to them: once no undo or redo step refers to them, the store goes. */
const tracked = new WeakSet<HeldRows>();

/** Takes a held change's rows out of their table into its store (created empty with the table's columns). */
function moveOut(db: Database, table: string, held: HeldRows): void {
  if (!tracked.has(held)) {
    tracked.add(held);
    heldRegistry.register(held, { db, store: held.store });
  }
  const where = `"${held.column}" BETWEEN ? AND ?`;
  db.exec(`DROP TABLE IF EXISTS temp."${held.store}"`);
  db.exec(`CREATE TEMP TABLE "${held.store}" AS SELECT * FROM main."${table}" WHERE 0`);
  // Statements naming a store are prepared once and not cached: each store is used once or twice.
  db.prepare(`INSERT INTO temp."${held.store}" SELECT * FROM main."${table}" WHERE ${where}`).run(held.from, held.to);
  prepared(db, `DELETE FROM main."${table}" WHERE ${where}`).run(held.from, held.to);
}

/** Puts a held change's rows back from its store, ids and all, and empties the store. */
function moveIn(db: Database, table: string, held: HeldRows): void {
  db.prepare(`INSERT INTO main."${table}" SELECT * FROM temp."${held.store}"`).run();
  db.exec(`DROP TABLE temp."${held.store}"`);
}

/** The rows of a held change as they are now (in the table, or in its store): for the audit of a small one. */
export function heldRows(db: Database, table: string, held: HeldRows, present: boolean): Row[] {
  return present
    ? db.prepare(`SELECT * FROM main."${table}" WHERE "${held.column}" BETWEEN ? AND ? ORDER BY rowid`).all(held.from, held.to) as Row[]
    : db.prepare(`SELECT * FROM temp."${held.store}" ORDER BY rowid`).all() as Row[];
}

export function newGroup(label: string, kind: ChangeGroup['kind'] = 'change'): ChangeGroup {
  return { id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, label, kind, changes: [] };
}

/** A group that has no visible effect (e.g. saving a form without edits) is not worth an undo step. */
export function isEmptyGroup(group: ChangeGroup): boolean {
  return group.changes.length === 0;
}

/** Applies the inverse of `group` through `rec` (newest change first). */
export function applyInverse(rec: Recorder, group: ChangeGroup): void {
  for (let i = group.changes.length - 1; i >= 0; i--) {
    const c = group.changes[i];
    if (c.held) rec.restoreHeld(c, c.bulk === 'delete');
    else if (c.bulk && c.rows) rec.restoreMany(c.table, c.rows, c.bulk === 'delete');
    else rec.restore(c.table, c.before, c.key);
  }
}

/** Applies `group` again, oldest change first. */
export function applyForward(rec: Recorder, group: ChangeGroup): void {
  for (const c of group.changes) {
    if (c.held) rec.restoreHeld(c, c.bulk === 'insert');
    else if (c.bulk && c.rows) rec.restoreMany(c.table, c.rows, c.bulk === 'insert');
    else rec.restore(c.table, c.after, c.key);
  }
}

/** Rows a change touches: one for a row change, all of them for a bulk change. */
export function changeSize(c: RowChange): number {
  return c.held?.count ?? c.count ?? c.rows?.length ?? 1;
}

const BULK_AUDIT_THRESHOLD = 200;

/** Writes the audit rows of a committed group; bulk writes to one table are summarised in one row. */
export function writeAudit(db: Database, group: ChangeGroup, actor: string, at: string): void {
  const insert = prepared(db, 'INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after, change_group) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const perTable = new Map<string, RowChange[]>();
  for (const c of group.changes) {
    const list = perTable.get(c.table) ?? [];
    list.push(c);
    perTable.set(c.table, list);
  }
  for (const [table, changes] of perTable) {
    const size = changes.reduce((n, c) => n + changeSize(c), 0);
    if (size > BULK_AUDIT_THRESHOLD) {
      let created = 0;
      let deleted = 0;
      for (const c of changes) {
        if (c.bulk === 'insert') created += changeSize(c);
        else if (c.bulk === 'delete') deleted += changeSize(c);
        else if (!c.before) created += 1;
        else if (!c.after) deleted += 1;
      }
      insert.run(at, actor, group.kind === 'change' ? 'import' : group.kind, table, '*', null,
        JSON.stringify({ label: group.label, created, deleted, updated: size - created - deleted }), group.id);
      continue;
    }
    // A small bulk change is audited row by row, like any other.
    const keys = TABLE_KEYS[table] ?? [];
    const rowChanges = changes.flatMap((c) => (c.bulk && (c.held || c.rows)
      ? (c.held ? heldRows(db, table, c.held, c.bulk === 'insert') : c.rows as Row[]).map((r) => ({ table, key: Object.fromEntries(keys.map((k) => [k, r[k]])), before: c.bulk === 'delete' ? r : null, after: c.bulk === 'insert' ? r : null }))
      : [c]));
    for (const c of rowChanges) {
      const action = group.kind !== 'change' ? group.kind : !c.before ? 'create' : !c.after ? 'delete' : 'update';
      insert.run(at, actor, action, table, Object.values(c.key).join('/'), c.before ? JSON.stringify(c.before) : null,
        c.after ? JSON.stringify(c.after) : null, group.id);
    }
  }
}
