// The computed plan of the open workspace, kept in the main process (one per `today`) and brought up to date after each
// committed change by replanning only what the change touched: its workloads, their clients' roll-ups, and the
// workloads whose capacity slot moved. Screens read roll-ups, row windows and one workload at a time from it.
import type { Database } from 'better-sqlite3';
import type { Client, Commitment, Contract, DeadlinePolicy, Evaluation, IsoDate, JobProfile, RecommendationOverride, Workload } from '../../shared/domain/types.ts';
import { recommend } from '../../shared/decision/recommend.ts';
import type { Recommendation } from '../../shared/decision/types.ts';
import { indexBy, type PortfolioWorkload } from '../../shared/portfolio.ts';
import { evaluationsOf, groupBy } from './portfolio.ts';
import { buildPlan, byPriority, fit, placeWithCapacity, prepare, sameFit, withCalendar, type Fit, type Prepared, type ScheduleOptions } from '../../shared/plan/schedule.ts';
import { rollupClient } from '../../shared/plan/rollup.ts';
import { CapacityBoard } from '../../shared/plan/capacity.ts';
import { daysUntil, trainingDeadline } from '../../shared/plan/sunset.ts';
import type { ClientRollup } from '../../shared/plan/types.ts';
import { portfolioCost, type PortfolioCost } from '../../shared/plan/cost.ts';
import { comparePlanRows, overviewOf, toPlanRow, type PlanOverview, type PlanRowsPage, type PlanSort } from '../../shared/planView.ts';
import { OfframpError } from '../../shared/errors.ts';
import { prepared as stmt, type ChangeGroup, type Row } from '../db/changes.ts';
import { listClients } from '../db/clients.ts';
import { getJobProfile, listJobProfiles, listWorkloads, workloadFromRow } from '../db/workloads.ts';
import { getCommitment, getContract, listCommitments, listContracts } from '../db/agreements.ts';
import { listCandidates, listGovernance, listSignOffs } from '../db/candidates.ts';
import { listOverrides } from '../db/overrides.ts';
import { getPolicy } from '../db/policy.ts';
import { listEvaluationAggregates } from '../db/evaluationAggregates.ts';
import type { WorkspaceService } from '../workspace/service.ts';

/** Tables whose rows never change a plan. Any table not named here or handled below replans everything (the safe default). */
const NO_PLAN_EFFECT = new Set(['fine_tuning_jobs', 'plan_snapshots', 'audit_log']);
/** Past this many touched workloads one full read is cheaper than thousands of small ones. */
const FULL_RELOAD_ABOVE = 1500;

interface Entry {
  pw: PortfolioWorkload;
  prepared: Prepared;
  fit: Fit;
  /** The name as the client lists compare it (see byNameThenId), folded once rather than in every comparison. */
  sortName: string;
}

/** The order listWorkloads gives within a client (name COLLATE NOCASE, then id), so roll-ups list critical paths alike. */
const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
function byNameThenId(a: Entry, b: Entry): number {
  const x = a.sortName;
  const y = b.sortName;
  return x < y ? -1 : x > y ? 1 : a.pw.workload.id - b.pw.workload.id;
}

/** The team-capacity order (highest priority first), so the capacity pass is handed entries it need not reorder. */
const byEntryPriority = (a: Entry, b: Entry) => byPriority(a.prepared, b.prepared);

/** listCommitments' and listContracts' order: by date, undated last, then id. */
const byDate = (date: (a: Commitment | Contract) => string | null) => (a: Commitment | Contract, b: Commitment | Contract): number => {
  const x = date(a);
  const y = date(b);
  if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
  return a.id - b.id;
};
const byDueDate = byDate((a) => (a as Commitment).dueDate);
const byRenewalDate = byDate((a) => (a as Contract).renewalDate);

