// Reads a workspace JSON export (CLI `import`) and refuses it whole before anything is written: the
// entity schemas of the forms, then unique ids and references; every error names the file, the line
// and the JSON path of the field.
import { OfframpError } from '../errors.ts';
import { snapshotSchema, type SnapshotInput } from '../domain/snapshotSchema.ts';
import { checkWorkshopReferences } from '../domain/snapshotWorkshops.ts';
import { parseJsonFile } from './json.ts';
import { issueInWords } from './zodWords.ts';
import { formatJsonPath, lineAndColumn, offsetOfJsonPath, type JsonPath } from './jsonLocate.ts';

interface Problem {
  path: JsonPath;
  message: string;
}

/** Parses and validates a workspace JSON; throws OfframpError (import_invalid) naming file, line and JSON path. */
export function readWorkspaceJson(text: string, fileName: string): SnapshotInput {
  const raw = parseJsonFile(text, fileName);
  const parsed = snapshotSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw problemError({ path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issueInWords(issue) }, text, fileName);
  }
  const problem = checkIdsAndReferences(parsed.data);
  if (problem) throw problemError(problem, text, fileName);
  return parsed.data;
}

function problemError(problem: Problem, text: string, fileName: string): OfframpError {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const field = formatJsonPath(problem.path);
  const { line } = lineAndColumn(body, offsetOfJsonPath(body, problem.path));
  return new OfframpError({
    code: 'import_invalid',
    // A predicate ("is missing; …") follows the field; a schema's own sentence ("Give it a name") after a colon.
    message: `${fileName} line ${line}: ${field || 'the file'}${/^[a-z]/.test(problem.message) ? ' ' : ': '}${problem.message}. Nothing was imported.`,
    file: fileName,
    line,
    field: field || undefined,
  });
}

/** The first duplicate id or dangling reference, or null. Ids are renumbered on import, so they only need to be consistent within the file. */
export function checkIdsAndReferences(s: SnapshotInput): Problem | null {
  const ids = (list: readonly { id: number }[], name: string): Set<number> | Problem => {
    const seen = new Map<number, number>();
    for (let i = 0; i < list.length; i++) {
      const first = seen.get(list[i].id);
      if (first !== undefined) return { path: [name, i, 'id'], message: `is ${list[i].id}, already the id of ${name}[${first}]; give each one its own id` };
      seen.set(list[i].id, i);
    }
    return new Set(seen.keys());
  };
  const clients = ids(s.clients, 'clients');
  if (!(clients instanceof Set)) return clients;
  const workloads = ids(s.workloads, 'workloads');
  if (!(workloads instanceof Set)) return workloads;
  for (const [name, list] of [['contracts', s.contracts], ['commitments', s.commitments], ['candidates', s.candidates], ['workshops', s.workshops]] as const) {
    const r = ids(list, name);
    if (!(r instanceof Set)) return r;
  }
  const candidates = new Set(s.candidates.map((c) => c.id));
  const ref = (set: Set<number>, value: number | null, path: JsonPath, what: string): Problem | null =>
    value === null || set.has(value) ? null : { path, message: `refers to ${what} ${value}, which is not in the file` };

  const checks: (Problem | null)[] = [];
  s.workloads.forEach((w, i) => checks.push(ref(clients, w.clientId, ['workloads', i, 'clientId'], 'client')));
  s.jobProfiles.forEach((p, i) => checks.push(ref(workloads, p.workloadId, ['jobProfiles', i, 'workloadId'], 'workload')));
  for (const [name, list] of [['contracts', s.contracts], ['commitments', s.commitments]] as const) {
    list.forEach((c, i) => {
      checks.push(ref(clients, c.clientId, [name, i, 'clientId'], 'client'));
      c.workloadIds.forEach((w, k) => checks.push(ref(workloads, w, [name, i, 'workloadIds', k], 'workload')));
    });
  }
  const candidateNames = new Map<string, number>();
  s.candidates.forEach((c, i) => {
    checks.push(ref(workloads, c.workloadId, ['candidates', i, 'workloadId'], 'workload'));
    // The workspace keeps candidate names unique per workload.
    const key = `${c.workloadId}\u0000${c.name}`;
    const first = candidateNames.get(key);
    if (first !== undefined) checks.push({ path: ['candidates', i, 'name'], message: `is ${JSON.stringify(c.name)}, already the name of candidates[${first}] of the same workload; give each candidate of a workload its own name` });
    candidateNames.set(key, i);
  });
  s.evaluationRows.forEach((r, i) => checks.push(ref(candidates, r.candidateId, ['evaluationRows', i, 'candidateId'], 'candidate')));
  s.governance.forEach((g, i) => {
    checks.push(ref(workloads, g.workloadId, ['governance', i, 'workloadId'], 'workload'));
    checks.push(ref(candidates, g.candidateId, ['governance', i, 'candidateId'], 'candidate'));
  });
  s.signOffs.forEach((o, i) => checks.push(ref(candidates, o.candidateId, ['signOffs', i, 'candidateId'], 'candidate')));
  s.overrides.forEach((o, i) => checks.push(ref(workloads, o.workloadId, ['overrides', i, 'workloadId'], 'workload')));
  s.workshops.forEach((w, i) => checks.push(ref(clients, w.clientId, ['workshops', i, 'clientId'], 'client')));
  checks.push(checkWorkshopReferences(s.workshops, workloads));
  return checks.find((c) => c !== null) ?? null;
}
