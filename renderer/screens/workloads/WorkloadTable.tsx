// The workloads table: sortable by header (mouse or keyboard), virtualized so 5,000 rows scroll smoothly.
import { useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  createColumnHelper, createSortedRowModel, rowSortingFeature, sortFn_alphanumeric, sortFn_basic, tableFeatures, useTable,
} from '@tanstack/react-table';
import type { SortingState } from '@tanstack/react-table';
import type { Workload } from '../../../shared/domain/types.ts';
import { criticalityLabel, deploymentLabel, formatNumber } from '../../labels.ts';

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

const columns = helper.columns([
  helper.accessor((r) => r.workload.name, {
    id: 'name', header: 'Name', sortFn: 'alphanumeric',
    cell: (c) => <WorkloadLink row={c.row.original} />,
  }),
  helper.accessor((r) => r.clientName, { id: 'client', header: 'Client', sortFn: 'alphanumeric' }),
  helper.accessor((r) => CRITICALITY_RANK[r.workload.criticality], {
    id: 'criticality', header: 'Criticality', sortFn: 'basic',
    cell: (c) => <CriticalityBadge value={c.row.original.workload.criticality} />,
  }),
  helper.accessor((r) => deploymentLabel[r.workload.deployment], { id: 'deployment', header: 'Deployment', sortFn: 'alphanumeric' }),
  helper.accessor((r) => r.workload.monthlyVolume, {
    id: 'volume', header: 'Monthly volume', sortFn: 'basic', sortDescFirst: true,
    cell: (c) => formatNumber(c.row.original.workload.monthlyVolume),
  }),
  helper.accessor((r) => r.workload.latencyTargetMs ?? undefined, {
    id: 'latency', header: 'Latency target', sortFn: 'basic', sortUndefined: 'last',
    cell: (c) => (c.row.original.workload.latencyTargetMs === null ? '—' : `${formatNumber(c.row.original.workload.latencyTargetMs)} ms`),
  }),
  helper.accessor((r) => (r.workload.regulated ? 1 : 0), {
    id: 'regulated', header: 'Regulated', sortFn: 'basic', sortDescFirst: true,
    cell: (c) => (c.row.original.workload.regulated ? 'Yes' : 'No'),
  }),
  helper.accessor((r) => r.workload.startDate ?? undefined, {
    id: 'start', header: 'Start date', sortFn: 'alphanumeric', sortUndefined: 'last',
    cell: (c) => c.row.original.workload.startDate ?? 'Today',
  }),
]);

const NUMERIC = new Set(['volume', 'latency']);
const ROW_HEIGHT = 44;
/** Row slots reused while scrolling: more than the rows a tall window shows plus the overscan on both sides. */
const SLOTS = 256;

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
  const virtualizer = useVirtualizer({
    count: sortedRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => sortedRows[i].id,
  });
  const items = virtualizer.getVirtualItems();
  const headerGroups = useMemo(() => table.getHeaderGroups(), [table]);

  return (
    <div ref={scrollRef} className="virtual-scroll" tabIndex={-1}>
      {/* Explicit roles: display:grid on table parts can drop their table semantics in the accessibility tree. */}
      <table role="table" className="data-table data-table--grid workload-table" aria-rowcount={sortedRows.length + 1}>
        <caption className="visually-hidden">Workloads, {sortedRows.length} shown. Column headers sort the table.</caption>
        <thead role="rowgroup" className="sticky-head">
          {headerGroups.map((group) => (
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
        <tbody role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = sortedRows[item.index];
            return (
              // Keyed by the slot on screen, not the workload: a fast fling moves 30 rows a frame, and reusing the
              // slot's row and cells (new text) costs far less than unmounting and mounting every row each frame.
              // contain: rows are fixed-size boxes, so a new row never relays out or repaints its neighbours.
              <tr
                key={item.index % SLOTS}
                data-index={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                className="clickable-row"
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, contain: 'layout paint' }}
                onClick={() => navigate(`/workloads/${row.original.workload.id}`)}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.column.id} role="cell" className={NUMERIC.has(cell.column.id) ? 'num' : undefined}>
                    <span className="cell-text"><table.FlexRender cell={cell} /></span>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
