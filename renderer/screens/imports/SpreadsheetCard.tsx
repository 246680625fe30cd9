// Spreadsheets: export workloads, contracts or commitments as CSV; import one back (column mapping for foreign files) → changes per line → Apply.
import { SPREADSHEET_KINDS } from '../../../shared/ipc/imports.ts';
import type { SpreadsheetKind, SpreadsheetPreview } from '../../../shared/ipc/imports.ts';
import { useImports } from '../../stores/imports.ts';
import { SelectField } from '../../components/fields.tsx';
import { plural } from '../../labels.ts';
import { ActionBadge, DoneNote, ImportCard, ImportError, baseName, errorPlace } from './ImportParts.tsx';

const KIND_LABEL: Record<SpreadsheetKind, string> = { workloads: 'Workloads', contracts: 'Contracts', commitments: 'Commitments' };
const kindOptions = SPREADSHEET_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }));

/** "monthlyVolume" → "monthly volume": field keys in words a spreadsheet user recognises. */
const fieldWords = (key: string) => key.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();

export function SpreadsheetCard() {
  const card = useImports((s) => s.spreadsheet);
  const { exportSpreadsheet, setSpreadsheetKind, chooseSpreadsheetFile, previewSpreadsheet, commitSpreadsheet } = useImports.getState();
  const preview = card.preview;

  return (
    <ImportCard
      id="sheet-import-title" title="Spreadsheets"
      lead="Export to CSV, edit in a spreadsheet, import it back: only the rows you edited change."
    >
      <div className="import-card__split">
        <div className="import-card__pane" role="group" aria-labelledby="sheet-export-title">
          <h3 id="sheet-export-title" className="import-card__subtitle">Export as CSV</h3>
          <div className="button-row">
            {SPREADSHEET_KINDS.map((k) => (
              <button key={k} type="button" className="button" onClick={() => void exportSpreadsheet(k)}>Export {KIND_LABEL[k].toLowerCase()}…</button>
            ))}
          </div>
        </div>
        <div className="import-card__pane" role="group" aria-labelledby="sheet-import-sub">
          <h3 id="sheet-import-sub" className="import-card__subtitle">Import a CSV</h3>
          <div className="import-card__row import-card__row--inline">
            <SelectField label="The file holds" value={card.kind} onChange={(v) => setSpreadsheetKind(v)} options={kindOptions} />
            <button type="button" className="button" onClick={() => void chooseSpreadsheetFile()} disabled={card.busy}>Choose CSV…</button>
          </div>
        </div>
      </div>

      <ImportError error={card.error} />
      {preview && card.needsMapping ? <MappingStep preview={preview} onApply={() => void previewSpreadsheet()} busy={card.busy} /> : null}
      {preview ? <ChangesPreview preview={preview} busy={card.busy} onApply={() => void commitSpreadsheet()} /> : null}
      <DoneNote text={card.done} />
    </ImportCard>
  );
}

function MappingStep({ preview, onApply, busy }: { preview: SpreadsheetPreview; onApply(): void; busy: boolean }) {
  const mapping = useImports((s) => s.spreadsheet.mapping);
  const setMapping = useImports((s) => s.setMapping);
  return (
    <div className="mapping" role="group" aria-labelledby="mapping-title">
      <h3 id="mapping-title" className="import-card__subtitle">Match the columns of {baseName(preview.file)}</h3>
      <p className="muted">Some column names are not Offramp's. Say which field each column holds, or ignore it.</p>
      <table className="data-table data-table--form mapping__table">
        <thead><tr><th scope="col">Column in the file</th><th scope="col">Offramp field</th></tr></thead>
        <tbody>
          {preview.headers.map((h) => (
            <tr key={h}>
              <th scope="row"><code>{h}</code></th>
              <td>
                <select
                  className="input select input--compact"
                  aria-label={`Field for column ${h}`}
                  value={mapping[h] ?? ''}
                  onChange={(e) => setMapping(h, e.target.value || null)}
                >
                  <option value="">Ignore this column</option>
                  {preview.fields.map((f) => <option key={f} value={f}>{fieldWords(f)}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="import-card__actions">
        <button type="button" className="button" onClick={onApply} disabled={busy}>Preview with this mapping</button>
      </div>
    </div>
  );
}

function ChangesPreview({ preview, busy, onApply }: { preview: SpreadsheetPreview; busy: boolean; onApply(): void }) {
  const changed = preview.changes.filter((c) => c.action !== 'unchanged');
  const unchanged = preview.changes.length - changed.length;
  const hasErrors = preview.errors.length > 0;
  return (
    <div className="sheet-preview">
      <h3 className="import-card__subtitle">
        Changes from {baseName(preview.file)}: {plural(changed.length, 'row')} to write, {unchanged} unchanged
      </h3>
      {hasErrors ? (
        <div className="banner banner--error" role="alert">
          <p className="banner__title"><span aria-hidden="true">⚠ </span>Fix {plural(preview.errors.length, 'problem')} in the file, then choose it again</p>
          <ul className="bullet-list" aria-label="Problems in the file">
            {preview.errors.map((e, i) => (
              <li key={i}><strong>{errorPlace({ line: e.line, field: e.field }) || 'File'}</strong>: {e.message.split(preview.file).join(baseName(preview.file))}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {changed.length ? (
        <div className="table-card">
          <table className="data-table" aria-label="Rows that change">
            <thead><tr><th scope="col" className="num">Line</th><th scope="col">Name</th><th scope="col">On apply</th><th scope="col">Changed fields</th></tr></thead>
            <tbody>
              {changed.map((c) => (
                <tr key={c.line}>
                  <td className="num">{c.line}</td>
                  <th scope="row">{c.name}</th>
                  <td><ActionBadge action={c.action} /></td>
                  <td>{c.action === 'create' ? <span className="muted">new row</span> : c.changedFields.map(fieldWords).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p className="muted">No row differs from the workspace.</p>}
      <div className="import-card__actions">
        <button type="button" className="button button--primary" disabled={busy || hasErrors || changed.length === 0} onClick={onApply}>
          {changed.length ? `Apply ${plural(changed.length, 'change')}` : 'Nothing to apply'}
        </button>
      </div>
    </div>
  );
}
