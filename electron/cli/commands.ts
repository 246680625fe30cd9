// The CLI's commands; each opens the workspace through the same services the app uses. Only what plan needs is
// imported up front: the other commands load their modules (zod schemas, the sample, importers) when they run.
import fs from 'node:fs';
import { OfframpError } from '../../shared/errors.ts';
import { WorkspaceService } from '../workspace/service.ts';
import { planToCsv, portfolioToPlanJson } from '../../shared/plan/csv.ts';
import { loadPortfolio } from '../services/portfolio.ts';
import { listClients } from '../db/clients.ts';
import { clientChoices, findClient } from '../../shared/domain/findClient.ts';
import type { Database } from 'better-sqlite3';
import { format } from 'date-fns';

/**
 * The IPC contract's isoDate test (shared/ipc/inventory.ts) without its zod schema: plan needs no schema otherwise,
 * and building the contract's schemas was a noticeable share of a CLI start.
 */
function isIsoDate(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
    && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
}

/** --today as given (checked), or undefined when it is not given. */
export function optionalTodayOption(values: Record<string, string | boolean | undefined>): string | undefined {
  const v = values.today;
  if (v === undefined) return undefined;
  if (!isIsoDate(v)) throw new OfframpError({ code: 'invalid_payload', field: '--today', message: `--today ${String(v)}: use a date like 2026-11-25` });
  return v;
}

export function todayOption(values: Record<string, string | boolean | undefined>): string {
  return optionalTodayOption(values) ?? format(new Date(), 'yyyy-MM-dd');
}

/** Finds a client by id or by name (case-insensitive); the message lists the clients there are. */
export function resolveClient(db: Database, nameOrId: string | undefined): number | undefined {
  if (nameOrId === undefined) return undefined;
  const clients = listClients(db);
  const found = findClient(clients, nameOrId);
  if (!found) {
    throw new OfframpError({ code: 'not_found', field: '--client', message: `No client "${nameOrId}". Clients: ${clientChoices(clients) || 'none yet'}` });
  }
  return found.id;
}

function positiveInt(values: Record<string, string | boolean | undefined>, name: string, fallback: number): number {
  const v = values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new OfframpError({ code: 'invalid_payload', field: `--${name}`, message: `--${name} must be a whole number above 0` });
  return n;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  resolve(p: string): string;
  exists(p: string): boolean;
}

type OptionSpec = { type: 'string' | 'boolean'; short?: string };

