// Schema version 2: workshop mode. The 0001 `workshops` row (agenda, participants and decisions as JSON) becomes
// a workshop with its own agenda items, notes and decisions; votes, actions and classifications get tables; a
// workload gets the priority rank a workshop vote gives it. No cascades: repositories delete children themselves
// so every removed row is recorded for undo and the audit log.
import type { Database } from 'better-sqlite3';

export const version = 2;

const KINDS = "'intro', 'classify', 'evidence', 'vote', 'plan', 'decisions', 'break', 'free'";
const APPROACHES = "'rag', 'prompting', 'open_weight', 'preference', 'multi_model'";

interface OldWorkshop {
  id: number;
  client_id: number;
  title: string;
  date: string;
  agenda: string;
  participants: string;
  notes: string;
  decisions: string;
}

const clampMinutes = (n: unknown, min: number, max: number): number => {
  const v = Math.round(Number(n));
  return Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : min;
};

function parseArray(text: string): unknown[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

export function updateToSchemaVersion2(db: Database): void {
  const old = db.prepare('SELECT * FROM workshops ORDER BY id').all() as OldWorkshop[];
  db.exec(`
    ALTER TABLE workloads ADD COLUMN priority_rank INTEGER CHECK (priority_rank IS NULL OR priority_rank >= 1);

    DROP TABLE workshops;
    CREATE TABLE workshops (
      id INTEGER PRIMARY KEY,
      client_id INTEGER NOT NULL REFERENCES clients(id),
      title TEXT NOT NULL CHECK (length(trim(title)) > 0),
      date TEXT NOT NULL,
      start_time TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
      planned_minutes INTEGER NOT NULL CHECK (planned_minutes BETWEEN 1 AND 1440),
      location TEXT NOT NULL DEFAULT '',
      participants TEXT NOT NULL CHECK (json_valid(participants)),
      dots_per_participant INTEGER NOT NULL CHECK (dots_per_participant >= 1),
      status TEXT NOT NULL CHECK (status IN ('planned', 'running', 'finished')),
      current_item_id INTEGER,
      next_review_date TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX workshops_client ON workshops(client_id);

    CREATE TABLE workshop_agenda_items (
      id INTEGER PRIMARY KEY,
      workshop_id INTEGER NOT NULL REFERENCES workshops(id),
      position INTEGER NOT NULL CHECK (position >= 0),
      kind TEXT NOT NULL CHECK (kind IN (${KINDS})),
      title TEXT NOT NULL,
      planned_minutes INTEGER NOT NULL CHECK (planned_minutes >= 1),
      workload_id INTEGER REFERENCES workloads(id),
      vote_options TEXT NOT NULL CHECK (json_valid(vote_options)),
      started_at TEXT,
      ended_at TEXT,
      elapsed_seconds INTEGER NOT NULL DEFAULT 0 CHECK (elapsed_seconds >= 0),
      running_since TEXT
    ) STRICT;
    CREATE INDEX workshop_agenda_items_workshop ON workshop_agenda_items(workshop_id, position);
    CREATE INDEX workshop_agenda_items_workload ON workshop_agenda_items(workload_id);

    CREATE TABLE workshop_notes (
      id INTEGER PRIMARY KEY,
      workshop_id INTEGER NOT NULL REFERENCES workshops(id),
      item_id INTEGER REFERENCES workshop_agenda_items(id),
      text TEXT NOT NULL CHECK (length(trim(text)) > 0),
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX workshop_notes_workshop ON workshop_notes(workshop_id);

    CREATE TABLE workshop_decisions (
      id INTEGER PRIMARY KEY,
      workshop_id INTEGER NOT NULL REFERENCES workshops(id),
      item_id INTEGER REFERENCES workshop_agenda_items(id),
      text TEXT NOT NULL CHECK (length(trim(text)) > 0),
      workload_id INTEGER REFERENCES workloads(id),
      approach TEXT CHECK (approach IS NULL OR approach IN (${APPROACHES})),
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX workshop_decisions_workshop ON workshop_decisions(workshop_id);
    CREATE INDEX workshop_decisions_workload ON workshop_decisions(workload_id);

    CREATE TABLE workshop_actions (
      id INTEGER PRIMARY KEY,
      workshop_id INTEGER NOT NULL REFERENCES workshops(id),
      item_id INTEGER REFERENCES workshop_agenda_items(id),
      text TEXT NOT NULL CHECK (length(trim(text)) > 0),
      owner TEXT NOT NULL CHECK (length(trim(owner)) > 0),
      due_date TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX workshop_actions_workshop ON workshop_actions(workshop_id);

    CREATE TABLE workshop_votes (
      item_id INTEGER NOT NULL REFERENCES workshop_agenda_items(id),
      participant TEXT NOT NULL CHECK (length(trim(participant)) > 0),
      option_key TEXT NOT NULL,
      dots INTEGER NOT NULL CHECK (dots >= 1),
      PRIMARY KEY (item_id, participant, option_key)
    ) STRICT;

    CREATE TABLE workshop_classifications (
      item_id INTEGER PRIMARY KEY REFERENCES workshop_agenda_items(id),
      workload_id INTEGER NOT NULL REFERENCES workloads(id),
      answers TEXT NOT NULL CHECK (json_valid(answers)),
      before TEXT NOT NULL CHECK (json_valid(before)),
      after TEXT NOT NULL CHECK (json_valid(after)),
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX workshop_classifications_workload ON workshop_classifications(workload_id);
  `);

  // Version-1 workshops carry over: free agenda items, participants as names, the notes text as one note.
  const insertWorkshop = db.prepare(`INSERT INTO workshops (id, client_id, title, date, start_time, planned_minutes, location, participants,
    dots_per_participant, status, current_item_id, next_review_date, created_at, updated_at)
    VALUES (?, ?, ?, ?, '09:30', ?, '', ?, 3, ?, NULL, NULL, ?, ?)`);
  const insertItem = db.prepare(`INSERT INTO workshop_agenda_items (workshop_id, position, kind, title, planned_minutes, workload_id, vote_options,
    started_at, ended_at, elapsed_seconds, running_since) VALUES (?, ?, 'free', ?, ?, NULL, '[]', NULL, NULL, 0, NULL)`);
  const insertNote = db.prepare('INSERT INTO workshop_notes (workshop_id, item_id, text, at) VALUES (?, NULL, ?, ?)');
  const insertDecision = db.prepare('INSERT INTO workshop_decisions (workshop_id, item_id, text, workload_id, approach, at) VALUES (?, NULL, ?, ?, NULL, ?)');
  const workloadExists = db.prepare('SELECT 1 FROM workloads WHERE id = ?');
  for (const w of old) {
    const agenda = parseArray(w.agenda) as { title?: unknown; minutes?: unknown; done?: unknown }[];
    const participants = parseArray(w.participants).map((p) => ({ name: String(p), role: '', organisation: '' }));
    const total = agenda.reduce((s, a) => s + clampMinutes(a.minutes, 1, 480), 0);
    const finished = agenda.length > 0 && agenda.every((a) => a.done === true);
    const at = `${w.date}T00:00:00.000Z`;
    const title = String(w.title).trim() || 'Workshop';
    insertWorkshop.run(w.id, w.client_id, title, w.date, total > 0 ? clampMinutes(total, 5, 480) : 90, JSON.stringify(participants), finished ? 'finished' : 'planned', at, at);
    agenda.forEach((a, i) => insertItem.run(w.id, i, String(a.title ?? '').trim() || `Item ${i + 1}`, clampMinutes(a.minutes, 1, 480)));
    if (String(w.notes).trim()) insertNote.run(w.id, String(w.notes), at);
    for (const d of parseArray(w.decisions) as { text?: unknown; at?: unknown; workloadId?: unknown }[]) {
      const text = String(d.text ?? '').trim();
      if (!text) continue;
      const workloadId = typeof d.workloadId === 'number' && workloadExists.get(d.workloadId) ? d.workloadId : null;
      insertDecision.run(w.id, text, workloadId, typeof d.at === 'string' ? d.at : at);
    }
  }
}
