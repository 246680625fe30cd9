// The loop from training data to decision, in Chromium: a training file is analysed, its profile
// accepted, an evaluation set exported from it for promptfoo, promptfoo's recorded results imported
// back, and the evaluation matrix shows them with R8's pick.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestHost } from '../host/server.ts';
import { skipWithoutChromium } from './browser.ts';
import { closeSession, ok, openRoute, openSession, seedWorkspace, shot } from './session.ts';
import { repoRoot } from '../support/cli.ts';

const FIXTURES = path.join(repoRoot, 'test/fixtures/analyser');
const PROMPTED = 'Prompted gpt-4.1-mini';
const LORA = 'LoRA adapter on Llama 3.1 8B';

describe.skipIf(skipWithoutChromium())('training data reused as the benchmark, in Chromium', () => {
  let host: TestHost;
  let browser: Browser;
  let page: Page;
  let external: string[];
  let workloadId: number;

  beforeAll(async () => {
    ({ host, browser, page, external } = await openSession({ timeout: 20_000 }));
    ({ workloadIds: [workloadId] } = await seedWorkspace(host, 'loop.offramp', {
      workloads: [{ name: 'Support ticket routing', monthlyVolume: 200_000 }],
      commitments: [{ kind: 'accuracy', threshold: 0.95 }],
    }));
    fs.copyFileSync(path.join(FIXTURES, 'ticket-routing.jsonl'), path.join(host.dir, 'ticket-routing.jsonl'));
    fs.copyFileSync(path.join(FIXTURES, 'promptfoo-evalset-results.json'), path.join(host.dir, 'results.json'));
    await openRoute({ host, page }, '/imports', 'Imports');
  });

  afterAll(() => closeSession(browser, host));

  const card = (name: string) => page.getByRole('region', { name, exact: true });

  it('walks training file → analysis → accepted profile → evaluation set → promptfoo results → matrix and R8 pick', async () => {
    // 1. The training file is analysed: a label set, read from the replies, with the lines it comes from.
    const training = card('Training data');
    await training.getByLabel('Workload').selectOption({ label: 'Support ticket routing' });
    host.platform.queueDialog('ticket-routing.jsonl');
    await training.getByRole('button', { name: 'Choose training file…' }).click();
    await expect.poll(() => training.getByRole('spinbutton', { name: /^Behavior/ }).inputValue()).toBe('100');
    await training.getByText(/come from a set of 4 distinct answers .* the model picks a label \(lines \d+, \d+ and \d+\)/).first().waitFor();

    // 2. The profile is accepted into the workload.
    await training.getByRole('button', { name: 'Accept into job profile' }).click();
    await training.getByText('Accepted into the job profile of Support ticket routing.').waitFor();
    const profile = ok<{ weights: Record<string, number> }>(await host.app.dispatch('jobProfiles.get', { workloadId }));
    expect(profile.weights.behavior).toBe(100);

    // 3. An evaluation set of 6 tasks (seed 1) is exported for promptfoo.
    const evalset = training.getByRole('region', { name: 'Evaluation set from this file' });
    await evalset.getByLabel('Number of tasks').fill('6');
    await evalset.getByLabel('Seed').fill('1');
    host.platform.queueDialog('routing-evalset.yaml');
    await evalset.getByRole('button', { name: 'Export evaluation set…' }).click();
    await evalset.getByText(/Saved routing-evalset\.yaml: 6 tasks sampled from 40 \(assertions: equals 6\)/).waitFor();
    await evalset.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, 'imports-evalset');
    const exported = parse(fs.readFileSync(path.join(host.dir, 'routing-evalset.yaml'), 'utf8')) as { tests: { vars: { prompt: string }; assert: { type: string; value: string }[] }[] };
    expect(exported.tests).toHaveLength(6);
    expect(exported.tests.every((t) => t.assert[0].type === 'equals')).toBe(true);

    // The recorded promptfoo run is of exactly these tests: the loop lines up.
    const recorded = JSON.parse(fs.readFileSync(path.join(host.dir, 'results.json'), 'utf8')) as { results: { results: { testIdx: number; vars: { prompt: string } }[] } };
    for (const r of recorded.results.results) expect(r.vars.prompt).toBe(exported.tests[r.testIdx].vars.prompt);

    // 4. promptfoo's results come back through the Evaluation results card.
    const evals = card('Evaluation results');
    await evals.getByLabel('Workload').selectOption({ label: 'Support ticket routing' });
    host.platform.queueDialog('results.json');
    await evals.getByRole('button', { name: 'Choose results file…' }).click();
    const table = evals.getByRole('table', { name: 'Candidates in the file' });
    await table.waitFor();
    await evals.getByLabel(`Approach of ${PROMPTED}`).selectOption('prompting');
    await evals.getByLabel(`Approach of ${LORA}`).selectOption('open_weight');
    await evals.getByRole('button', { name: 'Import 12 rows' }).click();
    await evals.getByText('Imported 12 rows for 2 candidates.').waitFor();

    // 5. The matrix shows them: the adapter's 5 of 6 breaks the 0.95 accuracy commitment, R8 picks the prompted model.
    await evals.getByRole('link', { name: 'Open the evaluation matrix' }).click();
    const matrix = page.getByRole('table', { name: 'Evaluation matrix' });
    const lora = matrix.getByRole('row').filter({ hasText: LORA });
    await lora.waitFor();
    expect(await lora.locator('.cell--broken').innerText()).toMatch(/83\.3%[\s\S]*Breaks accuracy ≥ 0\.95 promised to Acme Insurance/);
    const prompted = matrix.getByRole('row').filter({ hasText: PROMPTED });
    expect(await prompted.locator('.cell--broken').count()).toBe(0);
    expect(await prompted.innerText()).toContain('R8 pick');
    await page.getByRole('status', { name: 'Rule R8' }).getByText(new RegExp(`R8 picks ${PROMPTED.replace(/[.]/g, '\\.')}`)).waitFor();
    await shot(page, 'evalset-loop-matrix');
    expect(external).toEqual([]);
  });
});
