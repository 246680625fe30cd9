// fast-check arbitraries for importer inputs: documents that are mostly well-formed, with fields
// swapped for hostile values and the text then damaged (cut, a character inserted or removed, BOM, CRLF).
import fc from 'fast-check';

/** Values that break assumptions: wrong types, huge and fractional numbers, long text, prototype keys, formulas, NUL. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom('x'.repeat(201), 'y'.repeat(5_000), -1, 1.5, 1e300, '__proto__', 'constructor', '=HYPERLINK("x")', '', '\u0000', '2025-02-30', '\uFEFF', '\u202e'),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Mostly `good`, now and then hostile. */
export function field<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 60, arbitrary: good as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: hostile });
}

export interface JsonMutation {
  /** Picks the node: an index into the document's nodes in depth-first order. */
  at: number;
  action: 'replace' | 'delete' | 'duplicate';
  value: unknown;
}

const jsonMutation: fc.Arbitrary<JsonMutation> = fc.record({ at: fc.nat(), action: fc.constantFrom('replace', 'replace', 'delete', 'duplicate'), value: hostile });
/** None half the time (so imports also succeed), else one to three. */
export const jsonMutations: fc.Arbitrary<JsonMutation[]> = fc.oneof(fc.constant<JsonMutation[]>([]), fc.array(jsonMutation, { minLength: 1, maxLength: 3 }));

/** Applies mutations to a copy of `doc`: a value replaced by a hostile one, a key or element removed, an element repeated. */
export function mutateJson(doc: unknown, mutations: JsonMutation[]): unknown {
  const root = { doc: structuredClone(doc) as unknown };
  for (const m of mutations) {
    const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
    const visit = (parent: Record<string, unknown> | unknown[], key: string | number) => {
      nodes.push({ parent, key });
      const v = (parent as Record<string | number, unknown>)[key];
      if (Array.isArray(v)) v.forEach((_x, i) => visit(v, i));
      else if (v && typeof v === 'object') for (const k of Object.keys(v)) visit(v as Record<string, unknown>, k);
    };
    visit(root as Record<string, unknown>, 'doc');
    const { parent, key } = nodes[m.at % nodes.length];
    if (m.action === 'replace' || parent === (root as unknown)) (parent as Record<string | number, unknown>)[key] = structuredClone(m.value);
    else if (Array.isArray(parent)) {
      if (m.action === 'delete') parent.splice(key as number, 1);
      else parent.splice(key as number, 0, structuredClone(parent[key as number]));
    } else if (m.action === 'delete') delete parent[key as string];
    else parent[`${String(key)}`] = structuredClone(m.value);
  }
  return root.doc;
}

export type TextDamage =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'bom' }
  | { kind: 'crlf' };

const damage: fc.Arbitrary<TextDamage> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('"', ',', ';', '{', '}', '[', ']', '\n', '\r', '\t', '\\', '\u0000', 'é', '\uFEFF', ':', '\'', '0') }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.constant({ kind: 'bom' as const }),
  fc.constant({ kind: 'crlf' as const }),
);

/** No damage most of the time (so imports also succeed), else one or two. */
export const damages: fc.Arbitrary<TextDamage[]> = fc.oneof({ weight: 4, arbitrary: fc.constant<TextDamage[]>([]) }, { weight: 1, arbitrary: fc.array(damage, { minLength: 1, maxLength: 2 }) });

export function damageText(text: string, list: TextDamage[]): string {
  let t = text;
  for (const d of list) {
    const at = 'at' in d ? d.at % (t.length + 1) : 0;
    if (d.kind === 'truncate') t = t.slice(0, at);
    else if (d.kind === 'insert') t = t.slice(0, at) + d.text + t.slice(at);
    else if (d.kind === 'delete') t = t.slice(0, at) + t.slice(at + d.length);
    else if (d.kind === 'bom') t = `\uFEFF${t}`;
    else t = t.replace(/\r?\n/g, '\r\n');
  }
  return t;
}

// ---------------------------------------------------------------- documents

