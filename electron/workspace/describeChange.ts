// What a recorded change did, in words a person reads on the Undo button and in "Undid: delete client Harbor Bank".
import type { Database } from 'better-sqlite3';
import type { ChangeGroup, Row } from '../db/changes.ts';
import { prepared } from '../db/changes.ts';

/** The table a channel's area writes first, and the word for one of its rows. */
const AREAS: Record<string, { table: string; noun: string }> = {
  clients: { table: 'clients', noun: 'client' },
  workloads: { table: 'workloads', noun: 'workload' },
  contracts: { table: 'contracts', noun: 'contract' },
  commitments: { table: 'commitments', noun: 'commitment' },
  candidates: { table: 'candidates', noun: 'candidate' },
  workshops: { table: 'workshops', noun: 'workshop' },
  baselines: { table: 'plan_snapshots', noun: 'baseline' },
  planSnapshots: { table: 'plan_snapshots', noun: 'baseline' },
};

const VERBS: Record<string, string> = { create: 'add', update: 'edit', delete: 'delete', rename: 'rename', duplicate: 'duplicate' };

/** A row's own name: clients and workloads have a name, commitments a customer, workshops a title. */
function nameOf(row: Row | null | undefined): string | null {
  if (!row) return null;
  const name = row.name ?? row.title ?? (row.customer ? `to ${String(row.customer)}` : null);
  return typeof name === 'string' && name.trim() ? name : null;
}

function lookupName(db: Database, table: 'workloads' | 'candidates', id: unknown): string | null {
  if (typeof id !== 'number') return null;
  try {
    return nameOf(prepared(db, `SELECT name FROM "${table}" WHERE id = ?`).get(id) as Row | undefined);
  } catch {
    return null;
  }
}

/**
 * Describes `group` (its label is the channel that made it) after it was committed: "delete client Harbor Bank",
 * "edit workload Ticket router", "set the job profile of Ticket router". Falls back to the channel's own words.
 */
export function describeChange(group: ChangeGroup, db: Database): string {
  const [area, action = ''] = group.label.split('.');
  const first = group.changes[0];
  const row = first ? first.after ?? first.before : null;
  const workload = () => lookupName(db, 'workloads', row?.workload_id) ?? 'a workload';
  const candidate = () => lookupName(db, 'candidates', row?.candidate_id) ?? 'a candidate';
  switch (group.label) {
    case 'policy.update': return 'edit the deadline policy';
    case 'jobProfiles.set': return `set the job profile of ${workload()}`;
    case 'questionnaire.apply': return `save the answers for ${nameOf(row) ?? 'a workload'}`;
    case 'overrides.set': return `override ${String(row?.job ?? 'a job')} for ${workload()}`;
    case 'overrides.clear': return `clear the override for ${workload()}`;
    case 'governance.set': return `edit the governance of ${candidate()}`;
    case 'signOffs.set': return `set the ${String(row?.role ?? '')} sign-off of ${candidate()}`.replace('the  ', 'a ');
    case 'imports.jobs.commit': return 'import a jobs list';
    case 'imports.evaluations.commit': return 'import evaluation results';
    case 'imports.spreadsheet.commit': return 'import a spreadsheet';
    case 'imports.training.accept': return `accept the training-data analysis for ${nameOf(row) ?? 'a workload'}`;
    default: break;
  }
  const known = AREAS[area];
  const verb = VERBS[action];
  if (known && verb) {
    const own = group.changes.find((c) => c.table === known.table);
    const name = nameOf(own?.after ?? own?.before);
    return name ? `${verb} ${known.noun} ${name}` : `${verb} a ${known.noun}`;
  }
  // e.g. workshops.addNote → "add note (workshop)": readable, if plain.
  const words = action.replace(/([A-Z])/g, ' $1').toLowerCase().trim();
  return known ? `${words} (${known.noun})` : `${words || area} (${area})`;
}
