// Teams arrive with files: a jobs list becomes workloads (re-import: unchanged), training data becomes a job profile,
// evaluation results become the matrix with a broken commitment marked. Screenshots in docs/screenshots/imports-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestHost } from '../host/server.ts';
import { skipWithoutChromium } from './browser.ts';
import { closeSession, ok, openRoute, openSession, seedWorkspace, shot } from './session.ts';
import { havePublicFixtures, publicFixture } from '../support/fixtures.ts';
import { betweenChunks } from '../../electron/db/evaluationStaging.ts';

const day = (iso: string) => Math.floor(Date.parse(`${iso}T10:00:00Z`) / 1000);

/** One fine-tuning job as the API lists it; optional fields left out as real responses sometimes do. */
function aJob(o: { id: string; suffix: string; status?: string; on: string; base?: string }) {
  const status = o.status ?? 'succeeded';
  const base = o.base ?? 'gpt-4o-mini-2024-07-18';
  return {
    object: 'fine_tuning.job', id: o.id, model: base, status, created_at: day(o.on),
    finished_at: status === 'succeeded' ? day(o.on) + 3600 : null,
    fine_tuned_model: status === 'succeeded' ? `ft:${base}:northwind:${o.suffix}:${o.id.slice(-6)}` : null,
    trained_tokens: status === 'succeeded' ? 120_000 : null, training_file: `file-${o.suffix}`, suffix: o.suffix,
  };
}

function jobsList(jobs: ReturnType<typeof aJob>[]) {
  return JSON.stringify({ object: 'list', data: jobs, has_more: false }, null, 2);
}

/** Per-task evaluation rows: the RAG candidate misses the 0.95 accuracy commitment (0.90), the prompted one keeps it. */
function evaluationCsv(): string {
  const lines = ['candidate,task_id,latency_ms,cost_usd,correct,grounded,refused,hallucinated'];
  for (let i = 1; i <= 20; i++) {
    lines.push(`RAG + small hosted model,t${i},${300 + i * 10},0.0004,${i <= 18 ? 'true' : 'false'},true,false,${i === 20 ? 'true' : 'false'}`);
    lines.push(`Prompted gpt-4.1-mini,t${i},${500 + i * 20},0.0011,true,${i % 4 !== 0},false,false`);
  }
  return `${lines.join('\n')}\n`;
}

