// The six importers as fuzz targets, each driven through its real channels (or, for the workspace
// JSON, the CLI command) on a real SQLite file.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { commands } from '../../../electron/cli/commands.ts';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from '../../../shared/domain/snapshot.ts';
import { OfframpError, type ErrorInfo } from '../../../shared/errors.ts';
import type { EvaluationImportPreview, JobsImportPreview, SpreadsheetPreview } from '../../../shared/ipc/imports.ts';
import type { TrainingAnalysis } from '../../../shared/analysis/types.ts';
import { evaluationCsvText, jobsListText, promptfooJsonText, spreadsheetCsv, trainingText, workspaceJsonText } from './generators.ts';
import { FuzzFailure, checkRefusal, checkUnchanged, hashTables, previewAndCommit, type FuzzWorkspace, type Importer } from './harness.ts';
import { readWorkspaceJson } from '../../../shared/imports/workspaceJson.ts';
import { readImportFile } from '../../../electron/importers/readFile.ts';
import { fillWorkspace } from '../../../electron/services/fill.ts';

export const jobsList: Importer<string> = {
  name: 'jobs list (JSON)',
  arbitrary: jobsListText,
  run: (ws, text) => {
    const { file, handle } = ws.place('jobs.json', text);
    return previewAndCommit(ws, file, 'jobs list', () => ws.call('imports.jobs.preview', { files: [handle] }),
      (v) => ws.call('imports.jobs.commit', { token: (v as JobsImportPreview).token, clientId: ws.clientId }));
  },
};

function evaluationImporter(name: string, fileName: string, arbitrary: Importer<string>['arbitrary']): Importer<string> {
  return {
    name,
    arbitrary,
    run: (ws, text) => {
      const { file, handle } = ws.place(fileName, text);
      return previewAndCommit(ws, file, name, () => ws.call('imports.evaluations.preview', { file: handle, workloadId: ws.workloadId }), (v) => {
        const p = v as EvaluationImportPreview;
        // Own keys, as the screen builds them: a candidate may be called "__proto__".
        const approaches = Object.fromEntries(p.candidates.map((c) => [c.name, c.approach]));
        return ws.call('imports.evaluations.commit', { token: p.token, workloadId: ws.workloadId, approaches });
      });
    },
  };
}

export const promptfooJson = evaluationImporter('promptfoo JSON', 'results.json', promptfooJsonText);
export const evaluationCsv = evaluationImporter('evaluation CSV', 'results.csv', evaluationCsvText);

export const spreadsheet: Importer<{ kind: string; text: string }> = {
  name: 'spreadsheet CSV',
  arbitrary: spreadsheetCsv,
  run: (ws, { kind, text }) => {
    const { file, handle } = ws.place(`${kind}.csv`, text);
    return previewAndCommit(ws, file, `spreadsheet (${kind})`, () => ws.call('imports.spreadsheet.preview', { file: handle, kind }), (v) => {
      const p = v as SpreadsheetPreview;
      // Cell problems are listed, not thrown: each must name the file, its row and its column.
      for (const e of p.errors) checkRefusal(e, file, `spreadsheet (${kind}) preview error`);
      // With problems listed, the commit must refuse (and name the file); without, it may write.
      return ws.call('imports.spreadsheet.commit', { token: p.token }).then((r) => {
        if (r.ok && p.errors.length > 0) throw new FuzzFailure(`spreadsheet (${kind}): committed although the preview listed ${p.errors.length} problems`);
        return r;
      });
    });
  },
};

export const training: Importer<string> = {
  name: 'training JSONL',
  arbitrary: trainingText,
  run: async (ws, text) => {
    const { file, handle } = ws.place('train.jsonl', text);
    const db = ws.app.ctx.workspace.database();
    const before = hashTables(db);
    const r = await ws.call('imports.training.analyse', { file: handle });
    checkUnchanged(before, hashTables(db), 'training analysis');
    if (!r.ok) {
      checkRefusal(r.error, file, 'training analysis');
      return 'refused';
    }
    for (const m of (r.value as TrainingAnalysis).malformed.lines) {
      if (!(m.line > 0) || !m.message) throw new FuzzFailure(`training analysis: a malformed line is listed without its line number or message: ${JSON.stringify(m)}`);
    }
    return 'accepted';
  },
};