/** `list` with the agreements named in `changed` read again (dropped when deleted), kept in the list's order. */
function reread<T extends Commitment | Contract>(list: T[], changed: Set<number>, get: (id: number) => T, order: (a: T, b: T) => number): T[] {
  if (changed.size === 0) return list;
  const out = list.filter((a) => !changed.has(a.id));
  for (const id of changed) {
    try {
      out.push(get(id));
    } catch (e) {
      if (!(e instanceof OfframpError && e.code === 'not_found')) throw e;
    }
  }
  return out.sort(order);
}

/** Reads what the engine needs about some workloads (or all): evaluations come from the per-candidate summaries. */
function readEvaluations(db: Database, workloads: readonly Workload[], workloadId?: number): Map<number, Evaluation[]> {
  return evaluationsOf({
    workloads, candidates: listCandidates(db, workloadId), aggregates: listEvaluationAggregates(db, workloadId),
    governance: listGovernance(db, workloadId), signOffs: listSignOffs(db, workloadId),
  });
}

/** The plan of one workspace on one day. */
export class WorkspacePlan {
  version = 0;
  private loaded = false;
  private pending: ChangeGroup[] = [];
  private guard = '';
  private opts!: Required<ScheduleOptions>;
  private policy!: DeadlinePolicy;
  private clients: Client[] = [];
  private commitments: Commitment[] = [];
  private contracts: Contract[] = [];
  private commitmentsOf!: (w: Workload) => Commitment[];
  private contractsOf!: (w: Workload) => Contract[];
  private entries = new Map<number, Entry>();
  /** Every entry in team-capacity priority order (kept only when the policy sets a capacity). */
  private priority: Entry[] = [];
  /** Each client's entries in listWorkloads order. */
  private byClient = new Map<number, Entry[]>();
  private rollups = new Map<number, ClientRollup>();
  private sorted = new Map<string, Entry[]>();
  private overviews = new Map<string, PlanOverview>();
  private costs = new Map<string, PortfolioCost>();

  constructor(private readonly db: Database, readonly today: IsoDate) {}

  /** A committed change: applied on the next read, so a burst of edits costs one replan. */
  note(group: ChangeGroup): void {
    if (this.loaded) this.pending.push(group);
    this.guard = this.currentGuard();
  }

  /** Changes this cache did not hear about (another connection, or raw SQL on this one) force a full read. */
  private currentGuard(): string {
    const changes = (stmt(this.db, 'SELECT total_changes() AS n').get() as { n: number }).n;
    return `${changes}/${this.db.pragma('data_version', { simple: true }) as number}`;
  }

  private ensure(): void {
    if (!this.loaded || this.currentGuard() !== this.guard) {
      this.fullLoad();
      return;
    }
    if (this.pending.length === 0) return;
    const groups = this.pending;
    this.pending = [];
    const touched = this.touchedBy(groups);
    if (touched === 'all' || touched.workloads.size > FULL_RELOAD_ABOVE) this.fullLoad();
    else this.replan(touched.workloads, touched.clients);
  }

  private fullLoad(): void {
    this.db.transaction(() => {
      this.guard = this.currentGuard();
      this.pending = [];
      this.policy = getPolicy(this.db);
      this.opts = withCalendar({ today: this.today, policy: this.policy });
      this.clients = listClients(this.db);
      this.loadAgreements();
      const workloads = listWorkloads(this.db);
      const profiles = new Map(listJobProfiles(this.db).map((p) => [p.workloadId, p]));
      const overrides = groupBy<RecommendationOverride>(listOverrides(this.db), (o) => o.workloadId);
      const evaluations = readEvaluations(this.db, workloads);
      this.entries = new Map();
      const prepared: Prepared[] = [];
      for (const workload of workloads) {
        const { recommendation, p } = this.decide(workload, profiles.get(workload.id) ?? null, evaluations.get(workload.id) ?? [], overrides.get(workload.id) ?? []);
        prepared.push(p);
        this.entries.set(workload.id, { pw: { workload, profile: profiles.get(workload.id) ?? null, recommendation, plan: null as never }, prepared: p, fit: null as never, sortName: nocase(workload.name) });
      }
      const capacity = this.capacity();
      if (capacity === null) {
        this.priority = [];
        for (const e of this.entries.values()) e.fit = fit(e.prepared, null);
      } else {
        this.priority = [...this.entries.values()].sort(byEntryPriority);
        const fits = placeWithCapacity(this.priority.map((e) => e.prepared), capacity);
        this.priority.forEach((e, i) => { e.fit = fits[i]; });
      }
      for (const e of this.entries.values()) e.pw.plan = buildPlan(e.prepared, e.fit, this.opts, capacity);
      this.byClient = groupBy<Entry>([...this.entries.values()], (e) => e.pw.workload.clientId);
      this.rollups = new Map();
      for (const c of this.clients) this.rollupOf(c.id);
      for (const clientId of this.byClient.keys()) this.rollupOf(clientId);
      this.loaded = true;
    })();
    this.bump();
  }

