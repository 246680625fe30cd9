// A deterministic synthetic portfolio (same seed → same workspace) for tests, benchmarks and `cli generate`.
import { addDays, format, parseISO } from 'date-fns';
import {
  COMMITMENT_KINDS, DEFAULT_POLICY, JOBS, KNOWLEDGE_CHANGE_FREQUENCIES,
  type Client, type Commitment, type Contract, type Criticality, type Deployment, type IsoDate, type JobProfile, type JobWeights, type Workload,
} from '../domain/types.ts';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type WorkspaceSnapshot } from '../domain/snapshot.ts';
import { sampleProfile, sampleWorkload } from './builders.ts';
import { mulberry32, type Random } from './random.ts';

export interface GenerateOptions {
  clients: number;
  workloads: number;
  seed: number;
  /** The day commitment and contract dates are spread from; fixed by default so output never depends on the clock. */
  today?: IsoDate;
  /** Team capacity written into the policy (null = unlimited). */
  capacity?: number | null;
}

const DEFAULT_TODAY: IsoDate = '2026-03-02';
const NAMES = ['Answer drafts', 'Ticket router', 'Tone rewriter', 'Claim extraction', 'Policy Q&A', 'Lead scoring', 'Search reranker', 'Invoice fields', 'Chat persona', 'Intent classifier', 'Summary writer', 'Product tagger'];
const COMPANIES = ['Northwind', 'Contoso', 'Fabrikam', 'Meridian', 'Harbor', 'Tailspin', 'Litware', 'Adatum', 'Proseware', 'Wingtip'];

function weighted<T>(random: Random, options: readonly [T, number][]): T {
  const total = options.reduce((s, [, w]) => s + w, 0);
  let r = random.next() * total;
  for (const [value, w] of options) if ((r -= w) < 0) return value;
  return options[options.length - 1][0];
}

function generateWorkload(random: Random, id: number, clientId: number, stamp: string, inDays: (d: number) => IsoDate): Workload {
  const criticality = weighted<Criticality>(random, [['business_critical', 2], ['important', 5], ['experimental', 1]]);
  const deployment = weighted<Deployment>(random, [['cloud', 8], ['edge', 1], ['on_prem', 1]]);
  const residency = weighted<string | null>(random, [[null, 6], ['EU', 2], ['US', 1], ['on_prem', 1]]);
  const regulated = random.chance(0.3);
  const known = (p: number, value: number) => (random.chance(p) ? value : null);
  return sampleWorkload(stamp, {
    id, clientId,
    name: `${random.pick(NAMES)} #${id}`,
    kind: random.pick(['product', 'workflow', 'feature'] as const),
    criticality, deployment, residency, regulated,
    auditTrailRequired: regulated && random.chance(0.6),
    // Log-uniform from 1,000 to 10,000,000 tasks a month.
    monthlyVolume: Math.round(10 ** (3 + random.next() * 4)),
    latencyTargetMs: random.chance(0.6) ? random.pick([150, 250, 300, 301, 500, 800, 1500, 3000]) : null,
    pairwiseFeedback: random.chance(0.4) ? random.int(0, 2_000) : 0,
    knowledgeChangeFrequency: random.pick(KNOWLEDGE_CHANGE_FREQUENCIES),
    baselineAccuracy: known(0.75, Math.round((0.8 + random.next() * 0.19) * 100) / 100),
    baselineP95Ms: known(0.7, random.int(80, 3000)),
    baselineCostPer1k: known(0.7, Math.round(random.next() * 500) / 100),
    startDate: random.chance(0.2) ? inDays(random.int(-30, 90)) : null,
  });
}

function generateProfile(random: Random, workloadId: number): JobProfile | null {
  if (random.chance(0.1)) return null;
  const weights: Partial<JobWeights> = {};
  for (const job of JOBS) weights[job] = random.chance(0.45) ? random.pick([10, 19, 20, 30, 50, 70, 90]) : 0;
  return sampleProfile(workloadId, weights, random.chance(0.6));
}

function generateCommitment(random: Random, id: number, client: Client, workloadIds: number[], inDays: (d: number) => IsoDate): Commitment {
  const kind = random.pick(COMMITMENT_KINDS);
  const threshold = kind === 'accuracy' ? random.pick([0.85, 0.9, 0.95]) : kind === 'latency' ? random.pick([200, 300, 800, 1500]) : kind === 'availability' ? 0.999 : null;
  const linked = workloadIds.length === 0 ? [] : [random.pick(workloadIds), ...(random.chance(0.3) ? [random.pick(workloadIds)] : [])];
  return {
    id, clientId: client.id,
    customer: `${random.pick(COMPANIES)} customer ${id}`,
    kind, threshold,
    description: kind === 'residency' ? random.pick(['EU', 'US', 'on_prem']) : `${kind} commitment`,
    dueDate: random.chance(0.85) ? inDays(random.int(20, 500)) : null,
    noticeDays: random.pick([0, 14, 30, 60, 90]),
    penalty: random.chance(0.3) ? 'Service credit' : null,
    workloadIds: [...new Set(linked)],
  };
}

export function generatePortfolio(options: GenerateOptions): WorkspaceSnapshot {
  const random = mulberry32(options.seed);
  const today = options.today ?? DEFAULT_TODAY;
  const stamp = `${today}T00:00:00.000Z`;
  const inDays = (d: number): IsoDate => format(addDays(parseISO(today), d), 'yyyy-MM-dd');
  const year = Number(today.slice(0, 4));
  const clientCount = Math.max(1, options.clients);

  const clients: Client[] = Array.from({ length: clientCount }, (_, i) => ({
    id: i + 1, name: `${COMPANIES[i % COMPANIES.length]} ${Math.floor(i / COMPANIES.length) + 1}`, notes: '', createdAt: stamp, updatedAt: stamp,
  }));
  const workloads: Workload[] = [];
  const jobProfiles: JobProfile[] = [];
  const byClient = new Map<number, number[]>(clients.map((c) => [c.id, []]));
  for (let id = 1; id <= options.workloads; id++) {
    // Round-robin keeps every client populated; the PRNG varies everything else.
    const clientId = ((id - 1) % clientCount) + 1;
    workloads.push(generateWorkload(random, id, clientId, stamp, inDays));
    byClient.get(clientId)?.push(id);
    const profile = generateProfile(random, id);
    if (profile) jobProfiles.push(profile);
  }

  const commitments: Commitment[] = [];
  const contracts: Contract[] = [];
  for (const client of clients) {
    const ids = byClient.get(client.id) ?? [];
    const count = Math.round(ids.length * 0.5);
    for (let i = 0; i < count; i++) commitments.push(generateCommitment(random, commitments.length + 1, client, ids, inDays));
    contracts.push({
      id: contracts.length + 1, clientId: client.id, name: `${client.name} services agreement`, party: 'client', counterparty: client.name,
      renewalDate: inDays(random.int(60, 600)), noticeDays: random.pick([30, 60, 90]), notes: '',
      workloadIds: random.chance(0.5) ? [] : ids.slice(0, Math.min(ids.length, 2)),
    });
  }

  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    exportedAt: stamp,
    clients, workloads, jobProfiles, contracts, commitments,
    candidates: [], evaluationRows: [], governance: [], signOffs: [], overrides: [], workshops: [],
    policy: {
      ...DEFAULT_POLICY,
      holidays: [`${year}-12-25`, `${year + 1}-01-01`],
      blackouts: [{ name: 'Year-end change freeze', start: `${year}-12-18`, end: `${year + 1}-01-04` }],
      capacity: options.capacity ?? null,
    },
  };
}
