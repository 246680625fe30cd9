// Cost at volume on the Plan screen: monthly and annual cost today vs after migration, per client and per workload.
import { useEffect, useState } from 'react';
import { invoke } from '../../ipc.ts';
import { notifyError } from '../../stores/ui.ts';
import type { PortfolioCost, PartialSum } from '../../../shared/plan/cost.ts';
import './review.css';
import { formatMoney, formatNumber, formatPartialMoney, moneyOrUnknown } from '../../../shared/format.ts';

const sum = (s: PartialSum, parts: number) => formatPartialMoney(s, parts);

/** `version` is the plan's: a new evaluation or a changed volume recomputes the figures. */
export function CostPanel({ clientId, today, version }: { clientId: number | null; today: string; version: number }) {
  const [cost, setCost] = useState<PortfolioCost | null>(null);
  /** Whether `cost` came with its per-workload list (asked for only while the list is open). */
  const [listed, setListed] = useState(false);
  const [open, setOpen] = useState(false);

  // The per-workload list only while it is shown: after every edit the totals come without a row per workload.
  useEffect(() => {
    let live = true;
    void invoke('cost.atVolume', { today, clientId: clientId ?? undefined, workloads: open }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setCost(r.value);
        setListed(open);
      } else notifyError(r.error);
    });
    return () => { live = false; };
  }, [clientId, today, version, open]);

  if (!cost) return null;
  const { total } = cost;
  return (
    <section aria-labelledby="cost-title" className="plan__section cost-panel">
      <div className="plan__toolbar">
        <h2 id="cost-title" className="section-title plan__title">Cost at volume</h2>
        <p className="muted cost-panel__lead">
          Monthly volume × cost per 1,000 tasks: today&apos;s fine-tuned model vs the candidate R8 picks (or the cheapest evaluated). Unknown means an input is missing, never $0.00.
        </p>
      </div>
      <div className="table-card">
        <table className="data-table" aria-label="Cost at volume per client">
          <thead>
            <tr>
              <th scope="col">Client</th><th scope="col" className="num">Workloads</th>
              <th scope="col" className="num">Monthly today</th><th scope="col" className="num">Monthly after</th>
              <th scope="col" className="num">Annual today</th><th scope="col" className="num">Annual after</th>
            </tr>
          </thead>
          <tbody>
            {cost.clients.map((c) => (
              <tr key={c.clientId}>
                <th scope="row">{c.clientName}</th>
                <td className="num">{formatNumber(c.workloads)}</td>
                <td className="num">{sum(c.todayMonthly, c.workloads)}</td>
                <td className="num">{sum(c.afterMonthly, c.workloads)}</td>
                <td className="num">{sum(c.todayAnnual, c.workloads)}</td>
                <td className="num">{sum(c.afterAnnual, c.workloads)}</td>
              </tr>
            ))}
            {cost.clients.length > 1 ? (
              <tr className="cost-panel__total">
                <th scope="row">All clients</th>
                <td className="num">{formatNumber(total.workloads)}</td>
                <td className="num">{sum(total.todayMonthly, total.workloads)}</td>
                <td className="num">{sum(total.afterMonthly, total.workloads)}</td>
                <td className="num">{sum(total.todayAnnual, total.workloads)}</td>
                <td className="num">{sum(total.afterAnnual, total.workloads)}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <button type="button" className="button button--small cost-panel__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide cost per workload' : 'Show cost per workload'}
      </button>
      {open && listed ? (
        <div className="table-card">
          <table className="data-table" aria-label="Cost at volume per workload">
            <thead>
              <tr>
                <th scope="col">Workload</th><th scope="col" className="num">Tasks a month</th>
                <th scope="col" className="num">Per 1,000 today</th><th scope="col">Priced on</th><th scope="col" className="num">Per 1,000 after</th>
                <th scope="col" className="num">Monthly today</th><th scope="col" className="num">Monthly after</th><th scope="col" className="num">Annual after</th>
              </tr>
            </thead>
            <tbody>
              {cost.workloads.map((w) => (
                <tr key={w.workloadId}>
                  <th scope="row">{w.name}{w.unknown.length > 0 ? <span className="muted cost-panel__why"> — unknown: {w.unknown.join('; ')}</span> : null}</th>
                  <td className="num">{w.monthlyVolume === null ? 'unknown' : formatNumber(w.monthlyVolume)}</td>
                  <td className="num">{w.todayPer1k === null ? 'unknown' : formatMoney(w.todayPer1k)}</td>
                  <td>{w.basis ? `${w.basis.name}${w.basis.source === 'selected' ? ' (R8 pick)' : ' (cheapest evaluated)'}` : '—'}</td>
                  <td className="num">{moneyOrUnknown(w.afterPer1k)}</td>
                  <td className="num">{moneyOrUnknown(w.todayMonthly)}</td>
                  <td className="num">{moneyOrUnknown(w.afterMonthly)}</td>
                  <td className="num">{moneyOrUnknown(w.afterAnnual)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
