// The CLI's commands; each opens the workspace through the same services the app uses.
import fs from 'node:fs';
import { OfframpError } from '../../shared/errors.ts';
import { snapshotSchema } from '../../shared/domain/snapshotSchema.ts';
import { WorkspaceService } from '../workspace/service.ts';
import { exportSnapshot, importSnapshot } from '../db/snapshot.ts';

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

export function openForCli(file: string, options: { create?: boolean } = {}): WorkspaceService {
  const ws = new WorkspaceService({ actor: () => process.env.OFFRAMP_ACTOR ?? 'offramp-cli' });
  ws.open(file, options.create === true && !fs.existsSync(file));
  return ws;
}

export const commands: Record<string, CliCommand> = {
  export: {
    summary: 'Print the whole workspace as JSON (shape: docs/workspace-json.md).',
    usage: 'export --db FILE',
    options: { db: { type: 'string' } },
    async run(values, io) {
      const ws = openForCli(io.resolve(requireOption(values, 'db')));
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
      let raw: unknown;
      try {
        raw = JSON.parse(fs.readFileSync(input, 'utf8'));
      } catch (e) {
        throw new OfframpError({ code: 'import_invalid', file: input, message: `${input} is not valid JSON: ${(e as Error).message}` });
      }
      const parsed = snapshotSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue.path.map(String).join('.');
        throw new OfframpError({ code: 'import_invalid', file: input, field, message: `${field || 'file'}: ${issue.message}. Nothing was imported.` });
      }
      const db = io.resolve(requireOption(values, 'db'));
      const existed = io.exists(db);
      const ws = openForCli(db, { create: true });
      try {
        const summary = ws.mutate('import workspace JSON', (d, rec) => importSnapshot(d, rec, parsed.data, { replacePolicy: values['replace-policy'] === true || !existed }), 'import');
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
