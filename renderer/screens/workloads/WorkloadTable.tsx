// The workloads table: sortable by header (mouse or keyboard), virtualized so 5,000 rows scroll smoothly.
import { memo, useCallback, useRef, useState, type ReactNode } from 'react';
import type { SortingState } from '@tanstack/react-table';
import { useLocation } from 'wouter';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  createColumnHelper, createSortedRowModel, rowSortingFeature, sortFn_alphanumeric, sortFn_basic, tableFeatures, useTable,
} from '@tanstack/react-table';
import type { Workload } from '../../../shared/domain/types.ts';
import { criticalityLabel, deploymentLabel, formatNumber } from '../../labels.ts';
import { assignSlots, noSlots } from './rowSlots.ts';
import './workloadTable.css';

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});

export interface WorkloadRow {
  workload: Workload;
  clientName: string;
}

const CRITICALITY_RANK = { business_critical: 0, important: 1, experimental: 2 } as const;
const helper = createColumnHelper<typeof features, WorkloadRow>();

// The body renders each cell straight from its row (see WorkloadRowView); the column defs only sort and head the table.
const columns = helper.columns([
  helper.accessor((r) => r.workload.name, { id: 'name', header: 'Name', sortFn: 'alphanumeric' }),
  helper.accessor((r) => r.clientName, { id: 'client', header: 'Client', sortFn: 'alphanumeric' }),
  helper.accessor((r) => CRITICALITY_RANK[r.workload.criticality], { id: 'criticality', header: 'Criticality', sortFn: 'basic' }),
  helper.accessor((r) => deploymentLabel[r.workload.deployment], { id: 'deployment', header: 'Deployment', sortFn: 'alphanumeric' }),
  helper.accessor((r) => r.workload.monthlyVolume, { id: 'volume', header: 'Monthly volume', sortFn: 'basic', sortDescFirst: true }),
  helper.accessor((r) => r.workload.latencyTargetMs ?? undefined, { id: 'latency', header: 'Latency target', sortFn: 'basic', sortUndefined: 'last' }),
  helper.accessor((r) => (r.workload.regulated ? 1 : 0), { id: 'regulated', header: 'Regulated', sortFn: 'basic', sortDescFirst: true }),
  helper.accessor((r) => r.workload.startDate ?? undefined, { id: 'start', header: 'Start date', sortFn: 'alphanumeric', sortUndefined: 'last' }),
]);

/** What each body cell shows, in column order; `className` marks the cell laid out as a flex box (see workloadTable.css). */
const CELLS: { id: string; render: (r: WorkloadRow) => ReactNode; className?: string }[] = [
  { id: 'name', render: (r) => <WorkloadLink row={r} /> },
  { id: 'client', render: (r) => r.clientName },
  { id: 'criticality', render: (r) => <CriticalityBadge value={r.workload.criticality} />, className: 'cell--badge' },
  { id: 'deployment', render: (r) => deploymentLabel[r.workload.deployment] },
  { id: 'volume', render: (r) => formatNumber(r.workload.monthlyVolume) },
  { id: 'latency', render: (r) => (r.workload.latencyTargetMs === null ? '—' : `${formatNumber(r.workload.latencyTargetMs)} ms`) },
  { id: 'regulated', render: (r) => (r.workload.regulated ? 'Yes' : 'No') },
  { id: 'start', render: (r) => r.workload.startDate ?? 'Today' },
];

const NUMERIC = new Set(['volume', 'latency']);
const ROW_HEIGHT = 44;

function WorkloadLink({ row }: { row: WorkloadRow }) {
  return (
    <a className="link cell-strong" href={`#/workloads/${row.workload.id}`} title={row.workload.name} onClick={(e) => e.stopPropagation()}>
      {row.workload.name}
    </a>
  );
}

export function CriticalityBadge({ value }: { value: Workload['criticality'] }) {
  // The label is always written out: colour is a second cue only.
  return <span className={`badge badge--${value}`}>{criticalityLabel[value]}</span>;
}

/**
 * One body row, re-rendered only when its slot shows another workload or moves (see rowSlots.ts): a row that stays in
 * view while the table scrolls is left alone.
 */
