// Gathers what the roadmap shows (one client or the whole workspace) from the same portfolio every screen uses.
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { RoadmapData } from '../../shared/ipc/exports.ts';
import { OfframpError } from '../../shared/errors.ts';
import { loadPortfolio } from '../services/portfolio.ts';
import { diffSinceBaseline } from '../services/baselines.ts';

export function buildRoadmapData(db: Database, workspaceFile: string, today: string, clientId?: number): RoadmapData {
  const { snapshot, evaluations, portfolio } = loadPortfolio(db, today, clientId);
  const client = clientId === undefined ? null : snapshot.clients.find((c) => c.id === clientId) ?? null;
  if (clientId !== undefined && !client) {
    throw new OfframpError({ code: 'not_found', field: 'clientId', message: `There is no client with id ${clientId} in this workspace` });
  }
  const workspaceName = path.basename(workspaceFile).replace(/\.offramp$/i, '');
  return {
    title: client?.name ?? 'All clients',
    scope: { clientId: client?.id ?? null, clientName: client?.name ?? null },
    workspaceName,
    today,
    portfolio,
    clients: snapshot.clients,
    commitments: snapshot.commitments,
    contracts: snapshot.contracts,
    candidates: snapshot.candidates,
    evaluations: Object.fromEntries(evaluations),
    governance: snapshot.governance,
    signOffs: snapshot.signOffs,
    events: snapshot.policy.events,
    retestDays: snapshot.policy.retestDays,
    rollbackDays: snapshot.policy.rollbackDays,
    blackouts: snapshot.policy.blackouts,
    changes: diffSinceBaseline(db, today, { clientId }),
  };
}
