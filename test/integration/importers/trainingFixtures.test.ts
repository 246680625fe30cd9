// The analyser on real public training files: each must get the job its data was made for.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseTrainingFile } from '../../../electron/importers/analyseTrainingFile.ts';
import { repoRoot } from '../../support/cli.ts';
import { havePublicFixtures, publicFixture, reportMissingFixtures } from '../../support/fixtures.ts';

const OWN = path.resolve(repoRoot, 'test/fixtures/training');
reportMissingFixtures('public training fixtures');

describe.skipIf(!havePublicFixtures)('analyseTrainingFile on the public fixtures', () => {
  it('classification tickets → behavior, with the five labels named', async () => {
    const r = await analyseTrainingFile(publicFixture('ft_classification_support_tickets.jsonl'));
    expect(r.topJob).toBe('behavior');
    expect(r.examples).toBe(50);
    expect(r.malformed.total).toBe(0);
    expect(r.evidenceByJob.behavior[0]).toBe(
      'All 50 replies come from a set of 5 distinct answers (“Technical”, “Billing”, “Account”, “Product” and “Other”), 1 word long on average: the model picks a label (lines 1, 11 and 21).',
    );
    expect(r.suggestedWeights.knowledge).toBe(0);
  });

  it('medical report extraction → format, with the shared keys named', async () => {
    const r = await analyseTrainingFile(publicFixture('ft_extraction_medical_report_json.jsonl'));
    expect(r.topJob).toBe('format');
    expect(r.suggestedWeights.format).toBe(100);
    expect(r.evidenceByJob.format[0]).toBe(
      'All 20 replies are JSON objects, and all 20 have the same 4 top-level keys (diagnosis, patient, symptoms and treatment_plan) (lines 1, 2 and 3).',
    );
  });

  it('pirate persona → style, citing the system prompt and the “arr” signature', async () => {
    const r = await analyseTrainingFile(publicFixture('ft_style_pirate_persona.jsonl'));
    expect(r.topJob).toBe('style');
    expect(r.evidenceByJob.style[0]).toBe(
      'The system prompt sets a tone, voice or persona (“pirate”) on every example: “You are a helpful pirate assistant.” (lines 1, 2 and 3).',
    );
    expect(r.evidenceByJob.style.join(' ')).toContain('use the word “arr”, which never appears in the prompts');
  });

  it('Osaka dialect persona in Japanese → style, with the dialect ending counted', async () => {
    const r = await analyseTrainingFile(publicFixture('ft_style_osaka_dialect_persona_ja.jsonl'));
    expect(r.topJob).toBe('style');
    expect(r.examples).toBe(63);
    expect(r.suggestedWeights.style).toBeGreaterThan(r.suggestedWeights.knowledge);
    expect(r.evidenceByJob.style.join(' ')).toContain('end with “や”');
    // Japanese costs about a token per character, not four characters per token.
    expect(r.estimatedTokens).toBeGreaterThan(5_000);
  });

  it('DPO pairs → ranking, and the pairs count as pairwise feedback', async () => {
    const r = await analyseTrainingFile(publicFixture('ft_dpo_orca_pairs_first50.jsonl'));
    expect(r.topJob).toBe('ranking');
    expect(r.preferencePairs).toBe(50);
    expect(r.formats.preference).toBe(50);
  });

  it('tool calling → format, naming both functions', async () => {
    const r = await analyseTrainingFile(publicFixture('ft_tool_calling_stock_prices.jsonl'));
    expect(r.topJob).toBe('format');
    expect(r.replies.toolCalls).toBe(36);
    expect(r.evidenceByJob.format[0]).toBe(
      '42% of 86 replies are tool calls, to 2 functions (get_current_stock_price and get_last_nday_stock_price); the model was taught to fill in function arguments (lines 1, 2 and 3).',
    );
  });

  it('reads every public training file without a malformed line', async () => {
    for (const f of ['classification_support_tickets', 'dpo_orca_pairs_first50', 'extraction_medical_report_json', 'style_osaka_dialect_persona_ja', 'style_pirate_persona', 'tool_calling_stock_prices']) {
      const r = await analyseTrainingFile(publicFixture(`ft_${f}.jsonl`));
      expect(r.malformed.total, f).toBe(0);
      expect(r.evidence.length, f).toBeGreaterThan(3);
    }
  });
});

describe('analyseTrainingFile on our own fixtures', () => {
  it('synthetic policy Q&A → knowledge, quoting facts with their units', async () => {
    const r = await analyseTrainingFile(path.join(OWN, 'knowledge_policy_qa.jsonl'));
    expect(r.topJob).toBe('knowledge');
    expect(r.evidenceByJob.knowledge[0]).toMatch(/such as .*“12-month”/);
  });

  it('legacy prompt/completion sentiment labels → behavior', async () => {
    const r = await analyseTrainingFile(path.join(OWN, 'legacy_prompt_completion.jsonl'));
    expect(r.formats.prompt_completion).toBe(6);
    expect(r.topJob).toBe('behavior');
  });

  it('a CRLF file with broken lines lists each one and still analyses the rest', async () => {
    const r = await analyseTrainingFile(path.join(OWN, 'mixed_with_errors.jsonl'));
    expect(r.examples).toBe(3);
    expect(r.malformed.lines.map((m) => m.line)).toEqual([3, 4, 5, 6, 8]);
    expect(r.malformed.lines[0].message).toMatch(/^Line 3 is not valid JSON/);
    expect(r.formats).toEqual({ chat: 2, prompt_completion: 0, preference: 1 });
  });
});
