// Schema version 1: every entity of DESIGN.md. STRICT tables, enumerations checked, no cascades
// (repositories delete children themselves so every removed row is recorded for undo and audit).
import type { Database } from 'better-sqlite3';

export const version = 1;

export function updateToSchemaVersion1(db: Database): void {
  db.exec(`
    CREATE TABLE clients (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE workloads (
      id INTEGER PRIMARY KEY,
      client_id INTEGER NOT NULL REFERENCES clients(id),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      kind TEXT NOT NULL CHECK (kind IN ('product', 'workflow', 'feature')),
      fine_tuned_model TEXT NOT NULL DEFAULT '',
      base_model TEXT NOT NULL DEFAULT '',
      owner TEXT NOT NULL DEFAULT '',
      criticality TEXT NOT NULL CHECK (criticality IN ('business_critical', 'important', 'experimental')),
      deployment TEXT NOT NULL CHECK (deployment IN ('cloud', 'edge', 'on_prem')),
      residency TEXT,
      regulated INTEGER NOT NULL CHECK (regulated IN (0, 1)),
      audit_trail_required INTEGER NOT NULL CHECK (audit_trail_required IN (0, 1)),
      monthly_volume INTEGER NOT NULL CHECK (monthly_volume >= 0),
      latency_target_ms REAL CHECK (latency_target_ms > 0),
      pairwise_feedback INTEGER NOT NULL CHECK (pairwise_feedback >= 0),
      knowledge_change_frequency TEXT NOT NULL CHECK (knowledge_change_frequency IN ('daily', 'weekly', 'monthly', 'quarterly', 'rarely')),
      baseline_accuracy REAL CHECK (baseline_accuracy BETWEEN 0 AND 1),
      baseline_p95_ms REAL CHECK (baseline_p95_ms > 0),
      baseline_cost_per_1k REAL CHECK (baseline_cost_per_1k >= 0),
      start_date TEXT,
      retrain_cadence_days REAL,
      last_retrain_date TEXT,
      source_key TEXT UNIQUE,
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX workloads_client ON workloads(client_id);

    CREATE TABLE job_profiles (
      workload_id INTEGER PRIMARY KEY REFERENCES workloads(id),
      knowledge REAL NOT NULL CHECK (knowledge BETWEEN 0 AND 100),
      format REAL NOT NULL CHECK (format BETWEEN 0 AND 100),
      style REAL NOT NULL CHECK (style BETWEEN 0 AND 100),
      behavior REAL NOT NULL CHECK (behavior BETWEEN 0 AND 100),
      ranking REAL NOT NULL CHECK (ranking BETWEEN 0 AND 100),
      sources TEXT NOT NULL CHECK (json_valid(sources)),
      confirmed INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
      evidence TEXT NOT NULL CHECK (json_valid(evidence)),
      answers TEXT CHECK (answers IS NULL OR json_valid(answers))
    ) STRICT;

    CREATE TABLE contracts (
      id INTEGER PRIMARY KEY,
      client_id INTEGER REFERENCES clients(id),
      name TEXT NOT NULL,
      party TEXT NOT NULL CHECK (party IN ('vendor', 'client')),
      counterparty TEXT NOT NULL DEFAULT '',
      renewal_date TEXT,
      notice_days INTEGER NOT NULL CHECK (notice_days >= 0),
      notes TEXT NOT NULL DEFAULT ''
    ) STRICT;

    CREATE TABLE contract_workloads (
      contract_id INTEGER NOT NULL REFERENCES contracts(id),
      workload_id INTEGER NOT NULL REFERENCES workloads(id),
      PRIMARY KEY (contract_id, workload_id)
    ) STRICT;
    CREATE INDEX contract_workloads_workload ON contract_workloads(workload_id);

    CREATE TABLE commitments (
      id INTEGER PRIMARY KEY,
      client_id INTEGER NOT NULL REFERENCES clients(id),
      customer TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('accuracy', 'latency', 'residency', 'availability', 'other')),
      threshold REAL,
      description TEXT NOT NULL DEFAULT '',
      due_date TEXT,
      notice_days INTEGER NOT NULL CHECK (notice_days >= 0),
      penalty TEXT
    ) STRICT;

    CREATE TABLE commitment_workloads (
      commitment_id INTEGER NOT NULL REFERENCES commitments(id),
      workload_id INTEGER NOT NULL REFERENCES workloads(id),
      PRIMARY KEY (commitment_id, workload_id)
    ) STRICT;
    CREATE INDEX commitment_workloads_workload ON commitment_workloads(workload_id);

    CREATE TABLE candidates (
      id INTEGER PRIMARY KEY,
      workload_id INTEGER NOT NULL REFERENCES workloads(id),
      name TEXT NOT NULL,
      approach TEXT NOT NULL CHECK (approach IN ('rag', 'prompting', 'open_weight', 'preference', 'multi_model')),
      self_hostable INTEGER NOT NULL CHECK (self_hostable IN (0, 1)),
      data_region TEXT,
      policy_update_hours REAL,
      explainability INTEGER CHECK (explainability BETWEEN 1 AND 5),
      notes TEXT NOT NULL DEFAULT '',
      UNIQUE (workload_id, name)
    ) STRICT;

    CREATE TABLE evaluation_rows (
      id INTEGER PRIMARY KEY,
      candidate_id INTEGER NOT NULL REFERENCES candidates(id),
      task_id TEXT NOT NULL,
      latency_ms REAL,
      cost_usd REAL,
      correct INTEGER,
      grounded INTEGER,
      refused INTEGER,
      hallucinated INTEGER,
      win_vs_baseline INTEGER
    ) STRICT;
    CREATE INDEX evaluation_rows_candidate ON evaluation_rows(candidate_id);

    CREATE TABLE governance (
      candidate_id INTEGER PRIMARY KEY REFERENCES candidates(id),
      workload_id INTEGER NOT NULL REFERENCES workloads(id),
      data_location TEXT NOT NULL DEFAULT '',
      inspectors TEXT NOT NULL DEFAULT '',
      audit_trail INTEGER NOT NULL CHECK (audit_trail IN (0, 1))
    ) STRICT;

    CREATE TABLE sign_offs (
      candidate_id INTEGER NOT NULL REFERENCES candidates(id),
      role TEXT NOT NULL CHECK (role IN ('legal', 'security', 'compliance')),
      status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
      by TEXT NOT NULL DEFAULT '',
      at TEXT,
      PRIMARY KEY (candidate_id, role)
    ) STRICT;

    CREATE TABLE fine_tuning_jobs (
      id TEXT PRIMARY KEY,
      workload_id INTEGER REFERENCES workloads(id),
      model TEXT NOT NULL,
      fine_tuned_model TEXT,
      status TEXT NOT NULL,
      created_at TEXT,
      finished_at TEXT,
      trained_tokens INTEGER,
      training_file TEXT,
      suffix TEXT
    ) STRICT;

    CREATE TABLE overrides (
      workload_id INTEGER NOT NULL REFERENCES workloads(id),
      job TEXT NOT NULL CHECK (job IN ('knowledge', 'format', 'style', 'behavior', 'ranking')),
      approach TEXT NOT NULL CHECK (approach IN ('rag', 'prompting', 'open_weight', 'preference', 'multi_model')),
      reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      actor TEXT NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (workload_id, job)
    ) STRICT;

    -- One row: the deadline policy. Lists are JSON so the policy is edited and undone as one value.
    CREATE TABLE policy (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      events TEXT NOT NULL CHECK (json_valid(events)),
      retest_days INTEGER NOT NULL CHECK (retest_days >= 0),
      rollback_days INTEGER NOT NULL CHECK (rollback_days >= 0),
      holidays TEXT NOT NULL CHECK (json_valid(holidays)),
      blackouts TEXT NOT NULL CHECK (json_valid(blackouts)),
      capacity INTEGER CHECK (capacity IS NULL OR capacity >= 1),
      step_durations TEXT NOT NULL CHECK (json_valid(step_durations))
    ) STRICT;

    CREATE TABLE plan_snapshots (
      id INTEGER PRIMARY KEY,
      taken_at TEXT NOT NULL,
      label TEXT NOT NULL,
      today TEXT NOT NULL,
      plan TEXT NOT NULL CHECK (json_valid(plan))
    ) STRICT;

    CREATE TABLE workshops (
      id INTEGER PRIMARY KEY,
      client_id INTEGER NOT NULL REFERENCES clients(id),
      title TEXT NOT NULL,
      date TEXT NOT NULL,
      agenda TEXT NOT NULL CHECK (json_valid(agenda)),
      participants TEXT NOT NULL CHECK (json_valid(participants)),
      notes TEXT NOT NULL DEFAULT '',
      decisions TEXT NOT NULL CHECK (json_valid(decisions))
    ) STRICT;

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'undo', 'redo', 'import')),
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      before TEXT CHECK (before IS NULL OR json_valid(before)),
      after TEXT CHECK (after IS NULL OR json_valid(after)),
      change_group TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
  `);
}
