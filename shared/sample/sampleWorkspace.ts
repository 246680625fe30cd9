// File > New from sample: three clients and a dozen workloads from the cases in the migration guide,
// so a newcomer or a workshop sees a full plan at once. Every date is relative to `today`, so the plan
// shows a mix of statuses (on track, tight, compressed, late) whenever the sample is made: the client's
// own dates count from today, the later ones from the training deadline, and the deadline is the vendor's
// unless that leaves under SAMPLE_RUNWAY_DAYS, in which case the sample rehearses on a deadline that far out.
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import {
  DEFAULT_POLICY, DEFAULT_TRAINING_DEADLINE,
  type Candidate, type Client, type Commitment, type Contract, type EvaluationRow, type GovernanceEntry,
  type IsoDate, type SignOff,
} from '../domain/types.ts';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type WorkspaceSnapshot } from '../domain/snapshot.ts';
import { sampleProfile, sampleWorkload } from './builders.ts';
import { mulberry32 } from './random.ts';
import { sampleWorkshops } from './sampleWorkshops.ts';

const SUPPORT = 1;
const HEALTH = 2;
const BANK = 3;

/** Days from the sample's today to its training deadline at the least (the vendor's date was this far from 2026-05-01). */
export const SAMPLE_RUNWAY_DAYS = 250;