  private capacity(): number | null {
    const c = this.policy.capacity;
    return c === null || c <= 0 ? null : c;
  }

  private loadAgreements(): void {
    this.commitments = listCommitments(this.db);
    this.contracts = listContracts(this.db);
    this.indexAgreements();
  }

  /** After an edit of some agreements: only those are read again (a full read of every agreement and link cost more than the replan). */
  private rereadAgreements(changed: { commitments: Set<number>; contracts: Set<number> }): void {
    this.commitments = reread(this.commitments, changed.commitments, (id) => getCommitment(this.db, id), byDueDate);
    this.contracts = reread(this.contracts, changed.contracts, (id) => getContract(this.db, id), byRenewalDate);
    this.indexAgreements();
  }

  private indexAgreements(): void {
    this.commitmentsOf = indexBy<Commitment>(this.commitments);
    this.contractsOf = indexBy<Contract>(this.contracts);
  }

  private decide(workload: Workload, profile: JobProfile | null, evaluations: Evaluation[], overrides: RecommendationOverride[]): { recommendation: Recommendation; p: Prepared } {
    const commitments = this.commitmentsOf(workload);
    const recommendation = recommend({ workload, profile, commitments, evaluations, overrides });
    const p = prepare({ workload, recommendation, commitments, contracts: this.contractsOf(workload) }, this.opts);
    return { recommendation, p };
  }

  private rollupOf(clientId: number): void {
    const list = this.byClient.get(clientId) ?? [];
    if (list.length === 0 && !this.clients.some((c) => c.id === clientId)) {
      this.rollups.delete(clientId);
      return;
    }
    const name = this.clients.find((c) => c.id === clientId)?.name ?? `Client #${clientId}`;
    this.rollups.set(clientId, rollupClient(clientId, name, list.map((e) => e.pw.plan)));
  }

