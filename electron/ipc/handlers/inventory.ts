// Handlers of the workspace foundation: workspace file, clients, workloads, contracts, commitments, policy, undo, audit.
import path from 'node:path';
import type { RecentWorkspace, WorkspaceInfo, inventoryChannels } from '../../../shared/ipc/inventory.ts';
import { OfframpError } from '../../../shared/errors.ts';
import type { AuditEntry } from '../../../shared/domain/types.ts';
import type { HandlerContext, HandlerMap } from '../context.ts';
import { deleteClient, insertClient, listClients, updateClient } from '../../db/clients.ts';
import { deleteWorkload, getJobProfile, getWorkload, insertWorkload, listWorkloads, setJobProfile, updateWorkload } from '../../db/workloads.ts';
import {
  deleteCommitment, deleteContract, insertCommitment, insertContract, listCommitments, listContracts, updateCommitment, updateContract,
} from '../../db/agreements.ts';
import { getPolicy, setPolicy } from '../../db/policy.ts';
import { recentId } from '../../workspace/files.ts';

function openAndRemember(ctx: HandlerContext, file: string, create = false): WorkspaceInfo {
  const info = ctx.workspace.open(file, create);
  ctx.preferences.addRecent(file);
  return info;
}

export const inventoryHandlers: HandlerMap<keyof typeof inventoryChannels> = {
  'workspace.current': (_p, ctx) => ctx.workspace.info(),
  // The renderer never names a path: the platform asks the user (a native dialog in Electron), recent files go by id.
  'workspace.create': async (_p, ctx) => {
    const file = await ctx.platform.chooseWorkspace('new');
    return file === null ? null : openAndRemember(ctx, file, true);
  },
  'workspace.open': async (_p, ctx) => {
    const file = await ctx.platform.chooseWorkspace('open');
    return file === null ? null : openAndRemember(ctx, file);
  },
  'workspace.openRecent': ({ id }, ctx) => {
    const file = ctx.preferences.get().recent.find((f) => recentId(f) === id);
    if (file === undefined) throw new OfframpError({ code: 'not_found', field: 'id', message: 'That workspace is no longer in the recent list. Use Open… to find it.' });
    return openAndRemember(ctx, file);
  },
  'workspace.refused': (_p, ctx) => ctx.workspace.refused(),
  'workspace.openLatestBackup': (_p, ctx) => {
    const info = ctx.workspace.openLatestBackup();
    ctx.preferences.addRecent(info.path);
    return info;
  },
  'workspace.close': (_p, ctx) => {
    ctx.workspace.close();
    return null;
  },
  'workspace.saveCopy': async (_p, ctx) => {
    ctx.workspace.database();
    const dest = await ctx.platform.chooseWorkspace('copy');
    return dest === null ? null : ctx.workspace.saveCopy(dest);
  },
  'workspace.recent': (_p, ctx) => ctx.preferences.get().recent.map((file): RecentWorkspace => ({
    id: recentId(file), name: path.basename(file), folder: path.dirname(file),
  })),
  'preferences.get': (_p, ctx) => ({ actorName: ctx.preferences.get().actorName }),
  'preferences.update': (p, ctx) => ({ actorName: ctx.preferences.update({ actorName: p.actorName }).actorName }),

  'clients.list': (_p, ctx) => listClients(ctx.workspace.database()),
  'clients.create': (p, _ctx, db, rec) => insertClient(db, rec, p),
  'clients.update': (p, _ctx, db, rec) => updateClient(db, rec, p),
  'clients.delete': ({ id }, _ctx, db, rec) => {
    deleteClient(db, rec, id);
    return null;
  },

  'workloads.list': ({ clientId }, ctx) => listWorkloads(ctx.workspace.database(), clientId),
  'workloads.get': ({ id }, ctx) => getWorkload(ctx.workspace.database(), id),
  'workloads.create': (p, _ctx, db, rec) => insertWorkload(db, rec, p),
  'workloads.update': (p, _ctx, db, rec) => updateWorkload(db, rec, p),
  'workloads.delete': ({ id }, _ctx, db, rec) => {
    deleteWorkload(db, rec, id);
    return null;
  },
  'jobProfiles.get': ({ workloadId }, ctx) => getJobProfile(ctx.workspace.database(), workloadId),
  'jobProfiles.set': (p, _ctx, db, rec) => setJobProfile(db, rec, p),

  'contracts.list': (_p, ctx) => listContracts(ctx.workspace.database()),
  'contracts.create': (p, _ctx, db, rec) => insertContract(db, rec, p),
  'contracts.update': (p, _ctx, db, rec) => updateContract(db, rec, p),
  'contracts.delete': ({ id }, _ctx, _db, rec) => {
    deleteContract(rec, id);
    return null;
  },
  'commitments.list': (_p, ctx) => listCommitments(ctx.workspace.database()),
  'commitments.create': (p, _ctx, db, rec) => insertCommitment(db, rec, p),
  'commitments.update': (p, _ctx, db, rec) => updateCommitment(db, rec, p),
  'commitments.delete': ({ id }, _ctx, _db, rec) => {
    deleteCommitment(rec, id);
    return null;
  },

  'policy.get': (_p, ctx) => getPolicy(ctx.workspace.database()),
  'policy.update': (p, _ctx, db, rec) => setPolicy(db, rec, p),

  'history.undo': (_p, ctx) => ctx.workspace.undo(),
  'history.redo': (_p, ctx) => ctx.workspace.redo(),
  'audit.list': ({ limit }, ctx) => {
    const rows = ctx.workspace.database().prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as Record<string, unknown>[];
    return rows.map((r): AuditEntry => ({
      id: Number(r.id), at: String(r.at), actor: String(r.actor), action: r.action as AuditEntry['action'], entity: String(r.entity),
      entityId: String(r.entity_id), before: r.before === null ? null : JSON.parse(String(r.before)), after: r.after === null ? null : JSON.parse(String(r.after)),
    }));
  },
};
