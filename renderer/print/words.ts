// Words the roadmap prints for the domain's enumerations (a board reads these, not the codes).
import type { Approach, CommitmentKind, Criticality, Deployment, Job, PlanStatus, SignOffStatus } from '../../shared/domain/types.ts';

export const statusWords: Record<PlanStatus, string> = { on_track: 'On track', tight: 'Tight', compressed: 'Compressed', late: 'Late' };
export const statusMeaning: Record<PlanStatus, string> = {
  on_track: 'Cuts over before the sunset date with 5 or more working days to spare',
  tight: 'Cuts over before the sunset date with less than 5 working days to spare',
  compressed: 'Fits only with every step cut to its shortest',
  late: 'Ends after the sunset date even with every step cut to its shortest',
};
export const approachWords: Record<Approach, string> = {
  rag: 'Retrieval (RAG)',
  prompting: 'Prompting + structured outputs',
  open_weight: 'Open-weight model (adapter)',
  preference: 'Preference optimization',
  multi_model: 'Multi-model stack',
};
export const jobWords: Record<Job, string> = {
  knowledge: 'Knowledge', format: 'Format', style: 'Style', behavior: 'Behavior', ranking: 'Ranking',
};
export const criticalityWords: Record<Criticality, string> = { business_critical: 'Business-critical', important: 'Important', experimental: 'Experimental' };
export const deploymentWords: Record<Deployment, string> = { cloud: 'Cloud', edge: 'Edge', on_prem: 'On-prem' };
export const commitmentKindWords: Record<CommitmentKind, string> = {
  accuracy: 'Accuracy', latency: 'Latency (p95)', residency: 'Data residency', availability: 'Availability', other: 'Other',
};
export const signOffWords: Record<SignOffStatus, string> = { pending: 'Pending', approved: 'Approved', rejected: 'Rejected' };

export const num = (n: number | null | undefined, digits = 0): string =>
  n === null || n === undefined ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const pct = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : `${(n * 100).toFixed(1)}%`);
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "12 Jan 2027" — dates on the page are read by people; ISO stays in tables where they sort. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const longDate = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};