/**
 * The workspace JSON: every eighth case goes through `cli import` (in-process) into a workspace file the
 * command creates, where a refused import must leave no file behind; the others go through the same
 * reader and the same fill service into the open fuzz workspace (opening a new file per case would
 * spend the time budget on file creation), checked by table hashes and undone when accepted.
 */
let workspaceCase = 0;
export const workspaceJson: Importer<string> = {
  name: 'workspace JSON',
  arbitrary: workspaceJsonText(SNAPSHOT_FORMAT, SNAPSHOT_VERSION),
  run: async (ws, text) => {
    const { file: input } = ws.place('workspace.json', text);
    try {
      return workspaceCase++ % 8 === 0 ? await viaCli(ws.dir, input) : await viaFill(ws, input);
    } catch (e) {
      if (e instanceof FuzzFailure) throw e;
      if (!(e instanceof OfframpError)) throw new FuzzFailure(`workspace JSON: ${e instanceof Error ? (e.stack ?? e.message) : String(e)} reached the user unexplained`);
      throw e;
    } finally {
      fs.rmSync(path.dirname(input), { recursive: true, force: true });
    }
  },
};

async function viaCli(dir: string, input: string): Promise<'accepted' | 'refused'> {
  const target = path.join(path.dirname(input), 'target.offramp');
  const io = { out: () => {}, err: () => {}, resolve: (p: string) => path.resolve(dir, p), exists: (p: string) => fs.existsSync(p) };
  try {
    await commands.import.run({ db: target, json: input }, io);
  } catch (e) {
    if (!(e instanceof OfframpError)) throw e;
    checkRefusal(e.toInfo(), input, 'workspace JSON (cli import)');
    const left = fs.readdirSync(path.dirname(input)).filter((f) => f.startsWith('target.offramp'));
    if (left.length > 0) throw new FuzzFailure(`workspace JSON (cli import): an error was reported but ${left.join(', ')} was left behind`);
    return 'refused';
  }
  const db = new Database(target, { readonly: true });
  try {
    if ((db.pragma('integrity_check', { simple: true }) as string) !== 'ok') throw new FuzzFailure('workspace JSON (cli import): the imported workspace fails the integrity check');
  } finally {
    db.close();
  }
  return 'accepted';
}

async function viaFill(ws: FuzzWorkspace, input: string): Promise<'accepted' | 'refused'> {
  const db = ws.app.ctx.workspace.database();
  const before = hashTables(db);
  try {
    const snapshot = readWorkspaceJson(readImportFile(input, 'a workspace JSON export'), input);
    fillWorkspace(ws.app.ctx.workspace, 'import workspace JSON', snapshot, { replacePolicy: false });
  } catch (e) {
    if (!(e instanceof OfframpError)) throw e;
    const info: ErrorInfo = { ...e.toInfo(), file: e.file ?? input };
    checkRefusal(info, input, 'workspace JSON');
    checkUnchanged(before, hashTables(db), 'workspace JSON');
    return 'refused';
  }
  const u = await ws.call('history.undo', {});
  if (!u.ok) throw new FuzzFailure(`workspace JSON: undo after an accepted import failed: ${u.error.message}`);
  const content = (h: Record<string, string>) => JSON.stringify({ ...h, audit_log: '' });
  if (content(hashTables(db)) !== content(before)) throw new FuzzFailure('workspace JSON: undo did not restore every table');
  return 'accepted';
}

export const IMPORTERS = [jobsList, training, promptfooJson, evaluationCsv, spreadsheet, workspaceJson] as const;
