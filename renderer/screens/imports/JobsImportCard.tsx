// Fine-tuning jobs list: one or several pages → workload drafts (create / update / unchanged) → one import for a client.
import { useInventory } from '../../stores/inventory.ts';
import { useImports } from '../../stores/imports.ts';
import { SelectField } from '../../components/fields.tsx';
import { formatDate, plural } from '../../labels.ts';
import { ActionBadge, DoneNote, ImportCard, ImportError, baseName } from './ImportParts.tsx';

export function JobsImportCard() {
  const card = useImports((s) => s.jobs);
  const clients = useInventory((s) => s.clients);
  const clientFilter = useInventory((s) => s.clientFilter);
  const { chooseJobsFile, removeJobsFile, setJobsClient, commitJobs } = useImports.getState();
  const clientId = card.clientId ?? clientFilter ?? (clients.length === 1 ? clients[0].id : null);
  const preview = card.preview;
  const toWrite = preview ? preview.drafts.filter((d) => d.action !== 'unchanged').length : 0;

  return (
    <ImportCard
      id="jobs-import-title" title="Fine-tuning jobs list"
      lead="The JSON the fine-tuning API returns for a jobs list. Add several pages if the list was paged. Jobs are grouped into one workload per fine-tuned model family."
      action={(
        <button type="button" className="button" onClick={() => void chooseJobsFile()} disabled={card.busy}>
          {card.paths.length ? 'Add another page…' : 'Choose jobs list…'}
        </button>
      )}
    >
      {card.paths.length ? (
        <ul className="file-list" aria-label="Chosen jobs files">
          {card.paths.map((p) => (
            <li key={p} className="file-list__item">
              <span className="file-list__name" title={p}>{baseName(p)}</span>
              <button type="button" className="button button--ghost button--small" onClick={() => removeJobsFile(p)} aria-label={`Remove ${baseName(p)}`}>Remove</button>
            </li>
          ))}
        </ul>
      ) : null}

      <ImportError error={card.error} />

      {preview ? (
        <>
          <div className="table-card">
            <table className="data-table" aria-label="Workload drafts">
              <thead>
                <tr>
                  <th scope="col">Workload draft</th>
                  <th scope="col" className="num">Jobs counted</th>
                  <th scope="col" className="num">Failed or cancelled <span className="visually-hidden">(not counted)</span></th>
                  <th scope="col" className="num">Retrain cadence</th>
                  <th scope="col">Last retrain</th>
                  <th scope="col">On import</th>
                </tr>
              </thead>
              <tbody>
                {preview.drafts.map((d) => (
                  <tr key={d.key}>
                    <th scope="row" title={`Base model ${d.baseModel}`}>
                      <span className="cell-strong">{d.name}</span>
                      {d.fineTunedModel ? <span className="cell-sub" title={d.fineTunedModel}>{d.fineTunedModel}</span> : null}
                    </th>
                    <td className="num">{d.succeeded}</td>
                    <td className="num">{d.notCounted ? <span title="Shown, not counted in the retrain history">{d.notCounted} not counted</span> : '0'}</td>
                    <td className="num">{d.retrainCadenceDays === null ? '—' : d.retrainCadenceDays === 1 ? 'every day' : `every ${plural(d.retrainCadenceDays, 'day')}`}</td>
                    <td className="nowrap">{formatDate(d.lastRetrainDate)}</td>
                    <td><ActionBadge action={d.action} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.skipped.length ? (
            <details className="import-details">
              <summary>{plural(preview.skipped.length, 'entry', 'entries')} skipped</summary>
              <ul className="bullet-list">
                {preview.skipped.map((s, i) => <li key={`${s.id}-${i}`}><code>{s.id}</code>{s.status ? ` (${s.status})` : ''}: {s.reason}</li>)}
              </ul>
            </details>
          ) : null}
          <div className="import-card__actions">
            <SelectField
              label="Client"
              className="import-card__client"
              value={clientId === null ? '' : String(clientId)}
              onChange={(v) => setJobsClient(v ? Number(v) : null)}
              options={[...(clientId === null ? [{ value: '', label: 'Choose a client…' }] : []), ...clients.map((c) => ({ value: String(c.id), label: c.name }))]}
              hint={clients.length ? 'New workloads belong to this client' : 'Add a client first (Clients screen)'}
            />
            <button
              type="button"
              className="button button--primary"
              disabled={card.busy || clientId === null || toWrite === 0}
              onClick={() => { if (card.clientId === null && clientId !== null) setJobsClient(clientId); void commitJobs(); }}
            >
              {toWrite === 0 ? 'Nothing new to import' : `Import ${plural(toWrite, 'workload')}`}
            </button>
          </div>
        </>
      ) : null}
      <DoneNote text={card.done} />
    </ImportCard>
  );
}
