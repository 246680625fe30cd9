// The minutes as fixed-size sheets with the roadmap's machinery: blocks measured once the bundled fonts load, packed
// whole onto sheets (tables split between rows), the client's plan drawn by the roadmap's timeline, "page n of N" on each.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { PaperSize } from '../../../shared/ipc/exports.ts';
import type { MinutesData } from '../../../shared/ipc/workshop.ts';
import { buildModel } from '../model.ts';
import { TableView } from '../blocks.tsx';
import { chunkRows, packBlocks, sheetGeometry, timelineRowsPerPage, type MeasuredBlock, type PagePiece, type SheetGeometry } from '../layout.ts';
import { TimelinePage, timelineAxis } from '../Timeline.tsx';
import { fontsReady } from '../RoadmapDocument.tsx';
import { longDate } from '../words.ts';
import { minutesBlocks, type MinutesBlock, type MinutesFlow } from './minutesBlocks.tsx';
import '../roadmap.css';
import './minutes.css';

const FLOWS: MinutesFlow[] = ['before', 'after'];
/** Tables this short are never split across sheets. */
const KEEP_TOGETHER_ROWS = 15;

export function MinutesDocument({ data, paper, onLaidOut }: { data: MinutesData; paper: PaperSize; onLaidOut?: (pages: number) => void }) {
  const g = useMemo(() => sheetGeometry(paper), [paper]);
  const roadmap = useMemo(() => buildModel(data.roadmap), [data]);
  const rowsPerPage = timelineRowsPerPage(g);
  // A client's plan that fits one sheet flows like any block, right after the notes (the plan table and milestones
  // follow it); a longer one gets the roadmap's own timeline sheets, rows never cut, between the two flows.
  const timelineInFlow = roadmap.workloads.length > 0 && roadmap.workloads.length <= rowsPerPage;
  const blocks = useMemo(() => {
    const b = minutesBlocks(data.minutes);
    if (!timelineInFlow) return b;
    const timeline: MinutesBlock = {
      key: 'timeline',
      node: <TimelinePage m={roadmap} axis={timelineAxis(roadmap)} rows={roadmap.workloads} firstIndex={0} pageIndex={0} pageCount={1}
        pageNumber={0} rowsPerPage={rowsPerPage} number="7" title={`${data.minutes.clientName}'s plan`} />,
    };
    return { before: [...b.before, timeline, ...b.after], after: [] };
  }, [data, roadmap, timelineInFlow, rowsPerPage]);
  const [pages, setPages] = useState<Record<MinutesFlow, PagePiece[][]> | null>(null);
  const measureRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => { setPages(null); }, [blocks, g]);

  useEffect(() => {
    if (pages) return undefined;
    let cancelled = false;
    void fontsReady().then(() => {
      const root = measureRef.current;
      if (cancelled || !root) return;
      const scale = root.offsetWidth > 0 ? root.getBoundingClientRect().width / root.offsetWidth : 1;
      const height = (el: Element) => el.getBoundingClientRect().height / scale;
      const packed = {} as Record<MinutesFlow, PagePiece[][]>;
      for (const flow of FLOWS) {
        const list = blocks[flow];
        const els = Array.from(root.querySelectorAll<HTMLElement>(`[data-measure-flow="${flow}"] > .rm-block`));
        const measured: MeasuredBlock[] = els.map((el, i) => {
          // A short table moves to the next sheet whole rather than leave a row or two behind on its own.
          const table = list[i].table;
          if (!table || table.rows.length <= KEEP_TOGETHER_ROWS) return { height: height(el), keepWithNext: list[i].keepWithNext };
          const rowHeights = Array.from(el.querySelectorAll<HTMLElement>('tbody > tr'), height);
          return { height: height(el), table: { headHeight: height(el) - rowHeights.reduce((a, h) => a + h, 0), rowHeights } };
        });
        packed[flow] = packBlocks(measured, g.contentHeight - 4).pages;
      }
      setPages(packed);
    });
    return () => { cancelled = true; };
  }, [pages, blocks, g]);

  const timelineChunks = useMemo(() => (roadmap.workloads.length > 0 && !timelineInFlow ? chunkRows(roadmap.workloads, rowsPerPage) : []), [roadmap, rowsPerPage, timelineInFlow]);
  const total = pages ? pages.before.length + timelineChunks.length + pages.after.length : 0;

  useEffect(() => {
    if (pages && onLaidOut) onLaidOut(total);
  }, [pages, total, onLaidOut]);

  const style = {
    '--rm-sheet-w': `${g.width}px`, '--rm-sheet-h': `${g.height}px`, '--rm-pad-x': `${g.padX}px`, '--rm-header-h': `${g.headerHeight}px`,
    '--rm-footer-h': `${g.footerHeight}px`, '--rm-body-h': `${g.bodyHeight}px`, '--rm-body-w': `${g.bodyWidth}px`,
  } as CSSProperties;

  if (!pages) {
    return (
      <div className="rm-doc rm-doc--measuring" style={style} ref={measureRef} aria-busy="true">
        {FLOWS.map((flow) => (
          <div key={flow} className="rm-measure" data-measure-flow={flow}>
            {blocks[flow].map((b) => <div key={b.key} className="rm-block">{b.table ? <TableView table={b.table} /> : b.node}</div>)}
          </div>
        ))}
      </div>
    );
  }

  const sheets: ReactNode[] = [];
  let page = 0;
  const flow = (name: MinutesFlow) => {
    for (const pieces of pages[name]) {
      page += 1;
      sheets.push(
        <Sheet key={`${name}-${page}`} g={g} data={data} page={page} total={total} section={name}>
          {pieces.map((p) => <BlockView key={`${blocks[name][p.block].key}-${p.from ?? 0}`} block={blocks[name][p.block]} piece={p} />)}
        </Sheet>,
      );
    }
  };
  flow('before');
  const axis = timelineChunks.length > 0 ? timelineAxis(roadmap) : null;
  timelineChunks.forEach((rows, i) => {
    page += 1;
    sheets.push(
      <Sheet key={`timeline-${i}`} g={g} data={data} page={page} total={total} section="timeline">
        <TimelinePage m={roadmap} axis={axis!} rows={rows} firstIndex={i * rowsPerPage} pageIndex={i} pageCount={timelineChunks.length}
          pageNumber={page} rowsPerPage={rowsPerPage} number="7" title={`${data.minutes.clientName}'s plan`} />
      </Sheet>,
    );
  });
  flow('after');

  return <div className="rm-doc" style={style} data-paper={paper} data-pages={total}>{sheets}</div>;
}

function BlockView({ block, piece }: { block: MinutesBlock; piece: PagePiece }) {
  return (
    <div className="rm-block" data-block={block.key}>
      {block.table ? <TableView table={block.table} from={piece.from} to={piece.to} continued={(piece.from ?? 0) > 0} /> : block.node}
    </div>
  );
}

function Sheet({ g, data, page, total, section, children }: { g: SheetGeometry; data: MinutesData; page: number; total: number; section: string; children: ReactNode }) {
  const m = data.minutes;
  return (
    <section className="rm-sheet" data-page={page} data-section={section} aria-label={`Page ${page} of ${total}`}>
      <header className="rm-running">
        <span><strong>Workshop minutes</strong> · {m.title}</span>
        <span>{m.clientName} · {longDate(m.date)}</span>
      </header>
      <div className="rm-body" style={{ height: g.bodyHeight, paddingTop: g.bodyPadTop }}>{children}</div>
      <footer className="rm-folio">
        <span>Offramp · prepared {longDate(m.preparedOn)} · confidential</span>
        <span className="rm-folio__page">Page {page} of {total}</span>
      </footer>
    </section>
  );
}
