// Checkbox list of the workloads a contract or commitment covers, with a filter when there are many.
import { useId, useMemo, useState } from 'react';
import type { Workload } from '../../../shared/domain/types.ts';

const SHOWN = 200;

export function WorkloadPicker({ legend, workloads, selected, onChange, emptyText, error }: {
  legend: string;
  workloads: Workload[];
  selected: number[];
  onChange(ids: number[]): void;
  emptyText: string;
  error?: string;
}) {
  const [query, setQuery] = useState('');
  const filterId = useId();
  const chosen = useMemo(() => new Set(selected), [selected]);
  const q = query.trim().toLowerCase();
  const matching = useMemo(() => (q ? workloads.filter((w) => w.name.toLowerCase().includes(q)) : workloads), [workloads, q]);
  const shown = matching.slice(0, SHOWN);

  const toggle = (id: number, on: boolean) => onChange(on ? [...selected, id] : selected.filter((x) => x !== id));

  return (
    <fieldset className={`field picker${error ? ' field--invalid' : ''}`}>
      <legend className="field__label">{legend} <span className="muted">({selected.length} selected)</span></legend>
      {workloads.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <>
          {workloads.length > 8 ? (
            <div className="picker__filter">
              <label htmlFor={filterId} className="visually-hidden">Filter the workload list</label>
              <input id={filterId} className="input input--compact" type="search" placeholder="Filter workloads…" value={query} onChange={(e) => setQuery(e.target.value)} />
            </div>
          ) : null}
          <ul className="picker__list">
            {shown.map((w) => (
              <li key={w.id}>
                <label className="checkbox-row">
                  <input type="checkbox" className="checkbox" checked={chosen.has(w.id)} onChange={(e) => toggle(w.id, e.target.checked)} />
                  <span>{w.name}</span>
                </label>
              </li>
            ))}
          </ul>
          {matching.length > SHOWN ? <p className="field__hint">Showing {SHOWN} of {matching.length}; type to narrow the list.</p> : null}
        </>
      )}
      {error ? <p className="field__error"><span aria-hidden="true">⚠ </span>{error}</p> : null}
    </fieldset>
  );
}
