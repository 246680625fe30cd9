// Builds fine-tuning jobs lists in the API's shape for import tests.
export interface JobSpec {
  id: string;
  model?: string;
  suffix?: string | null;
  status?: 'succeeded' | 'failed' | 'cancelled' | 'running';
  day: number;
}

/** `day` is days after 2026-01-01; succeeded jobs get a fine-tuned model named after the suffix. */
export function aJobsList(jobs: JobSpec[], hasMore = false): string {
  const base = Date.UTC(2026, 0, 1) / 1000;
  return JSON.stringify({
    object: 'list',
    has_more: hasMore,
    data: jobs.map((j) => {
      const status = j.status ?? 'succeeded';
      const model = j.model ?? 'gpt-4o-mini-2024-07-18';
      return {
        object: 'fine_tuning.job', id: j.id, model, status,
        created_at: base + j.day * 86400, finished_at: status === 'succeeded' ? base + j.day * 86400 + 3600 : null,
        fine_tuned_model: status === 'succeeded' ? `ft:${model}:acme:${j.suffix ?? 'x'}:${j.id.slice(-6)}` : null,
        trained_tokens: status === 'succeeded' ? 120_000 : null, training_file: `file-${j.id}`, validation_file: null,
        suffix: j.suffix ?? null, hyperparameters: { n_epochs: 3 }, method: { type: 'supervised' },
      };
    }),
  });
}
