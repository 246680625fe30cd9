// The evaluation matrix and the governance map of a regulated workload: broken commitments named in their cells,
// candidates added and edited, sign-offs that make a candidate eligible and let rule R8 pick it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestHost } from '../host/server.ts';
import { skipWithoutChromium } from './browser.ts';
import { closeSession, ok, openRoute, openSession, seedWorkspace, shot } from './session.ts';

const PROMPTED = 'Prompted gpt-4.1-mini';
const RAG = 'RAG + small hosted model';
const BIG = 'Hosted large model';

/** 20 tasks per candidate: RAG misses accuracy (0.90), the large model misses the 900 ms p95 SLA, the prompted one keeps both. */
function rows(): string {
  const lines = ['candidate,task_id,latency_ms,cost_usd,correct,grounded,refused,hallucinated'];
  for (let i = 1; i <= 20; i++) {
    lines.push(`${RAG},t${i},${300 + i * 10},0.0004,${i <= 18},true,false,${i === 20}`);
    lines.push(`${PROMPTED},t${i},${500 + i * 20},0.0011,true,${i % 4 !== 0},false,false`);
    lines.push(`${BIG},t${i},${1200 + i * 30},0.0030,true,true,${i === 7},false`);
  }
  return `${lines.join('\n')}\n`;
}

