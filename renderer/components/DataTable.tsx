// The list tables' frame: a card, a caption for screen readers, column headers, and row actions named for their row.
import type { ReactNode } from 'react';

export interface Column {
  label: string;
  num?: boolean;
}

/** The last header cell is the actions column: named for screen readers, blank on screen. */
export function TableCard({ caption, columns, children }: { caption: string; columns: readonly Column[]; children: ReactNode }) {
  return (
    <div className="table-card">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => <th key={c.label} scope="col" className={c.num ? 'num' : undefined}>{c.label}</th>)}
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** Edit and Delete for one row; `what` completes each button's name for screen readers ("Delete Northwind"). */
export function RowActions({ what, onEdit, onDelete }: { what: ReactNode; onEdit(): void; onDelete(): void }) {
  return (
    <td className="cell-actions">
      <button type="button" className="button button--small" onClick={onEdit}>
        Edit<span className="visually-hidden"> {what}</span>
      </button>
      <button type="button" className="button button--small button--danger-ghost" onClick={onDelete}>
        Delete<span className="visually-hidden"> {what}</span>
      </button>
    </td>
  );
}