export function sampleWorkspace(today: IsoDate): WorkspaceSnapshot {
  const stamp = `${today}T09:00:00.000Z`;
  const shift = (from: IsoDate, days: number): IsoDate => format(addDays(parseISO(from), days), 'yyyy-MM-dd');
  const inDays = (days: number): IsoDate => shift(today, days);
  const runway = differenceInCalendarDays(parseISO(DEFAULT_TRAINING_DEADLINE), parseISO(today));
  const rehearsed = runway < SAMPLE_RUNWAY_DAYS;
  const deadline = rehearsed ? inDays(SAMPLE_RUNWAY_DAYS) : DEFAULT_TRAINING_DEADLINE;
  /** Dates after the deadline (a renewal in March, a card-network date in June) keep their distance from it. */
  const afterDeadline = (days: number): IsoDate => shift(deadline, days);
  const year = Number(today.slice(0, 4));
  const holidays = [`${year}-12-25`, `${year}-12-26`, `${year + 1}-01-01`];
  const blackouts = [{ name: 'Year-end change freeze', start: `${year}-12-18`, end: `${year + 1}-01-04` }];
  /**
   * A commitment due so that its workload's sunset (due date − notice) falls `workingDays` working days after today,
   * freeze and holidays skipped: the tight, compressed and late examples stay so whatever the season.
   */
  const dueAfterWorkingDays = (workingDays: number, noticeDays: number): IsoDate => {
    let day = today;
    for (let counted = 0; counted < workingDays;) {
      day = shift(day, 1);
      const weekday = parseISO(day).getDay();
      const closed = weekday === 0 || weekday === 6 || holidays.includes(day) || blackouts.some((b) => day >= b.start && day <= b.end);
      if (!closed) counted++;
    }
    return shift(day, noticeDays);
  };

  const clients: Client[] = [
    { id: SUPPORT, name: 'Northwind Support', notes: 'Customer support platform: answer drafting, routing, tone.', createdAt: stamp, updatedAt: stamp },
    { id: HEALTH, name: 'Meridian Health', notes: 'Healthcare support SaaS (vertical SaaS), EU patients; tuned on support transcripts for tone and workflow steps.', createdAt: stamp, updatedAt: stamp },
    { id: BANK, name: 'Harbor Bank', notes: 'Retail bank: strict governance, data stays on-prem for policy content.', createdAt: stamp, updatedAt: stamp },
  ];

  const w = (fields: Parameters<typeof sampleWorkload>[1]) => sampleWorkload(stamp, fields);
  const workloads = [
    // Northwind: the guide's support platform — grounding, formatting and style in one tuned model.
    w({ id: 1, clientId: SUPPORT, name: 'Support answer drafts', kind: 'product', owner: 'Dana (support eng)', criticality: 'business_critical',
      monthlyVolume: 600_000, latencyTargetMs: 1500, knowledgeChangeFrequency: 'weekly', baselineAccuracy: 0.91, baselineP95Ms: 1200, baselineCostPer1k: 1.8,
      retrainCadenceDays: 30, lastRetrainDate: inDays(-20), notes: 'Grounding, JSON reply envelope and brand voice in one tuned model.' }),
    w({ id: 2, clientId: SUPPORT, name: 'Ticket router', kind: 'workflow', owner: 'Sam (platform)', criticality: 'business_critical',
      monthlyVolume: 2_400_000, latencyTargetMs: 250, baselineAccuracy: 0.94, baselineP95Ms: 180, baselineCostPer1k: 0.3 }),
    w({ id: 3, clientId: SUPPORT, name: 'Macro tone rewriter', owner: 'Dana (support eng)', pairwiseFeedback: 1_200,
      baselineAccuracy: 0.88, baselineP95Ms: 900, baselineCostPer1k: 0.9 }),
    w({ id: 4, clientId: SUPPORT, name: 'Agency "custom AI" reply ranker', owner: 'Agency team', criticality: 'experimental', pairwiseFeedback: 320,
      notes: 'Sold as custom AI; really a tuned ranker over canned replies.' }),
    // Meridian: the guide's healthcare SaaS — policy content must refresh daily without retraining.
    w({ id: 5, clientId: HEALTH, name: 'Patient support assistant', kind: 'product', owner: 'Priya (product)', criticality: 'business_critical',
      residency: 'EU', regulated: true, auditTrailRequired: true, monthlyVolume: 350_000, latencyTargetMs: 2000, knowledgeChangeFrequency: 'daily',
      baselineAccuracy: 0.9, baselineP95Ms: 1400, baselineCostPer1k: 2.1, startDate: inDays(10) }),
    w({ id: 6, clientId: HEALTH, name: 'Claim intake extraction', kind: 'workflow', owner: 'Lee (ops)', residency: 'EU', regulated: true,
      monthlyVolume: 80_000, baselineAccuracy: 0.96, baselineP95Ms: null, baselineCostPer1k: 0.7 }),
    w({ id: 7, clientId: HEALTH, name: 'Clinic-side triage classifier', owner: 'Lee (ops)', deployment: 'on_prem', residency: 'on_prem', regulated: true,
      monthlyVolume: 40_000, latencyTargetMs: 400, baselineAccuracy: 0.93, baselineP95Ms: 350, baselineCostPer1k: null }),
    w({ id: 8, clientId: HEALTH, name: 'Wellness chat persona', owner: 'Marketing', criticality: 'experimental', monthlyVolume: 5_000 }),
    // Harbor Bank: governance-heavy; residency and audit trails decide the architecture.
    w({ id: 9, clientId: BANK, name: 'Policy Q&A for branch staff', kind: 'product', owner: 'Compliance IT', criticality: 'business_critical',
      residency: 'on_prem', regulated: true, auditTrailRequired: true, monthlyVolume: 120_000, knowledgeChangeFrequency: 'weekly',
      baselineAccuracy: 0.89, baselineP95Ms: 1600, baselineCostPer1k: 1.2 }),
    w({ id: 10, clientId: BANK, name: 'Transaction categoriser', kind: 'workflow', owner: 'Payments', criticality: 'business_critical',
      regulated: true, monthlyVolume: 5_000_000, latencyTargetMs: 150, baselineAccuracy: 0.97, baselineP95Ms: 90, baselineCostPer1k: 0.05 }),
    w({ id: 11, clientId: BANK, name: 'Complaint letter drafting', owner: 'Customer care', regulated: true, auditTrailRequired: true,
      monthlyVolume: 15_000, baselineAccuracy: null, baselineP95Ms: 2500, baselineCostPer1k: 3.2, startDate: inDays(-30) }),
    w({ id: 12, clientId: BANK, name: 'KYC document field extraction', kind: 'workflow', owner: 'Onboarding', residency: 'EU', regulated: true,
      monthlyVolume: 200_000, latencyTargetMs: 800, baselineAccuracy: 0.95, baselineP95Ms: 600, baselineCostPer1k: 0.4 }),
  ];

  const jobProfiles = [
    sampleProfile(1, { knowledge: 70, format: 40, style: 50 }, true, ['Replies cite help-centre articles that change weekly.', '82% of 3,410 replies are JSON objects with the same 4 keys.']),
    sampleProfile(2, { behavior: 90, format: 20 }, true, ['Outputs one of 14 queue labels.']),
    sampleProfile(3, { style: 85 }, true),
    sampleProfile(4, { ranking: 70, style: 20 }, false),
    sampleProfile(5, { knowledge: 85, style: 40, behavior: 25 }, true, ['Answers follow care-policy documents updated daily.']),
    sampleProfile(6, { format: 80, behavior: 30 }, true),
    sampleProfile(7, { behavior: 85 }, false),
    sampleProfile(8, { style: 60 }, false),
    sampleProfile(9, { knowledge: 90, format: 20 }, true),
    sampleProfile(10, { behavior: 95 }, true),
    sampleProfile(11, { style: 55, format: 45, knowledge: 19 }, false),
    // Workload 12 has no profile yet: the questionnaire has not been run.
  ];

  const commitments: Commitment[] = [
    { id: 1, clientId: SUPPORT, customer: 'Contoso Retail', kind: 'latency', threshold: 300, description: 'Routing within 300 ms p95', dueDate: dueAfterWorkingDays(46, 30), noticeDays: 30, penalty: '5% service credit', workloadIds: [2] },
    { id: 2, clientId: SUPPORT, customer: 'Fabrikam', kind: 'accuracy', threshold: 0.9, description: 'Answer accuracy on the quarterly audit set', dueDate: afterDeadline(84), noticeDays: 60, penalty: null, workloadIds: [1] },
    { id: 3, clientId: HEALTH, customer: 'St. Anne Clinics', kind: 'accuracy', threshold: 0.9, description: 'Accuracy on the clinical support review set', dueDate: inDays(200), noticeDays: 45, penalty: 'Contract review', workloadIds: [5] },
    { id: 4, clientId: HEALTH, customer: 'St. Anne Clinics', kind: 'residency', threshold: null, description: 'EU', dueDate: null, noticeDays: 0, penalty: null, workloadIds: [5, 6] },
    { id: 5, clientId: BANK, customer: 'Harbor Bank regulator file', kind: 'availability', threshold: 0.999, description: 'Branch tools available in business hours', dueDate: dueAfterWorkingDays(39, 20), noticeDays: 20, penalty: null, workloadIds: [9] },
    { id: 7, clientId: BANK, customer: 'Onboarding audit', kind: 'accuracy', threshold: 0.95, description: 'Field accuracy on the audit sample', dueDate: dueAfterWorkingDays(15, 14), noticeDays: 14, penalty: 'Audit finding', workloadIds: [12] },
    { id: 6, clientId: BANK, customer: 'Card network', kind: 'latency', threshold: 200, description: 'Categorisation inside the authorisation window', dueDate: afterDeadline(175), noticeDays: 90, penalty: 'Network fee', workloadIds: [10] },
  ];

  const contracts: Contract[] = [
    { id: 1, clientId: SUPPORT, name: 'Northwind master services agreement', party: 'client', counterparty: 'Northwind Support', renewalDate: inDays(180), noticeDays: 60, notes: 'Renewal needs the migration signed off.', workloadIds: [1, 3] },
    { id: 2, clientId: null, name: 'Hosted model API enterprise agreement', party: 'vendor', counterparty: 'Model vendor', renewalDate: afterDeadline(53), noticeDays: 30, notes: '', workloadIds: [] },
  ];

  // Three candidates benchmarked for the patient support assistant (workload 5).
  const candidates: Candidate[] = [
    { id: 1, workloadId: 5, name: 'RAG + small hosted model (EU)', approach: 'rag', selfHostable: false, dataRegion: 'EU', policyUpdateHours: 2, explainability: 5, notes: 'Hybrid search over the care-policy library.' },
    { id: 2, workloadId: 5, name: 'LoRA on 8B open model', approach: 'open_weight', selfHostable: true, dataRegion: 'on_prem', policyUpdateHours: 120, explainability: 2, notes: 'Adapter retrained on transcripts.' },
    { id: 3, workloadId: 5, name: 'Frontier model + long prompt (US)', approach: 'prompting', selfHostable: false, dataRegion: 'US', policyUpdateHours: 1, explainability: 3, notes: '' },
  ];
  const evaluationRows = sampleRows([
    { candidateId: 1, accuracy: 0.93, grounded: 0.95, latency: [700, 1500], cost: 0.0016 },
    { candidateId: 2, accuracy: 0.88, grounded: 0.6, latency: [250, 600], cost: 0.0009 },
    { candidateId: 3, accuracy: 0.95, grounded: 0.8, latency: [1200, 2600], cost: 0.0042 },
  ]);
  const governance: GovernanceEntry[] = [
    { workloadId: 5, candidateId: 1, dataLocation: 'EU (vendor region eu-west)', inspectors: 'Support leads, compliance', auditTrail: true },
    { workloadId: 5, candidateId: 2, dataLocation: 'On-prem GPU cluster', inspectors: 'ML team', auditTrail: true },
    { workloadId: 5, candidateId: 3, dataLocation: 'US', inspectors: 'Vendor, support leads', auditTrail: false },
  ];
  const signOffs: SignOff[] = [
    ...(['legal', 'security', 'compliance'] as const).map((role) => ({ candidateId: 1, role, status: 'approved' as const, by: 'Meridian review board', at: inDays(-7) })),
    { candidateId: 2, role: 'legal', status: 'approved', by: 'Meridian legal', at: inDays(-7) },
    { candidateId: 2, role: 'security', status: 'approved', by: 'Meridian security', at: inDays(-6) },
    { candidateId: 2, role: 'compliance', status: 'pending', by: '', at: null },
    { candidateId: 3, role: 'compliance', status: 'rejected', by: 'Meridian compliance', at: inDays(-5) },
  ];

  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    exportedAt: stamp,
    clients,
    workloads,
    jobProfiles,
    contracts,
    commitments,
    candidates,
    evaluationRows,
    governance,
    signOffs,
    overrides: [
      { workloadId: 3, job: 'style', approach: 'prompting', reason: 'Brand team wants to review every prompt change before preference tuning.', actor: 'Dana', at: `${today}T08:30:00.000Z` },
    ],
    workshops: sampleWorkshops(today),
    policy: {
      ...DEFAULT_POLICY,
      events: DEFAULT_POLICY.events.map((e) => (e.kind === 'training_deadline' && rehearsed
        ? { ...e, date: deadline, name: `${e.name} (sample date)` }
        : e)),
      holidays,
      blackouts,
    },
  };
}

interface RowProfile {
  candidateId: number;
  accuracy: number;
  grounded: number;
  latency: [number, number];
  cost: number;
}

/** 40 tasks per candidate, drawn from a fixed seed so the matrix is the same on every machine. */
function sampleRows(profiles: RowProfile[]): EvaluationRow[] {
  const random = mulberry32(2027);
  const rows: EvaluationRow[] = [];
  for (const p of profiles) {
    for (let task = 1; task <= 40; task++) {
      const correct = random.chance(p.accuracy);
      rows.push({
        candidateId: p.candidateId,
        taskId: `care-${String(task).padStart(3, '0')}`,
        latencyMs: random.int(p.latency[0], p.latency[1]),
        costUsd: Math.round(p.cost * (0.8 + random.next() * 0.4) * 1e6) / 1e6,
        correct,
        grounded: random.chance(p.grounded),
        refused: random.chance(0.02),
        hallucinated: !correct && random.chance(0.5),
        winVsBaseline: random.chance(correct ? 0.6 : 0.2),
      });
    }
  }
  return rows;
}