const WorkloadRowView = memo(function WorkloadRowView({ row, index, start, onOpen }: {
  row: WorkloadRow; index: number; start: number; onOpen: (id: number) => void;
}) {
  // contain: strict: rows are fixed-size boxes, so new text relays out only its own row (a relayout boundary)
  // and never repaints its neighbours.
  return (
    <tr
      data-index={index}
      role="row"
      aria-rowindex={index + 2}
      className="clickable-row"
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT, contain: 'strict' }}
      onClick={() => onOpen(row.workload.id)}
    >
      {CELLS.map((cell) => (
        <td key={cell.id} role="cell" className={NUMERIC.has(cell.id) ? 'num' : cell.className}>
          <span className="cell-text">{cell.render(row)}</span>
        </td>
      ))}
    </tr>
  );
});

export function WorkloadTable({ rows }: { rows: WorkloadRow[] }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [, navigate] = useLocation();
  const table = useTable({
    features,
    columns,
    data: rows,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (r) => String(r.workload.id),
  });
  const sortedRows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  // A stable key function: a new one each render makes the virtualizer re-measure all 5,000 rows on every scroll frame.
  const getItemKey = useCallback((i: number) => sortedRows[i].id, [sortedRows]);
  const virtualizer = useVirtualizer({
    count: sortedRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // A fling jumps 30 rows a frame, so rows rendered beyond the viewport are rarely seen: a few cover keyboard
    // scrolling without paying layout for rows nobody sees.
    overscan: 3,
    getItemKey,
  });
  const items = virtualizer.getVirtualItems();
  const open = useCallback((id: number) => navigate(`/workloads/${id}`), [navigate]);
  // Each rendered row's DOM slot (see rowSlots.ts). The row holding keyboard focus never passes its slot on to
  // another workload: when it scrolls out of the window it unmounts and focus goes with it.
  const slotsRef = useRef(noSlots());
  const focused = focusedIndex(scrollRef.current);
  const slots = assignSlots(slotsRef.current, items.map((item) => item.index), focused === undefined ? undefined : slotsRef.current.byIndex.get(focused));
  slotsRef.current = slots;

  return (
    <div ref={scrollRef} className="virtual-scroll" tabIndex={-1}>
      {/* Explicit roles: display:grid on table parts can drop their table semantics in the accessibility tree. */}
      <table role="table" className="data-table data-table--grid workload-table" aria-rowcount={sortedRows.length + 1}>
        <caption className="visually-hidden">Workloads, {sortedRows.length} shown. Column headers sort the table.</caption>
        <WorkloadTableHead table={table} sorting={sorting} />
        <tbody role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {/* Keyed by DOM slot, not by workload: a fast fling moves 30 rows a frame, and giving a slot new text costs
              far less than unmounting and mounting every row each frame. */}
          {items.map((item) => (
            <WorkloadRowView key={slots.byIndex.get(item.index)} row={sortedRows[item.index].original} index={item.index} start={item.start} onOpen={open} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The table row index of the row holding keyboard focus, if focus is inside this table. */
function focusedIndex(scroller: HTMLElement | null): number | undefined {
  const active = document.activeElement;
  if (!scroller || !active || active === scroller || !scroller.contains(active)) return undefined;
  const index = active.closest('tr')?.getAttribute('data-index');
  return index === null || index === undefined ? undefined : Number(index);
}

/** The sortable header, re-rendered when the order changes, not on every scroll frame. */
const WorkloadTableHead = memo(function WorkloadTableHead({ table }: { table: ReturnType<typeof useTable<typeof features, WorkloadRow>>; sorting: SortingState }) {
  return (
    <thead role="rowgroup" className="sticky-head">
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id} role="row" aria-rowindex={1}>
          {group.headers.map((header) => {
            const dir = header.column.getIsSorted();
            return (
              <th
                key={header.id}
                scope="col"
                role="columnheader"
                className={NUMERIC.has(header.column.id) ? 'num' : undefined}
                aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
              >
                <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                  <table.FlexRender header={header} />
                  <span className="sort-indicator" aria-hidden="true">{dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}</span>
                </button>
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
});