describe.skipIf(skipWithoutChromium())('imports screen in Chromium', () => {
  let host: TestHost;
  let browser: Browser;
  let page: Page;
  let external: string[];
  let workloadId: number;

  beforeAll(async () => {
    ({ host, browser, page, external } = await openSession({ timeout: 15_000 }));
    ({ workloadIds: [workloadId] } = await seedWorkspace(host, 'imports.offramp', {
      workloads: [{ name: 'Support ticket routing', monthlyVolume: 200_000 }],
      commitments: [{ kind: 'accuracy', threshold: 0.95 }],
    }));
    await openRoute({ host, page }, '/imports', 'Imports');
  });

  afterAll(() => closeSession(browser, host));

  const card = (name: string) => page.getByRole('region', { name });

  it('previews a jobs list as workload drafts, imports them, and shows them unchanged on re-import', async () => {
    fs.writeFileSync(path.join(host.dir, 'jobs-page1.json'), jobsList([
      aJob({ id: 'ftjob-aaa001', suffix: 'support', on: '2026-05-04' }),
      aJob({ id: 'ftjob-aaa002', suffix: 'support', on: '2026-06-03' }),
      aJob({ id: 'ftjob-aaa003', suffix: 'support', status: 'failed', on: '2026-06-20' }),
    ]));
    fs.writeFileSync(path.join(host.dir, 'jobs-page2.json'), jobsList([
      aJob({ id: 'ftjob-aaa004', suffix: 'support', on: '2026-07-03' }),
      aJob({ id: 'ftjob-bbb001', suffix: 'claims', on: '2026-09-15' }),
      aJob({ id: 'ftjob-bbb002', suffix: 'claims', status: 'cancelled', on: '2026-10-01' }),
    ]));
    const jobs = card('Fine-tuning jobs list');
    host.platform.queueDialog('jobs-page1.json');
    await jobs.getByRole('button', { name: 'Choose jobs list…' }).click();
    host.platform.queueDialog('jobs-page2.json');
    await jobs.getByRole('button', { name: 'Add another page…' }).click();
    await jobs.getByRole('listitem').filter({ hasText: 'jobs-page2.json' }).waitFor();

    const drafts = jobs.getByRole('table', { name: 'Workload drafts' });
    const support = drafts.getByRole('row').filter({ hasText: ':support:' });
    // The drafts of page 1 alone show first: wait for the preview of both pages (page 2 holds the last retrain).
    await expect.poll(() => support.innerText()).toContain('2026-07-03');
    await expect.poll(() => support.innerText()).toContain('Create');
    // Three succeeded support jobs counted; the failed one shown, not counted; monthly cadence; last retrain in July.
    const supportText = await support.innerText();
    expect(supportText).toMatch(/\b3\b/);
    expect(supportText).toContain('1 not counted');
    expect(supportText).toMatch(/every (30|31|30\.5) days/);
    expect(supportText).toContain('2026-07-03');
    expect(await drafts.getByRole('row').filter({ hasText: ':claims:' }).innerText()).toContain('1 not counted');
    await shot(page, 'imports-jobs-preview');

    await jobs.getByRole('button', { name: 'Import 2 workloads' }).click();
    await jobs.getByText(/Imported: 2 workloads created/).waitFor();
    // The preview is read again after the write: every draft now says Unchanged and there is nothing to import.
    await expect.poll(() => drafts.getByText('Unchanged').count()).toBe(2);
    expect(await jobs.getByRole('button', { name: 'Nothing new to import' }).isDisabled()).toBe(true);
    // The wider "Unchanged" badges still fit: the long fine-tuned model names give way, the table does not scroll sideways.
    expect(await drafts.evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth)).toBe(0);

    // Re-importing the same files from scratch: still unchanged.
    for (const name of ['jobs-page1.json', 'jobs-page2.json']) await jobs.getByRole('button', { name: `Remove ${name}` }).click();
    host.platform.queueDialog('jobs-page1.json');
    await jobs.getByRole('button', { name: 'Choose jobs list…' }).click();
    host.platform.queueDialog('jobs-page2.json');
    await jobs.getByRole('button', { name: 'Add another page…' }).click();
    await expect.poll(() => drafts.getByText('Unchanged').count()).toBe(2);
    expect(await drafts.getByText('Create').count()).toBe(0);
    await shot(page, 'imports-jobs-unchanged');

    const workloads = ok<{ name: string }[]>(await host.app.dispatch('workloads.list', {}));
    expect(workloads).toHaveLength(3);
  });

  it('previews the public jobs list fixture', async () => {
    if (!havePublicFixtures) {
      console.log('[skip] public jobs list fixture: ../shared/fixtures/public is not here');
      return;
    }
    const jobs = card('Fine-tuning jobs list');
    for (const name of ['jobs-page1.json', 'jobs-page2.json']) await jobs.getByRole('button', { name: `Remove ${name}` }).click();
    host.platform.queueDialog(publicFixture('openai_fine_tuning_jobs_list.json'));
    await jobs.getByRole('button', { name: 'Choose jobs list…' }).click();
    const drafts = jobs.getByRole('table', { name: 'Workload drafts' });
    await drafts.getByRole('row').nth(1).waitFor();
    expect(await drafts.getByText('not counted').count()).toBeGreaterThan(0);
    await jobs.getByRole('button', { name: 'Remove openai_fine_tuning_jobs_list.json' }).click();
  });

  it('analyses training data with progress, lists malformed lines by number, and accepts edited weights into the job profile', async () => {
    const training = card('Training data');
    await training.getByLabel('Workload').selectOption({ label: 'Support ticket routing' });

    // A file with broken lines first: the analysis completes and names each bad line.
    const broken = [
      JSON.stringify({ messages: [{ role: 'user', content: 'Where is my parcel?' }, { role: 'assistant', content: 'shipping' }] }),
      '{"messages": [',
      JSON.stringify({ messages: [{ role: 'user', content: 'Refund please' }, { role: 'assistant', content: 'billing' }] }),
      JSON.stringify({ prompt: 42 }),
    ].join('\n');
    fs.writeFileSync(path.join(host.dir, 'broken.jsonl'), `${broken}\n`);
    host.platform.queueDialog('broken.jsonl');
    await training.getByRole('button', { name: 'Choose training file…' }).click();
    const malformed = training.getByRole('list', { name: 'Malformed lines' });
    await malformed.waitFor();
    expect(await malformed.innerText()).toContain('Line 2');
    expect(await malformed.innerText()).toContain('Line 4');
    await malformed.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, 'imports-training-malformed');

    let file = path.join(host.dir, 'tickets.jsonl');
    if (havePublicFixtures) file = publicFixture('ft_classification_support_tickets.jsonl');
    else {
      console.log('[skip] public training fixture: writing a small classification file instead');
      const labels = ['billing', 'shipping', 'account', 'technical'];
      fs.writeFileSync(file, Array.from({ length: 60 }, (_, i) => JSON.stringify({ messages: [
        { role: 'system', content: 'Classify the support ticket into one category.' },
        { role: 'user', content: `Ticket ${i}: something about ${labels[i % 4]}` },
        { role: 'assistant', content: labels[i % 4] },
      ] })).join('\n'));
    }
    host.platform.queueDialog(file);
    await training.getByRole('button', { name: 'Choose training file…' }).click();
    const behavior = training.getByRole('spinbutton', { name: /^Behavior/ });
    // The broken file's suggestion may still be on screen for a moment: wait for this file's.
    await expect.poll(() => malformed.count()).toBe(0);
    await expect.poll(async () => Number(await behavior.inputValue())).toBeGreaterThanOrEqual(20);
    await training.getByRole('group', { name: /Suggested job profile/ }).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, 'imports-training');

    // Edit one weight before accepting: the number box and the slider are the same value.
    const style = training.getByRole('spinbutton', { name: /^Style/ });
    await style.fill('35');
    expect(await training.getByRole('slider', { name: 'Style weight slider' }).inputValue()).toBe('35');
    await training.getByRole('button', { name: 'Accept into job profile' }).click();
    await training.getByText('Accepted into the job profile of Support ticket routing.').waitFor();

    const profile = ok<{ weights: Record<string, number>; sources: Record<string, string>; evidence: string[] }>(
      await host.app.dispatch('jobProfiles.get', { workloadId }),
    );
    expect(profile.weights.style).toBe(35);
    expect(profile.sources.behavior).toBe('analysis');
    expect(profile.evidence.some((e) => e.startsWith(`Training data ${path.basename(file)}`))).toBe(true);
  });

  it('shows a progress bar with Cancel while a large file is analysed, and cancelling changes nothing', async () => {
    const big = path.join(host.dir, 'big.jsonl');
    const line = `${JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(400) }, { role: 'assistant', content: '{"label":"a","score":1}' }] })}\n`;
    const fd = fs.openSync(big, 'w');
    const chunk = line.repeat(2000);
    // Big enough (~220 MB) that the analysis is still running when Cancel is pressed, even on a fast machine.
    for (let i = 0; i < 240; i++) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    const training = card('Training data');
    host.platform.queueDialog('big.jsonl');
    await training.getByRole('button', { name: 'Choose training file…' }).click();
    const bar = training.getByRole('progressbar', { name: 'Analysis progress' });
    await bar.waitFor();
    await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 10_000 }).toBeGreaterThan(0);
    await shot(page, 'imports-training-progress');
    await training.getByRole('button', { name: 'Cancel' }).click();
    await training.getByText('Analysis cancelled; nothing was changed.').waitFor();
    fs.rmSync(big);
  });

  it('imports evaluation results for a workload and the matrix marks the cell that breaks the accuracy commitment', async () => {
    fs.writeFileSync(path.join(host.dir, 'eval.csv'), evaluationCsv());
    const evals = card('Evaluation results');
    await evals.getByLabel('Workload').selectOption({ label: 'Support ticket routing' });
    host.platform.queueDialog('eval.csv');
    await evals.getByRole('button', { name: 'Choose results file…' }).click();
    const table = evals.getByRole('table', { name: 'Candidates in the file' });
    await table.waitFor();
    await evals.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    expect(await table.getByRole('row').filter({ hasText: 'RAG + small hosted model' }).innerText()).toContain('20');
    await evals.getByLabel('Approach of RAG + small hosted model').selectOption('rag');
    await evals.getByLabel('Approach of Prompted gpt-4.1-mini').selectOption('prompting');
    await shot(page, 'imports-evaluations-preview');
    await evals.getByRole('button', { name: 'Import 40 rows' }).click();
    await evals.getByText('Imported 40 rows for 2 candidates.').waitFor();

    await evals.getByRole('link', { name: 'Open the evaluation matrix' }).click();
    const matrix = page.getByRole('table', { name: 'Evaluation matrix' });
    const rag = matrix.getByRole('row').filter({ hasText: 'RAG + small hosted model' });
    await rag.waitFor();
    const broken = rag.locator('.cell--broken');
    expect(await broken.count()).toBe(1);
    expect(await broken.innerText()).toMatch(/90\.0%[\s\S]*Breaks accuracy ≥ 0\.95 promised to Acme Insurance/);
    const prompted = matrix.getByRole('row').filter({ hasText: 'Prompted gpt-4.1-mini' });
    expect(await prompted.locator('.cell--broken').count()).toBe(0);
    expect(await prompted.innerText()).toContain('R8 pick');
    await page.getByRole('status', { name: 'Rule R8' }).getByText(/R8 picks Prompted gpt-4\.1-mini/).waitFor();
    await shot(page, 'evaluation-imported');
    expect(external).toEqual([]);
  });

  it('shows the reading progress with Cancel while a large results file is previewed, and cancelling changes nothing', async () => {
    // A few read chunks long. The reading is held after its first chunk until Cancel reaches it (the staging's own seam
    // between chunks), so the bar is on screen however fast the machine is.
    const lines = ['candidate,task_id,latency_ms,cost_usd,correct,grounded,refused,hallucinated'];
    for (let i = 0; i < 100_000; i++) lines.push(`candidate-${i % 4},t${i >> 2},${100 + (i % 900)},0.0004,${i % 7 ? 'yes' : 'no'},yes,no,no`);
    fs.writeFileSync(path.join(host.dir, 'big-results.csv'), `${lines.join('\n')}\n`);
    const sampleSizes = async () => ok<{ evaluations: { sampleSize: number }[] }>(await host.app.dispatch('evaluations.matrix', { workloadId }))
      .evaluations.map((e) => e.sampleSize);
    const before = { sizes: await sampleSizes(), info: ok(await host.app.dispatch('workspace.current', {})) };
    const wait = betweenChunks.wait;
    let held = false;
    betweenChunks.wait = async (signal) => {
      if (held || !signal) return wait(signal);
      held = true;
      await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
    };
    try {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
      const evals = card('Evaluation results');
      await evals.getByLabel('Workload').selectOption({ label: 'Support ticket routing' });
      host.platform.queueDialog('big-results.csv');
      const choose = evals.getByRole('button', { name: 'Choose results file…' });
      await choose.click();
      const bar = evals.getByRole('progressbar', { name: 'Reading progress' });
      await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 10_000 }).toBeGreaterThan(0);
      await evals.getByText(/^Reading big-results\.csv: 1 MB of [\d.]+ MB/).waitFor();
      expect(await choose.isDisabled()).toBe(true);
      await evals.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(page, 'imports-evaluations-progress');
      // Cancel from the keyboard: it is a plain button in the tab order.
      await evals.getByRole('button', { name: 'Cancel' }).press('Enter');
      await evals.getByRole('status').filter({ hasText: 'Reading cancelled; nothing was changed.' }).waitFor();
      expect(await bar.count()).toBe(0);
      expect(await evals.getByRole('table', { name: 'Candidates in the file' }).count()).toBe(0);
      expect(await choose.isEnabled()).toBe(true);
      const db = host.app.ctx.workspace.database();
      expect(db.prepare("SELECT name FROM temp.sqlite_master WHERE name LIKE 'offramp_staged_%'").all()).toEqual([]);
      expect(await sampleSizes()).toEqual(before.sizes);
      expect(ok(await host.app.dispatch('workspace.current', {}))).toEqual(before.info);
    } finally {
      betweenChunks.wait = wait;
      fs.rmSync(path.join(host.dir, 'big-results.csv'));
    }
  });

  it('says which file, line and field to fix when a jobs list is truncated or an evaluation row is wrong, and writes nothing', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
    const before = ok<unknown[]>(await host.app.dispatch('workloads.list', {})).length;
    const rowsBefore = ok<{ evaluations: { sampleSize: number }[] }>(await host.app.dispatch('evaluations.matrix', { workloadId }))
      .evaluations.map((e) => e.sampleSize);

    fs.writeFileSync(path.join(host.dir, 'truncated.json'), '{"object": "list", "data": [\n  {"object": "fine_tuning.job", "id": "ftjob-x1",');
    const jobs = card('Fine-tuning jobs list');
    host.platform.queueDialog('truncated.json');
    await jobs.getByRole('button', { name: /Choose jobs list…|Add another page…/ }).click();
    const jobsAlert = jobs.getByRole('alert');
    await jobsAlert.waitFor();
    expect(await jobsAlert.innerText()).toMatch(/Where: truncated\.json, line \d+/);
    expect(await jobs.getByRole('table', { name: 'Workload drafts' }).count()).toBe(0);
    await jobs.getByRole('button', { name: 'Remove truncated.json' }).click();

    fs.writeFileSync(path.join(host.dir, 'bad-eval.csv'), 'candidate,task_id,latency_ms,correct\nRAG + small hosted model,t1,fast,true\n');
    const evals = card('Evaluation results');
    host.platform.queueDialog('bad-eval.csv');
    await evals.getByRole('button', { name: 'Choose results file…' }).click();
    const evalAlert = evals.getByRole('alert');
    await evalAlert.waitFor();
    expect(await evalAlert.innerText()).toMatch(/Where: bad-eval\.csv, line 2, field latency_ms/);
    await evals.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'imports-error');

    expect(ok<unknown[]>(await host.app.dispatch('workloads.list', {}))).toHaveLength(before);
    const rowsAfter = ok<{ evaluations: { sampleSize: number }[] }>(await host.app.dispatch('evaluations.matrix', { workloadId }))
      .evaluations.map((e) => e.sampleSize);
    expect(rowsAfter).toEqual(rowsBefore);
  });
});