  /** Which workloads (and clients) a set of committed groups can replan; 'all' when the policy or an unknown table changed. */
  private touchedBy(groups: ChangeGroup[]): { workloads: Set<number>; clients: boolean } | 'all' {
    const workloads = new Set<number>();
    const candidates = new Set<number>();
    const candidateWorkload = new Map<number, number>();
    let agreements = false;
    const changedAgreements = { commitments: new Set<number>(), contracts: new Set<number>() };
    let clients = false;
    const num = (v: unknown) => Number(v);
    for (const group of groups) {
      for (const c of group.changes) {
        // Read only for the tables that need them: a bulk change may build its rows on first reading (RowChange.count).
        const rows = NO_PLAN_EFFECT.has(c.table) ? [] : (c as { rows?: Row[] }).rows ?? [c.before, c.after].filter((r): r is Row => r !== null);
        switch (c.table) {
          case 'workloads':
            if (c.bulk) for (const r of rows) workloads.add(num(r.id));
            else workloads.add(num(c.key.id));
            break;
          case 'job_profiles': case 'overrides': workloads.add(num(c.key.workload_id)); break;
          case 'governance': for (const r of rows) workloads.add(num(r.workload_id)); break;
          case 'candidates':
            for (const r of rows) { workloads.add(num(r.workload_id)); candidateWorkload.set(num(r.id), num(r.workload_id)); }
            break;
          case 'evaluation_rows': case 'sign_offs': for (const r of rows) candidates.add(num(r.candidate_id)); break;
          case 'commitments': agreements = true; changedAgreements.commitments.add(num(c.key.id)); break;
          case 'contracts': agreements = true; changedAgreements.contracts.add(num(c.key.id)); break;
          case 'commitment_workloads': agreements = true; for (const r of rows) { changedAgreements.commitments.add(num(r.commitment_id)); workloads.add(num(r.workload_id)); } break;
          case 'contract_workloads': agreements = true; for (const r of rows) { changedAgreements.contracts.add(num(r.contract_id)); workloads.add(num(r.workload_id)); } break;
          case 'clients': clients = true; break;
          case 'policy': return 'all';
          default:
            if (NO_PLAN_EFFECT.has(c.table) || c.table.startsWith('workshop')) break;
            return 'all';
        }
      }
    }
    for (const id of candidates) {
      const known = candidateWorkload.get(id);
      if (known !== undefined) workloads.add(known);
      else {
        const row = stmt(this.db, 'SELECT workload_id AS w FROM candidates WHERE id = ?').get(id) as { w: number } | undefined;
        if (row) workloads.add(row.w);
      }
    }
    if (agreements) {
      // A commitment or contract binds its linked workloads, or every workload of its client when it names none:
      // replan what it bound before and what it binds now.
      const bound = (a: { clientId: number | null; workloadIds: number[] } | undefined) => {
        if (!a) return;
        if (a.workloadIds.length > 0) for (const w of a.workloadIds) workloads.add(w);
        else if (a.clientId !== null) for (const e of this.byClient.get(a.clientId) ?? []) workloads.add(e.pw.workload.id);
      };
      const before = { commitments: this.commitments, contracts: this.contracts };
      this.rereadAgreements(changedAgreements);
      for (const list of [before.commitments, this.commitments]) for (const a of list) if (changedAgreements.commitments.has(a.id)) bound(a);
      for (const list of [before.contracts, this.contracts]) for (const a of list) if (changedAgreements.contracts.has(a.id)) bound(a);
    }
    return { workloads, clients };
  }