const unix = fc.integer({ min: 1_700_000_000, max: 1_800_000_000 });

const job = fc.record({
  object: field(fc.constant('fine_tuning.job')),
  id: field(fc.constantFrom('ftjob-a1', 'ftjob-b2', 'ftjob-c3', 'ftjob-d4', 'ftjob-e5')),
  model: field(fc.constantFrom('gpt-4o-mini-2024-07-18', 'gpt-4.1-2025-04-14', 'ft:gpt-4o-mini-2024-07-18:acme:triage:abc')),
  status: field(fc.constantFrom('succeeded', 'failed', 'cancelled', 'running', 'queued')),
  created_at: field(fc.oneof(unix, fc.constant('2026-01-05T10:00:00Z'))),
  finished_at: field(fc.oneof(unix, fc.constant(null))),
  fine_tuned_model: field(fc.constantFrom(null, 'ft:gpt-4o-mini-2024-07-18:acme:triage:abc', 'ft:gpt-4.1-2025-04-14:acme::x1')),
  trained_tokens: field(fc.oneof(fc.nat(), fc.constant(null))),
  training_file: field(fc.constant('file-abc')),
  suffix: field(fc.constantFrom(null, 'triage', 'claims')),
  error: field(fc.record({ message: fc.string({ maxLength: 10 }) })),
}, { requiredKeys: [] });

export const jobsListText = fc.record({
  doc: fc.record({ object: field(fc.constant('list')), data: field(fc.uniqueArray(job, { maxLength: 6, selector: (j) => (j as { id?: unknown }).id })), has_more: fc.boolean() }, { requiredKeys: [] }),
  mutations: jsonMutations,
  indent: fc.constantFrom(0, 2),
  damage: damages,
}).map(({ doc, mutations, indent, damage: d }) => damageText(JSON.stringify(mutateJson(doc, mutations), null, indent), d));