export interface CliCommand {
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  run(values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number>;
}

export function requireOption(values: Record<string, string | boolean | undefined>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new OfframpError({ code: 'invalid_payload', field: `--${name}`, message: `--${name} is required` });
  return v;
}

function cliWorkspace(): WorkspaceService {
  return new WorkspaceService({ actor: () => process.env.OFFRAMP_ACTOR ?? 'offramp-cli' });
}

export function openForCli(file: string, options: { create?: boolean; readOnly?: boolean } = {}): WorkspaceService {
  const ws = cliWorkspace();
  ws.open(file, options.create === true && !fs.existsSync(file), { readOnly: options.readOnly });
  return ws;
}

export const commands: Record<string, CliCommand> = {
  plan: {
    summary: 'Print recommendations and plans (JSON shape: docs/plan-json.md; CSV: one row per step).',
    usage: 'plan --db FILE [--today YYYY-MM-DD] [--client NAME_OR_ID] [--format json|csv]',
    options: { db: { type: 'string' }, today: { type: 'string' }, client: { type: 'string' }, format: { type: 'string' } },
    async run(values, io) {
      const format = values.format ?? 'json';
      if (format !== 'json' && format !== 'csv') throw new OfframpError({ code: 'invalid_payload', field: '--format', message: '--format must be json or csv' });
      const ws = openForCli(io.resolve(requireOption(values, 'db')), { readOnly: true });
      try {
        const db = ws.database();
        const { portfolio } = loadPortfolio(db, todayOption(values), resolveClient(db, values.client as string | undefined));
        io.out(format === 'csv' ? planToCsv(portfolio) : `${JSON.stringify(portfolioToPlanJson(portfolio), null, 2)}\n`);
      } finally {
        ws.close();
      }
      return 0;
    },
  },
  sample: {
    summary: 'Create FILE holding the sample portfolio drawn from the migration guide\'s cases (as File > New from Sample).',
    usage: 'sample --db FILE [--today YYYY-MM-DD]',
    options: { db: { type: 'string' }, today: { type: 'string' } },
    async run(values, io) {
      const file = io.resolve(requireOption(values, 'db'));
      if (io.exists(file)) throw new OfframpError({ code: 'conflict', file, field: '--db', message: `${file} already exists; choose a new file for the sample` });
      const { createSampleWorkspace } = await import('../services/fill.ts');
      const ws = cliWorkspace();
      try {
        const summary = createSampleWorkspace(ws, file, todayOption(values));
        io.out(`Created ${file} with ${summary.clients} clients and ${summary.workloads} workloads\n`);
      } finally {
        ws.close();
      }
      return 0;
    },
  },
  generate: {
    summary: 'Fill FILE with a deterministic synthetic portfolio (for tests, demos and benchmarks).',
    usage: 'generate --db FILE [--clients N] [--workloads M] [--seed S] [--capacity C]',
    options: { db: { type: 'string' }, clients: { type: 'string' }, workloads: { type: 'string' }, seed: { type: 'string' }, capacity: { type: 'string' } },
    async run(values, io) {
      const file = io.resolve(requireOption(values, 'db'));
      const [{ generatePortfolio }, { snapshotSchema }, { fillWorkspace }] = await Promise.all([
        import('../../shared/sample/generate.ts'), import('../../shared/domain/snapshotSchema.ts'), import('../services/fill.ts'),
      ]);
      const snapshot = generatePortfolio({
        clients: positiveInt(values, 'clients', 3), workloads: positiveInt(values, 'workloads', 30), seed: positiveInt(values, 'seed', 1),
        capacity: values.capacity === undefined ? null : positiveInt(values, 'capacity', 1),
      });
      const parsed = snapshotSchema.parse(snapshot);
      const existed = io.exists(file);
      const ws = openForCli(file, { create: true });
      try {
        const summary = fillWorkspace(ws, 'generate a synthetic portfolio', parsed, { replacePolicy: !existed });
        io.out(`Generated ${summary.clients} clients and ${summary.workloads} workloads in ${file}\n`);
      } finally {
        ws.close();
      }
      return 0;
    },
  },
  export: {
    summary: 'Print the whole workspace as JSON (shape: docs/workspace-json.md).',
    usage: 'export --db FILE',
    options: { db: { type: 'string' } },
    async run(values, io) {
      const { exportSnapshot } = await import('../db/snapshot.ts');
      const ws = openForCli(io.resolve(requireOption(values, 'db')), { readOnly: true });
      try {
        io.out(`${JSON.stringify(exportSnapshot(ws.database(), new Date().toISOString()), null, 2)}\n`);
      } finally {
        ws.close();
      }
      return 0;
    },
  },
  import: {
    summary: 'Load a workspace JSON into FILE in one transaction (FILE is created if missing; ids are renumbered).',
    usage: 'import --db FILE --json IN [--replace-policy]',
    options: { db: { type: 'string' }, json: { type: 'string' }, 'replace-policy': { type: 'boolean' } },
    async run(values, io) {
      const input = io.resolve(requireOption(values, 'json'));
      const [{ readWorkspaceJson }, { readImportFile }, { fillWorkspace }] = await Promise.all([
        import('../../shared/imports/workspaceJson.ts'), import('../importers/readFile.ts'), import('../services/fill.ts'),
      ]);
      // Forms, IPC and this import share the entity schemas; ids and references are checked before anything is written.
      const parsed = { data: readWorkspaceJson(readImportFile(input, 'a workspace JSON export'), input) };
      const db = io.resolve(requireOption(values, 'db'));
      const existed = io.exists(db);
      const ws = openForCli(db, { create: true });
      try {
        const summary = fillWorkspace(ws, 'import workspace JSON', parsed.data, { replacePolicy: values['replace-policy'] === true || !existed });
        io.out(`Imported ${summary.clients} clients, ${summary.workloads} workloads, ${summary.contracts} contracts, ${summary.commitments} commitments, ${summary.candidates} candidates and ${summary.evaluationRows} evaluation rows into ${db}\n`);
      } catch (e) {
        ws.close();
        // A workspace this command created for the import must not survive a failed import.
        if (!existed) for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
        if (e instanceof OfframpError) throw new OfframpError({ ...e.toInfo(), file: input, message: `${e.message}. Nothing was imported.` });
        throw e;
      } finally {
        ws.close();
      }
      return 0;
    },
  },
};