  /** Replans the touched workloads, then reruns the (numbers-only) capacity pass and rebuilds the plans whose slot moved. */
  private replan(touched: Set<number>, clientsChanged: boolean): void {
    const affectedClients = new Set<number>();
    if (clientsChanged) {
      this.clients = listClients(this.db);
      for (const c of this.clients) affectedClients.add(c.id);
      for (const id of this.rollups.keys()) affectedClients.add(id);
    }
    const changed = new Set<Entry>();
    for (const id of touched) {
      const old = this.entries.get(id);
      if (old) affectedClients.add(old.pw.workload.clientId);
      const row = stmt(this.db, 'SELECT * FROM workloads WHERE id = ?').get(id) as Row | undefined;
      if (!row) {
        if (old) this.entries.delete(id);
        continue;
      }
      const workload = workloadFromRow(row);
      affectedClients.add(workload.clientId);
      const profile = getJobProfile(this.db, id);
      const evaluations = readEvaluations(this.db, [workload], id).get(id) ?? [];
      const { recommendation, p } = this.decide(workload, profile, evaluations, listOverrides(this.db, id));
      const entry: Entry = { pw: { workload, profile, recommendation, plan: null as never }, prepared: p, fit: null as never, sortName: nocase(workload.name) };
      this.entries.set(id, entry);
      changed.add(entry);
    }

    // Clients whose lists hold a replaced entry (or all, when clients changed); a client whose workloads only moved
    // slots keeps its list, since those entries are updated in place, and needs only its roll-up again.
    const relisted = new Set(affectedClients);
    const capacity = this.capacity();
    if (capacity === null) {
      for (const e of changed) e.fit = fit(e.prepared, null);
    } else {
      // The last priority order with replaced entries swapped in, deleted ones out and new ones added: nearly sorted,
      // so sorting it again costs about one comparison per entry instead of a full sort of 5,000.
      const previous = this.priority;
      const all: Entry[] = [];
      for (const old of previous) {
        const e = this.entries.get(old.pw.workload.id);
        if (e && !touched.has(old.pw.workload.id)) all.push(e);
      }
      for (const id of touched) {
        const e = this.entries.get(id);
        if (e) all.push(e);
      }
      this.priority = all.sort(byEntryPriority);
      // placeWithCapacity's pass, resumed: it places workloads in priority order, each on the board the ones before it
      // left, so the entries ahead of the first one that moved or was replanned keep their slots. Their reservations
      // are replayed, and only the rest are placed again (the board's base is the pass's own, the earliest start).
      let kept = 0;
      while (kept < all.length && kept < previous.length && all[kept] === previous[kept] && !changed.has(all[kept])) kept++;
      const base = all.reduce((min, e) => Math.min(min, e.prepared.startIndex), Number.POSITIVE_INFINITY);
      const board = new CapacityBoard(capacity, Number.isFinite(base) ? base : 0);
      const reserve = (f: Fit) => board.reserve(f.layout.starts[2], f.layout.ends[4] - f.layout.starts[2] + 1);
      for (let i = 0; i < kept; i++) reserve(all[i].fit);
      for (let i = kept; i < all.length; i++) {
        const e = all[i];
        const f = fit(e.prepared, board);
        reserve(f);
        if (changed.has(e)) e.fit = f;
        else if (!sameFit(e.fit, f)) {
          e.fit = f;
          changed.add(e);
          affectedClients.add(e.pw.workload.clientId);
        }
      }
    }
    for (const e of changed) e.pw = { ...e.pw, plan: buildPlan(e.prepared, e.fit, this.opts, capacity) };

    // Entries replaced above are new objects: rebuild those clients' lists (one pass over all entries).
    const lists = new Map<number, Entry[]>([...relisted].map((id) => [id, []]));
    if (lists.size > 0) for (const e of this.entries.values()) lists.get(e.pw.workload.clientId)?.push(e);
    for (const [clientId, list] of lists) {
      if (list.length > 0) this.byClient.set(clientId, list.sort(byNameThenId));
      else this.byClient.delete(clientId);
    }
    for (const clientId of affectedClients) this.rollupOf(clientId);
    this.bump();
  }

  private bump(): void {
    this.version += 1;
    this.sorted.clear();
    this.overviews.clear();
    this.costs.clear();
  }

  /** Roll-ups in the order rows are grouped: clients by name, then any client id the clients list lacks. */
  private rollupsInScope(clientId?: number): ClientRollup[] {
    const order: ClientRollup[] = [];
    const seen = new Set<number>();
    for (const c of this.clients) {
      const r = this.rollups.get(c.id);
      if (r) { order.push(r); seen.add(c.id); }
    }
    for (const [id, r] of [...this.rollups].sort((a, b) => a[0] - b[0])) if (!seen.has(id)) order.push(r);
    return clientId === undefined ? order : order.filter((r) => r.clientId === clientId);
  }

  private rowsInOrder(clientId: number | undefined, sort: PlanSort): Entry[] {
    const key = `${clientId ?? '*'}/${sort}`;
    let rows = this.sorted.get(key);
    if (!rows) {
      const compare = comparePlanRows[sort];
      rows = this.rollupsInScope(clientId).flatMap((r) => [...(this.byClient.get(r.clientId) ?? [])].sort((a, b) => compare(a.pw, b.pw)));
      this.sorted.set(key, rows);
    }
    return rows;
  }

