// The per-candidate evaluation summaries (schema version 3): refreshed inside the transaction that wrote the rows,
// read by the planner instead of the rows. p50/p95 stay exact: each is one step down the (candidate_id, latency_ms) index.
import type { Database } from 'better-sqlite3';
import { nearestRank, type CandidateAggregate } from '../../shared/evaluation/candidateAggregate.ts';
import { prepared, type ChangeGroup, type Row } from './changes.ts';

const SUMS = `
  SELECT candidate_id AS candidateId, count(*) AS sampleSize, count(cost_usd) AS costCount, total(cost_usd) AS costSum,
    count(latency_ms) AS latencyCount,
    count(correct) AS correctKnown, total(correct) AS correctYes, count(grounded) AS groundedKnown, total(grounded) AS groundedYes,
    count(refused) AS refusedKnown, total(refused) AS refusedYes, count(hallucinated) AS hallucinatedKnown, total(hallucinated) AS hallucinatedYes,
    count(win_vs_baseline) AS winKnown, total(win_vs_baseline) AS winYes
  FROM evaluation_rows`;

const UPSERT = `INSERT OR REPLACE INTO evaluation_aggregates (candidate_id, sample_size, cost_count, cost_sum, latency_count,
  p50_latency_ms, p95_latency_ms, correct_known, correct_yes, grounded_known, grounded_yes, refused_known, refused_yes,
  hallucinated_known, hallucinated_yes, win_known, win_yes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

type Sums = Omit<CandidateAggregate, 'p50LatencyMs' | 'p95LatencyMs'>;

function storeAggregate(db: Database, a: CandidateAggregate): void {
  prepared(db, UPSERT).run(a.candidateId, a.sampleSize, a.costCount, a.costSum, a.latencyCount, a.p50LatencyMs, a.p95LatencyMs,
    a.correctKnown, a.correctYes, a.groundedKnown, a.groundedYes, a.refusedKnown, a.refusedYes,
    a.hallucinatedKnown, a.hallucinatedYes, a.winKnown, a.winYes);
}

function latencyAtRank(db: Database, candidateId: number, rank: number): number | null {
  if (rank === 0) return null;
  const row = prepared(db, 'SELECT latency_ms AS v FROM evaluation_rows WHERE candidate_id = ? AND latency_ms IS NOT NULL ORDER BY latency_ms LIMIT 1 OFFSET ?')
    .get(candidateId, rank - 1) as { v: number } | undefined;
  return row?.v ?? null;
}

function store(db: Database, s: Sums): void {
  const p50 = latencyAtRank(db, s.candidateId, nearestRank(s.latencyCount, 50));
  const p95 = latencyAtRank(db, s.candidateId, nearestRank(s.latencyCount, 95));
  prepared(db, UPSERT).run(s.candidateId, s.sampleSize, s.costCount, s.costSum, s.latencyCount, p50, p95,
    s.correctKnown, s.correctYes, s.groundedKnown, s.groundedYes, s.refusedKnown, s.refusedYes,
    s.hallucinatedKnown, s.hallucinatedYes, s.winKnown, s.winYes);
}

/** Recomputes the summaries of these candidates from their rows (a deleted candidate's summary goes too). */
export function refreshEvaluationAggregates(db: Database, candidateIds: Iterable<number>): void {
  for (const id of candidateIds) {
    const exists = prepared(db, 'SELECT 1 FROM candidates WHERE id = ?').get(id);
    if (!exists) {
      prepared(db, 'DELETE FROM evaluation_aggregates WHERE candidate_id = ?').run(id);
      continue;
    }
    const sums = prepared(db, `${SUMS} WHERE candidate_id = ?`).get(id) as Sums;
    store(db, { ...sums, candidateId: id });
  }
}

/** Every candidate's summary from scratch (the migration, and workspaces filled by raw SQL in benchmarks). */
export function refreshAllEvaluationAggregates(db: Database): void {
  prepared(db, 'DELETE FROM evaluation_aggregates').run();
  const withRows = new Set<number>();
  for (const s of prepared(db, `${SUMS} GROUP BY candidate_id`).all() as Sums[]) {
    withRows.add(s.candidateId);
    store(db, s);
  }
  for (const { id } of prepared(db, 'SELECT id FROM candidates').all() as { id: number }[]) {
    if (!withRows.has(id)) refreshEvaluationAggregates(db, [id]);
  }
}

/** Candidates whose rows a change group wrote (bulk changes carry their rows in `rows`). */
export function candidatesTouchedBy(group: ChangeGroup): Set<number> {
  const ids = new Set<number>();
  for (const c of group.changes) {
    if (c.table === 'candidates') ids.add(Number(c.key.id));
    else if (c.table === 'evaluation_rows') {
      const bulk = (c as { rows?: Row[] }).rows;
      for (const row of bulk ?? [c.before, c.after]) if (row && row.candidate_id !== undefined) ids.add(Number(row.candidate_id));
    }
  }
  return ids;
}

/**
 * Rows a group bulk-inserted per candidate, for candidates whose rows since then only grew by those bulk inserts
 * (deletes before them are fine: an import replacing a candidate's rows). Null marks a candidate to read back.
 */
function bulkInsertedRows(group: ChangeGroup): Map<number, Row[] | CandidateAggregate | null> {
  const per = new Map<number, Row[] | CandidateAggregate | null>();
  const spoil = (row: Row | null) => {
    if (row && row.candidate_id !== undefined) per.set(Number(row.candidate_id), null);
  };
  for (const c of group.changes) {
    if (c.table !== 'evaluation_rows') continue;
    if (c.held) {
      // A held insert brings its summaries when an import made it; a candidate seen twice is read back.
      const sums = c.bulk === 'insert' ? c.held.aggregates : undefined;
      const given = new Set<number>();
      for (const a of sums ?? []) {
        given.add(a.candidateId);
        per.set(a.candidateId, per.has(a.candidateId) ? null : a);
      }
      for (const row of c.rows ?? []) {
        const id = Number(row.candidate_id);
        if (c.bulk === 'delete' ? per.has(id) : !given.has(id)) per.set(id, null);
      }
    } else if (c.bulk === 'insert' && c.rows) {
      for (const row of c.rows) {
        const id = Number(row.candidate_id);
        const list = per.get(id);
        if (list === undefined) per.set(id, [row]);
        else if (Array.isArray(list)) list.push(row);
        else per.set(id, null);
      }
    } else if ((c.bulk === 'delete' && c.rows) || (!c.bulk && c.after === null)) {
      // A delete after this group's inserts of the same candidate would leave rows we no longer hold in order.
      for (const row of c.rows ?? [c.before]) if (row && per.has(Number(row.candidate_id))) spoil(row);
    } else {
      spoil(c.before);
      spoil(c.after);
    }
  }
  return per;
}

/** SQLite's total(): Kahan-Babuska-Neumaier summation of REAL values, so the summary equals the one read back. */
function kbnTotal(sum: { s: number; err: number }, r: number): void {
  const t = sum.s + r;
  sum.err += Math.abs(sum.s) > Math.abs(r) ? (sum.s - t) + r : (r - t) + sum.s;
  sum.s = t;
}

/** A yes/no column's tally: known values and how many said yes. */
interface Tally { known: number; yes: number }

/** Adds a flag value to its tally; false when the value is neither a number nor null (then the rows are read back). */
function tally(t: Tally, v: unknown): boolean {
  if (typeof v === 'number') {
    t.known += 1;
    t.yes += v;
    return true;
  }
  return v === null;
}

/** The summary of a candidate's rows from the rows in hand (numbers and nulls only), or null when any is something else. Straight-line on purpose: it runs once per imported row. */
function sumsOfRows(candidateId: number, rows: Row[]): { sums: Sums; latencies: Float64Array } | null {
  const cost = { s: 0, err: 0 };
  let costCount = 0;
  let latencyCount = 0;
  const correct = { known: 0, yes: 0 }, grounded = { known: 0, yes: 0 }, refused = { known: 0, yes: 0 };
  const hallucinated = { known: 0, yes: 0 }, win = { known: 0, yes: 0 };
  const latencies = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const c = row.cost_usd;
    if (typeof c === 'number') {
      costCount += 1;
      kbnTotal(cost, c);
    } else if (c !== null) return null;
    const l = row.latency_ms;
    if (typeof l === 'number') latencies[latencyCount++] = l;
    else if (l !== null) return null;
    if (!(tally(correct, row.correct) && tally(grounded, row.grounded) && tally(refused, row.refused)
      && tally(hallucinated, row.hallucinated) && tally(win, row.win_vs_baseline))) return null;
  }
  const costSum = Number.isFinite(cost.err) ? cost.s + cost.err : cost.s;
  return {
    sums: {
      candidateId, sampleSize: rows.length, costCount, costSum, latencyCount,
      correctKnown: correct.known, correctYes: correct.yes, groundedKnown: grounded.known, groundedYes: grounded.yes,
      refusedKnown: refused.known, refusedYes: refused.yes, hallucinatedKnown: hallucinated.known, hallucinatedYes: hallucinated.yes,
      winKnown: win.known, winYes: win.yes,
    },
    latencies: latencies.subarray(0, latencyCount).sort(),
  };
}

/** Keeps the summaries in step with a change group, inside its transaction. */
export function maintainEvaluationAggregates(db: Database, group: ChangeGroup): void {
  const ids = candidatesTouchedBy(group);
  if (ids.size === 0) return;
  // An import's rows are still in hand: summing them beats reading 100,000 rows back through the index.
  const inHand = bulkInsertedRows(group);
  const rest: number[] = [];
  const count = (id: number) => (prepared(db, 'SELECT count(*) AS n FROM evaluation_rows WHERE candidate_id = ?').get(id) as { n: number }).n;
  for (const id of ids) {
    const rows = inHand.get(id);
    if (rows && !Array.isArray(rows)) {
      // An import's own summary of what it wrote, when that is every row the candidate has.
      if (count(id) === rows.sampleSize) {
        storeAggregate(db, rows);
        continue;
      }
      rest.push(id);
      continue;
    }
    // Every row the candidate has now is one of these exactly when the counts agree (the index alone answers count).
    const whole = rows && count(id) === rows.length ? sumsOfRows(id, rows) : null;
    if (!whole) {
      rest.push(id);
      continue;
    }
    const at = (rank: number) => (rank === 0 ? null : whole.latencies[rank - 1]);
    const s = whole.sums;
    prepared(db, UPSERT).run(id, s.sampleSize, s.costCount, s.costSum, s.latencyCount, at(nearestRank(s.latencyCount, 50)), at(nearestRank(s.latencyCount, 95)),
      s.correctKnown, s.correctYes, s.groundedKnown, s.groundedYes, s.refusedKnown, s.refusedYes,
      s.hallucinatedKnown, s.hallucinatedYes, s.winKnown, s.winYes);
  }
  if (rest.length > 0) refreshEvaluationAggregates(db, rest);
}

export function listEvaluationAggregates(db: Database, workloadId?: number): CandidateAggregate[] {
  const cols = `a.candidate_id AS candidateId, a.sample_size AS sampleSize, a.cost_count AS costCount, a.cost_sum AS costSum,
    a.latency_count AS latencyCount, a.p50_latency_ms AS p50LatencyMs, a.p95_latency_ms AS p95LatencyMs,
    a.correct_known AS correctKnown, a.correct_yes AS correctYes, a.grounded_known AS groundedKnown, a.grounded_yes AS groundedYes,
    a.refused_known AS refusedKnown, a.refused_yes AS refusedYes, a.hallucinated_known AS hallucinatedKnown,
    a.hallucinated_yes AS hallucinatedYes, a.win_known AS winKnown, a.win_yes AS winYes`;
  return (workloadId === undefined
    ? prepared(db, `SELECT ${cols} FROM evaluation_aggregates a`).all()
    : prepared(db, `SELECT ${cols} FROM evaluation_aggregates a JOIN candidates c ON c.id = a.candidate_id WHERE c.workload_id = ?`).all(workloadId)) as CandidateAggregate[];
}

/**
 * One candidate's summary summed up row by row as an import reads them (before anything is written), equal to the
 * summary read back from the stored rows: SQLite's compensated total() for cost, exact nearest-rank percentiles from
 * the sorted latencies (kept in one growing Float64Array, not an array of numbers).
 */
export class CandidateSums {
  private n = 0;
  private costCount = 0;
  private costS = 0;
  private costErr = 0;
  private latencies = new Float64Array(1024);
  private latencyCount = 0;
  private correctKnown = 0; private correctYes = 0;
  private groundedKnown = 0; private groundedYes = 0;
  private refusedKnown = 0; private refusedYes = 0;
  private hallucinatedKnown = 0; private hallucinatedYes = 0;
  private winKnown = 0; private winYes = 0;

  /** Straight-line on purpose: it runs once per imported row. */
  add(latency: number | null, cost: number | null, correct: number | null, grounded: number | null, refused: number | null,
    hallucinated: number | null, win: number | null): void {
    this.n += 1;
    if (cost !== null) {
      this.costCount += 1;
      const t = this.costS + cost;
      this.costErr += Math.abs(this.costS) > Math.abs(cost) ? (this.costS - t) + cost : (cost - t) + this.costS;
      this.costS = t;
    }
    if (latency !== null) {
      if (this.latencyCount === this.latencies.length) {
        const grown = new Float64Array(this.latencies.length * 2);
        grown.set(this.latencies);
        this.latencies = grown;
      }
      this.latencies[this.latencyCount++] = latency;
    }
    if (correct !== null) { this.correctKnown += 1; this.correctYes += correct; }
    if (grounded !== null) { this.groundedKnown += 1; this.groundedYes += grounded; }
    if (refused !== null) { this.refusedKnown += 1; this.refusedYes += refused; }
    if (hallucinated !== null) { this.hallucinatedKnown += 1; this.hallucinatedYes += hallucinated; }
    if (win !== null) { this.winKnown += 1; this.winYes += win; }
  }

  get rows(): number {
    return this.n;
  }

  summary(candidateId: number): CandidateAggregate {
    const sorted = this.latencies.subarray(0, this.latencyCount).sort();
    const at = (rank: number) => (rank === 0 ? null : sorted[rank - 1]);
    return {
      candidateId, sampleSize: this.n, costCount: this.costCount,
      costSum: Number.isFinite(this.costErr) ? this.costS + this.costErr : this.costS,
      latencyCount: this.latencyCount, p50LatencyMs: at(nearestRank(this.latencyCount, 50)), p95LatencyMs: at(nearestRank(this.latencyCount, 95)),
      correctKnown: this.correctKnown, correctYes: this.correctYes, groundedKnown: this.groundedKnown, groundedYes: this.groundedYes,
      refusedKnown: this.refusedKnown, refusedYes: this.refusedYes, hallucinatedKnown: this.hallucinatedKnown, hallucinatedYes: this.hallucinatedYes,
      winKnown: this.winKnown, winYes: this.winYes,
    };
  }
}
