// Schema version 3: one summary row per candidate (counts, sums, exact p50/p95), kept in the same transaction as the
// evaluation rows, so planning never scans raw rows. An index on (candidate_id, latency_ms) makes each percentile one
// ordered index step instead of a sort. Derived data: recomputed from the rows, never recorded for undo.
import type { Database } from 'better-sqlite3';
import { refreshAllEvaluationAggregates } from '../evaluationAggregates.ts';

export const version = 3;

export function updateToSchemaVersion3(db: Database): void {
  db.exec(`
    CREATE TABLE evaluation_aggregates (
      candidate_id INTEGER PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE,
      sample_size INTEGER NOT NULL,
      cost_count INTEGER NOT NULL,
      cost_sum REAL NOT NULL,
      latency_count INTEGER NOT NULL,
      p50_latency_ms REAL,
      p95_latency_ms REAL,
      correct_known INTEGER NOT NULL, correct_yes INTEGER NOT NULL,
      grounded_known INTEGER NOT NULL, grounded_yes INTEGER NOT NULL,
      refused_known INTEGER NOT NULL, refused_yes INTEGER NOT NULL,
      hallucinated_known INTEGER NOT NULL, hallucinated_yes INTEGER NOT NULL,
      win_known INTEGER NOT NULL, win_yes INTEGER NOT NULL
    ) STRICT;
    DROP INDEX IF EXISTS evaluation_rows_candidate;
    CREATE INDEX evaluation_rows_candidate_latency ON evaluation_rows(candidate_id, latency_ms);
  `);
  refreshAllEvaluationAggregates(db);
}