const message = fc.record({ role: field(fc.constantFrom('system', 'user', 'assistant', 'tool')), content: field(fc.constantFrom('Hello', 'Reply with a label', '{"a": 1}', 'Arr, matey!', '')) }, { requiredKeys: [] });
const trainingLine = fc.oneof(
  { weight: 5, arbitrary: fc.record({ messages: field(fc.array(message, { maxLength: 4 })) }, { requiredKeys: [] }).map((o) => JSON.stringify(o)) },
  { weight: 1, arbitrary: fc.record({ input: field(fc.record({ messages: fc.array(message, { maxLength: 2 }) })), preferred_output: field(fc.array(message, { maxLength: 1 })), non_preferred_output: field(fc.array(message, { maxLength: 1 })) }, { requiredKeys: [] }).map((o) => JSON.stringify(o)) },
  { weight: 1, arbitrary: hostile.map((v) => JSON.stringify(v) ?? 'undefined') },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
export const trainingText = fc.record({ lines: fc.array(trainingLine, { maxLength: 8 }), damage: damages }).map(({ lines, damage: d }) => damageText(lines.join('\n'), d));

const component = fc.record({ pass: field(fc.boolean()), assertion: field(fc.record({ type: fc.constantFrom('equals', 'latency', 'context-faithfulness', 'factuality'), metric: fc.constantFrom('', 'grounded', 'win') })) }, { requiredKeys: [] });
const result = fc.record({
  id: field(fc.constantFrom('r1', 'r2', 'r3')),
  provider: field(fc.oneof(fc.constantFrom('openai:gpt-4o-mini', 'RAG baseline', '__proto__'), fc.record({ id: fc.constantFrom('openai:gpt-4o', 'ollama:llama3'), label: fc.constantFrom('', 'LoRA 8B') }, { requiredKeys: ['id'] }))),
  prompt: field(fc.record({ raw: fc.constantFrom('Answer: {{q}}', 'p2'), label: fc.constantFrom('', 'short') }, { requiredKeys: [] })),
  promptIdx: field(fc.nat({ max: 2 })),
  testIdx: field(fc.nat({ max: 5 })),
  success: field(fc.boolean()),
  latencyMs: field(fc.nat({ max: 5000 })),
  cost: field(fc.double({ min: 0, max: 1, noNaN: true })),
  response: field(fc.record({ output: fc.string({ maxLength: 8 }), isRefusal: fc.boolean(), cost: fc.double({ min: 0, max: 1, noNaN: true }), error: fc.constantFrom('', 'timeout') }, { requiredKeys: [] })),
  gradingResult: field(fc.record({ pass: fc.boolean(), componentResults: fc.array(component, { maxLength: 3 }) }, { requiredKeys: [] })),
  failureReason: field(fc.constantFrom(0, 1, 2)),
}, { requiredKeys: [] });
export const promptfooJsonText = fc.record({
  doc: fc.oneof(
    fc.record({ evalId: fc.constant('eval-1'), results: field(fc.record({ version: fc.constant(3), results: field(fc.array(result, { maxLength: 6 })) }, { requiredKeys: [] })) }, { requiredKeys: [] }),
    fc.array(result, { maxLength: 4 }),
  ),
  mutations: jsonMutations,
  damage: damages,
}).map(({ doc, mutations, damage: d }) => damageText(JSON.stringify(mutateJson(doc, mutations), null, 2), d));

// ---------------------------------------------------------------- CSV

/** CSV text from cells (quoted when needed, sometimes always), with a chosen delimiter, then damaged. */
export function csvText(header: fc.Arbitrary<string[]>, cell: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.record({
    header,
    rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 8 }),
    delimiter: fc.constantFrom(',', ',', ';', '\t'),
    quoteAll: fc.boolean(),
    damage: damages,
  }).map(({ header: h, rows, delimiter, quoteAll, damage: d }) => {
    const q = (c: string) => (quoteAll || /[",;\t\r\n]/.test(c) || c.startsWith(' ') ? `"${c.replace(/"/g, '""')}"` : c);
    const lines = [h, ...rows].map((r) => r.map(q).join(delimiter));
    return damageText(`${lines.join('\n')}\n`, d);
  });
}

const evaluationHeaders = ['candidate', 'task_id', 'latency_ms', 'cost_usd', 'correct', 'grounded', 'refused', 'hallucinated', 'win_vs_baseline', 'model', 'notes', '[openai:gpt-4o] Answer: {{q}}', '{"raw":"p","label":"short"}', 'RESULT', 'Latency (ms)'];
const evaluationCell = fc.oneof(
  fc.constantFrom('A', 'B', 'RAG baseline', '__proto__', 'constructor', '=cmd', 'n'.repeat(201), ''),
  fc.constantFrom('t1', 't2', '1', 't1'),
  fc.constantFrom('120', '0.5', '-3', '1,200', '0,5', 'abc', '1e3', '$0.002', '850 ms', 'NaN', 'Infinity'),
  fc.constantFrom('yes', 'no', 'true', '0', '1', 'maybe', 'PASS'),
  fc.constantFrom('[PASS] ok', '[FAIL] no\n---\nout', '[ERROR] x', 'plain'),
  fc.string({ maxLength: 6 }),
);
export const evaluationCsvText = csvText(fc.shuffledSubarray(evaluationHeaders, { minLength: 1, maxLength: 7 }), evaluationCell);

/** Per kind: the columns every file has, the optional ones, and a good cell for each column. */
const SHEETS: Record<string, { required: string[]; optional: string[]; cells: Record<string, fc.Arbitrary<string>> }> = {
  workloads: {
    required: ['client', 'name'],
    optional: ['id', 'kind', 'fine_tuned_model', 'criticality', 'regulated', 'monthly_volume', 'latency_target_ms', 'baseline_accuracy', 'start_date', 'notes', 'P95 latency (ms)', 'extra'],
    cells: {
      client: fc.constant('Helix Health'), name: fc.constantFrom('Claims triage', 'Refund letters', 'Patient FAQ', "'=SUM(A1)"), id: fc.constantFrom('', '', '1'),
      kind: fc.constantFrom('product', 'workflow', ''), fine_tuned_model: fc.constantFrom('', 'ft:gpt-4o-mini:acme:x:1'), criticality: fc.constantFrom('important', 'Business Critical', ''),
      regulated: fc.constantFrom('yes', 'no', ''), monthly_volume: fc.constantFrom('0', '1200', '1,200', ''), latency_target_ms: fc.constantFrom('', '800'),
      baseline_accuracy: fc.constantFrom('', '0.9', '95%'), start_date: fc.constantFrom('', '2026-12-01'), notes: fc.string({ maxLength: 10 }),
      'P95 latency (ms)': fc.constantFrom('', '650'), extra: fc.string({ maxLength: 5 }),
    },
  },
  contracts: {
    required: ['name'],
    optional: ['id', 'client', 'party', 'counterparty', 'renewal_date', 'notice_days', 'notes', 'workloads', 'extra'],
    cells: {
      name: fc.constantFrom('MSA', 'Vendor DPA', '@contract'), id: fc.constant(''), client: fc.constantFrom('', 'Helix Health'), party: fc.constantFrom('client', 'vendor', ''),
      counterparty: fc.constantFrom('', 'OpenAI'), renewal_date: fc.constantFrom('', '2027-03-31'), notice_days: fc.constantFrom('', '30'), notes: fc.string({ maxLength: 8 }),
      workloads: fc.constantFrom('', 'Patient FAQ', '#1'), extra: fc.string({ maxLength: 5 }),
    },
  },
  commitments: {
    required: ['client', 'customer', 'kind'],
    optional: ['id', 'threshold', 'description', 'due_date', 'notice_days', 'penalty', 'workloads', 'extra'],
    cells: {
      client: fc.constant('Helix Health'), customer: fc.constantFrom('Clinics', 'Insurer'), kind: fc.constantFrom('residency', 'other'), id: fc.constant(''),
      threshold: fc.constantFrom('', '0.95'), description: fc.string({ maxLength: 8 }), due_date: fc.constantFrom('', '2027-01-31'), notice_days: fc.constantFrom('', '14'),
      penalty: fc.constantFrom('', '5% credit'), workloads: fc.constantFrom('', 'Patient FAQ'), extra: fc.string({ maxLength: 5 }),
    },
  },
};
const hostileCell = fc.oneof(
  fc.constantFrom('Helix Health', 'Patient FAQ', 'Unknown Co', '=SUM(A1)', '', ' ', 'x'.repeat(201), '999', '-1', 'abc', '#1', '#999', '1.5'),
  fc.constantFrom('Business Critical', 'accuracy', 'latency', 'availability', 'maybe', '95%', '1,200', '-5', '1e3', 'lots', '0,5'),
  fc.constantFrom('2026-02-30', '01/02/2026', '2026/1/5', '2027-01-31T10:00:00Z', 'Patient FAQ; Unknown', '"', ';'),
  fc.string({ maxLength: 6 }),
);
/** A good cell for the column, now and then a hostile one. */
const cellFor = (column: string, kind: string) => fc.oneof({ weight: 40, arbitrary: SHEETS[kind].cells[column] ?? fc.constant('') }, { weight: 1, arbitrary: hostileCell });

export const spreadsheetCsv = fc.constantFrom('workloads', 'contracts', 'commitments').chain((kind) => {
  const sheet = SHEETS[kind];
  return fc.record({
    // Now and then a required column is missing or an unknown one added.
    columns: fc.tuple(fc.subarray(sheet.required, { minLength: Math.max(0, sheet.required.length - 1) }), fc.shuffledSubarray(sheet.optional, { maxLength: 6 }))
      .chain(([req, opt]) => fc.shuffledSubarray([...req, ...opt], { minLength: req.length + opt.length })),
    rowCount: fc.integer({ min: 0, max: 6 }),
  }).chain(({ columns, rowCount }) => fc.record({
    rows: fc.array(fc.tuple(...columns.map((c) => cellFor(c, kind))), { minLength: rowCount, maxLength: rowCount }),
    delimiter: fc.constantFrom(',', ',', ';', '\t'),
    quoteAll: fc.boolean(),
    damage: damages,
  }).map(({ rows, delimiter, quoteAll, damage: d }) => {
    const q = (c: string) => (quoteAll || /[",;\t\r\n]/.test(c) || c.startsWith(' ') ? `"${c.replace(/"/g, '""')}"` : c);
    const lines = [columns, ...rows].map((r) => r.map(q).join(delimiter));
    return { kind, text: damageText(`${lines.join('\n')}\n`, d) };
  }));
});