  overview(clientId?: number): PlanOverview {
    this.ensure();
    const key = String(clientId ?? '*');
    const cached = this.overviews.get(key);
    if (cached) return cached;
    const deadline = trainingDeadline(this.policy);
    const rollups = this.rollupsInScope(clientId);
    // In grouped order (clients by name, workloads by name), so ties resolve the same however the cache was built.
    const workloads = rollups.flatMap((r) => (this.byClient.get(r.clientId) ?? []).map((e) => e.pw));
    const overview = overviewOf({ today: this.today, trainingDeadline: deadline, daysToDeadline: daysUntil(this.today, deadline) }, rollups, workloads, this.version);
    this.overviews.set(key, overview);
    return overview;
  }

  rows(q: { clientId?: number; sort: PlanSort; offset: number; limit: number }): PlanRowsPage {
    this.ensure();
    const all = this.rowsInOrder(q.clientId, q.sort);
    return { version: this.version, total: all.length, offset: q.offset, rows: all.slice(q.offset, q.offset + q.limit).map((e) => toPlanRow(e.pw)) };
  }

  workload(workloadId: number): PortfolioWorkload & { today: IsoDate; version: number } {
    this.ensure();
    const e = this.entries.get(workloadId);
    if (!e) throw new OfframpError({ code: 'not_found', message: `No workload with id ${workloadId} (it may have been deleted)` });
    return { ...e.pw, today: this.today, version: this.version };
  }

  /**
   * Cost at volume of the scope (cost.atVolume), from the kept plan instead of a fresh read and replan of the whole
   * workspace: it needs each workload's cost basis, which the recommendation fixes and no capacity pass moves.
   * Workloads in listWorkloads order (client id, then name), clients in roll-up order, as loadPortfolio gives them.
   */
  cost(clientId?: number): PortfolioCost {
    this.ensure();
    const key = String(clientId ?? '*');
    let cost = this.costs.get(key);
    if (!cost) {
      const clientIds = clientId === undefined ? [...this.byClient.keys()].sort((a, b) => a - b) : [clientId];
      const workloads = clientIds.flatMap((id) => (this.byClient.get(id) ?? []).map((e) => e.pw));
      cost = portfolioCost({ workloads, rollups: this.rollupsInScope(clientId) });
      this.costs.set(key, cost);
    }
    return cost;
  }

  /** Every workload's recommendation and plan, in listWorkloads order (tests compare it with a full recompute). */
  all(): PortfolioWorkload[] {
    this.ensure();
    return [...this.byClient.values()].flat().map((e) => e.pw);
  }
}

const KEEP_DAYS = 3;

/** One WorkspacePlan per open database and day; told of every commit by the workspace. */
export class PlanCache {
  private readonly plans = new WeakMap<Database, Map<IsoDate, WorkspacePlan>>();

  constructor(private readonly workspace: WorkspaceService) {
    workspace.onCommit((group) => {
      const byDay = this.plans.get(workspace.database());
      if (byDay) for (const plan of byDay.values()) plan.note(group);
    });
  }

  for(today: IsoDate): WorkspacePlan {
    const db = this.workspace.database();
    let byDay = this.plans.get(db);
    if (!byDay) this.plans.set(db, (byDay = new Map()));
    let plan = byDay.get(today);
    if (!plan) {
      plan = new WorkspacePlan(db, today);
      byDay.set(today, plan);
      if (byDay.size > KEEP_DAYS) byDay.delete(byDay.keys().next().value as IsoDate);
    }
    return plan;
  }
}

const caches = new WeakMap<WorkspaceService, PlanCache>();

/** The plan cache of a workspace service (created, and subscribed to its commits, on first use). */
export function planCacheOf(workspace: WorkspaceService): PlanCache {
  let cache = caches.get(workspace);
  if (!cache) caches.set(workspace, (cache = new PlanCache(workspace)));
  return cache;
}