describe.skipIf(skipWithoutChromium())('evaluation matrix and governance map in Chromium', () => {
  let host: TestHost;
  let browser: Browser;
  let page: Page;
  let external: string[];
  let workloadId: number;

  beforeAll(async () => {
    ({ host, browser, page, external } = await openSession({ timeout: 15_000 }));
    const app = host.app;
    ({ workloadIds: [workloadId] } = await seedWorkspace(host, 'evaluation.offramp', {
      workloads: [{ name: 'Claims letter drafting', regulated: true, monthlyVolume: 80_000, latencyTargetMs: 900 }],
      commitments: [{ kind: 'accuracy', threshold: 0.95 }, { kind: 'latency', threshold: 900 }],
    }));
    const file = path.join(host.dir, 'rows.csv');
    fs.writeFileSync(file, rows());
    const preview = ok<{ token: string }>(await app.dispatch('imports.evaluations.preview', { file: app.ctx.files.register(file), workloadId }));
    ok(await app.dispatch('imports.evaluations.commit', {
      token: preview.token, workloadId, approaches: { [RAG]: 'rag', [PROMPTED]: 'prompting', [BIG]: 'prompting' },
    }));

    await openRoute({ host, page }, `/workloads/${workloadId}`, 'Claims letter drafting');
  });

  afterAll(() => closeSession(browser, host));

  const matrix = () => page.getByRole('table', { name: 'Evaluation matrix' });
  const row = (name: string) => matrix().getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name.replace(/[+.]/g, '\\$&')}`) }) });
  const tabs = () => page.getByRole('navigation', { name: 'Workload sections' });
  const card = (name: string) => page.getByRole('region', { name, exact: true });

  it('reaches the matrix from the workload detail and marks each cell that breaks a commitment, with its name', async () => {
    await shot(page, 'evaluation-workload-tabs');
    await tabs().getByRole('link', { name: 'Evaluation matrix' }).click();
    await row(RAG).waitFor();
    const ragBroken = row(RAG).locator('.cell--broken');
    expect(await ragBroken.count()).toBe(1);
    expect(await ragBroken.innerText()).toContain('Breaks accuracy ≥ 0.95 promised to Acme Insurance');
    const bigBroken = row(BIG).locator('.cell--broken');
    expect(await bigBroken.innerText()).toContain('Breaks p95 latency ≤ 900 ms promised to Acme Insurance');
    // Regulated and no sign-offs yet: every candidate is ineligible, so R8 picks none and says why.
    expect(await row(PROMPTED).innerText()).toContain('Not eligible');
    expect(await matrix().getByText('R8 pick').count()).toBe(0);
    await shot(page, 'evaluation-ineligible');
  });

  it('adds a candidate and edits one through a labelled dialog', async () => {
    await page.getByRole('button', { name: 'Add candidate' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add candidate' });
    await dialog.getByLabel('Name').fill('LoRA adapter on an 8B open model');
    await dialog.getByLabel('Approach').selectOption('open_weight');
    await dialog.getByLabel('Self-hostable').check();
    await dialog.getByLabel('Data region').fill('on_prem');
    await dialog.getByLabel('Policy update time').fill('72');
    await dialog.getByLabel('Explainability for auditors').selectOption('2');
    await dialog.getByRole('button', { name: 'Add candidate' }).click();
    await dialog.waitFor({ state: 'detached' });
    const lora = row('LoRA adapter on an 8B open model');
    await lora.waitFor();
    expect(await lora.innerText()).toMatch(/3 days[\s\S]*2 \/ 5/);

    // Validation next to the field: a policy update time that is not a number.
    await page.getByRole('button', { name: `Edit ${RAG}` }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${RAG}` });
    await edit.getByLabel('Policy update time').fill('soon');
    await edit.getByRole('button', { name: 'Save candidate' }).click();
    await expect.poll(() => edit.getByLabel('Policy update time').getAttribute('aria-invalid')).toBe('true');
    await edit.getByLabel('Policy update time').fill('1');
    await edit.getByLabel('Data region').fill('EU');
    await edit.getByLabel('Explainability for auditors').selectOption('5');
    await edit.getByRole('button', { name: 'Save candidate' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => row(RAG).innerText()).toMatch(/EU[\s\S]*1 h[\s\S]*5 \/ 5/);

    // Delete asks first; Undo brings the candidate back and the matrix follows.
    await page.getByRole('button', { name: 'Edit LoRA adapter on an 8B open model' }).click();
    await page.getByRole('dialog', { name: 'Edit LoRA adapter on an 8B open model' }).getByRole('button', { name: 'Delete candidate…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete LoRA adapter on an 8B open model?' });
    await confirm.getByRole('button', { name: 'Delete candidate' }).click();
    await expect.poll(() => row('LoRA adapter on an 8B open model').count()).toBe(0);
    await page.getByRole('banner').getByRole('button', { name: 'Undo' }).click();
    await row('LoRA adapter on an 8B open model').waitFor();
  });

  it('approves the three sign-offs of one candidate in the governance map and it becomes eligible; R8 then picks it', async () => {
    await tabs().getByRole('link', { name: 'Governance map' }).click();
    const prompted = card(PROMPTED);
    await prompted.waitFor();
    await expect.poll(() => prompted.getByText(/Not eligible: missing legal, security and compliance approval/).count()).toBe(1);
    expect(await card(RAG).getByText(/Not eligible: missing legal, security and compliance approval/).count()).toBe(1);

    await prompted.getByLabel('Data location').fill('Azure OpenAI, EU (Sweden Central)');
    await prompted.getByLabel('Who may inspect outputs').fill('Claims QA team, compliance');
    await prompted.getByLabel('Audit trail').check();
    // Approving without a name is refused next to the field.
    await prompted.getByLabel('Legal status').selectOption('approved');
    await prompted.getByRole('button', { name: `Save ${PROMPTED}` }).click();
    await expect.poll(() => prompted.getByLabel('Legal signed by').getAttribute('aria-invalid')).toBe('true');
    expect(await prompted.getByText('Say who approved or rejected it').isVisible()).toBe(true);

    const people = { Legal: 'Dana Legal', Security: 'Sam Security', Compliance: 'Chris Compliance' };
    for (const [role, by] of Object.entries(people)) {
      await prompted.getByLabel(`${role} status`).selectOption('approved');
      await prompted.getByLabel(`${role} signed by`).fill(by);
      await prompted.getByLabel(`${role} date`).fill('2026-11-24');
    }
    await prompted.getByRole('button', { name: `Save ${PROMPTED}` }).click();
    const promptedAgain = card(PROMPTED);
    await promptedAgain.getByText('Eligible', { exact: true }).waitFor();
    expect(await promptedAgain.getByText('Approved by Dana Legal, 2026-11-24').isVisible()).toBe(true);
    expect(await card(RAG).getByText(/Not eligible/).count()).toBe(1);
    await page.locator('#main').evaluate((el) => el.scrollTo(0, 0));
    await shot(page, 'governance');

    // Security rejects the RAG candidate: the reason names who and when.
    const rag = card(RAG);
    await rag.getByLabel('Security status').selectOption('rejected');
    await rag.getByLabel('Security signed by').fill('Sam Security');
    await rag.getByLabel('Security date').fill('2026-11-23');
    await rag.getByRole('button', { name: `Save ${RAG}` }).click();
    await card(RAG).getByText(/Security sign-off was rejected by Sam Security on 2026-11-23/).waitFor();

    await tabs().getByRole('link', { name: 'Evaluation matrix' }).click();
    await row(PROMPTED).getByText('R8 pick').waitFor();
    await page.getByRole('status', { name: 'Rule R8' }).getByText(`R8 picks ${PROMPTED}.`).waitFor();
    expect(await row(PROMPTED).innerText()).not.toContain('Not eligible');
    await shot(page, 'evaluation');
    expect(external).toEqual([]);
  });
});