// ---------------------------------------------------------------- workspace JSON

/**
 * A consistent workspace export (ids 1..n, references within the file), then mutated: hostile values,
 * removed keys and repeated elements make the duplicate ids, dangling references and bad fields.
 */
const snapshotDoc = (format: string, version: number) => fc.record({
  clients: fc.integer({ min: 1, max: 3 }),
  workloads: fc.array(fc.record({ client: fc.nat(), name: fc.constantFrom('Triage', 'Claims', 'Support'), monthlyVolume: fc.nat({ max: 100_000 }), latencyTargetMs: fc.constantFrom(null, 800), startDate: fc.constantFrom(null, '2026-12-01') }), { minLength: 1, maxLength: 3 }),
  candidates: fc.array(fc.record({ workload: fc.nat(), name: fc.constantFrom('RAG', 'LoRA', '__proto__', 'constructor'), approach: fc.constantFrom('rag', 'open_weight', 'prompting') }), { maxLength: 3 }),
  rows: fc.array(fc.record({ candidate: fc.nat(), taskId: fc.constantFrom('t1', 't2'), latencyMs: fc.constantFrom(null, 120), correct: fc.constantFrom(null, true, false) }), { maxLength: 4 }),
  contracts: fc.array(fc.record({ client: fc.nat(), workload: fc.nat() }), { maxLength: 2 }),
  commitments: fc.array(fc.record({ client: fc.nat(), workload: fc.nat(), kind: fc.constantFrom('accuracy', 'latency', 'other') }), { maxLength: 2 }),
}).map((g) => {
  const clientId = (n: number) => (n % g.clients) + 1;
  const workloadId = (n: number) => (n % g.workloads.length) + 1;
  const seen = new Set<string>();
  const candidates = g.candidates.filter((c) => {
    const key = `${workloadId(c.workload)}/${c.name}`;
    return !seen.has(key) && seen.add(key);
  });
  return {
    format, version,
    clients: Array.from({ length: g.clients }, (_x, i) => ({ id: i + 1, name: ['Acme', 'Helix', '__proto__'][i], notes: '' })),
    workloads: g.workloads.map((w, i) => ({ id: i + 1, clientId: clientId(w.client), name: w.name, monthlyVolume: w.monthlyVolume, latencyTargetMs: w.latencyTargetMs, startDate: w.startDate })),
    candidates: candidates.map((c, i) => ({ id: i + 1, workloadId: workloadId(c.workload), name: c.name, approach: c.approach, selfHostable: false })),
    evaluationRows: candidates.length === 0 ? [] : g.rows.map((r) => ({ candidateId: (r.candidate % candidates.length) + 1, taskId: r.taskId, latencyMs: r.latencyMs, costUsd: null, correct: r.correct, grounded: null, refused: null, hallucinated: null })),
    contracts: g.contracts.map((c, i) => ({ id: i + 1, clientId: clientId(c.client), name: 'MSA', workloadIds: [workloadId(c.workload)] })),
    commitments: g.commitments.map((c, i) => ({ id: i + 1, clientId: clientId(c.client), customer: 'Clinics', kind: c.kind, threshold: c.kind === 'accuracy' ? 0.9 : c.kind === 'latency' ? 800 : null, workloadIds: [workloadId(c.workload)] })),
  };
});

export const workspaceJsonText = (format: string, version: number) =>
  fc.record({ doc: snapshotDoc(format, version), mutations: jsonMutations, damage: damages })
    .map(({ doc, mutations, damage: d }) => damageText(JSON.stringify(mutateJson(doc, mutations), null, 2), d));
