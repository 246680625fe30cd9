// The roadmap as a stack of fixed-size sheets: cover, summary, timeline, one section per workload, commitments register.
// Flowing content is measured once (after the bundled fonts load), then packed whole onto sheets, so every sheet carries
// its own running header and "page n of N" in the preview, in Electron's printToPDF and in headless Chromium alike.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { PaperSize, RoadmapData } from '../../shared/ipc/exports.ts';
import { buildModel, type RoadmapModel } from './model.ts';
import { flowBlocks, StatusMark, sunsetRuleWords, TableView, type FlowBlock, type SectionId } from './blocks.tsx';
import { PLAN_STATUSES } from '../../shared/domain/types.ts';
import { TIMELINE, chunkRows, packBlocks, sheetGeometry, timelineRowsPerPage, type MeasuredBlock, type PagePiece, type SheetGeometry } from './layout.ts';
import { TimelinePage, timelineAxis } from './Timeline.tsx';
import { longDate } from './words.ts';
import { plural } from '../labels.ts';
import { offerPrintRange, printRangeShown, printsInChunks } from './printReady.ts';
import './roadmap.css';

const FLOW_SECTIONS: SectionId[] = ['summary', 'workloads', 'register'];
/** Blocks measured per round: the measuring DOM holds this many at once, so its memory does not grow with the document. */
const MEASURE_BATCH = 400;

interface Queued { section: SectionId; index: number; block: FlowBlock }

interface Measured {
  /** Per section: the pages, each a list of whole blocks or table row ranges. */
  pages: Record<SectionId, PagePiece[][]>;
  oversized: string[];
}

/** Loads the weights the roadmap uses, so measuring happens with the real font metrics (no network: bundled files). */
export async function fontsReady(): Promise<void> {
  if (!document.fonts) return;
  await Promise.all(['400', '500', '600', '700'].map((w) => document.fonts.load(`${w} 12px Inter`).catch(() => [])));
  await document.fonts.ready;
}

export interface RoadmapLayout {
  pageCount: number;
  timelinePages: number;
  rowsPerPage: number;
}

export function RoadmapDocument({ data, paper, onLaidOut }: { data: RoadmapData; paper: PaperSize; onLaidOut?: (layout: RoadmapLayout) => void }) {
  const g = useMemo(() => sheetGeometry(paper), [paper]);
  const model = useMemo(() => buildModel(data), [data]);
  const blocks = useMemo(() => flowBlocks(model), [model]);
  const [measured, setMeasured] = useState<Measured | null>(null);
  // The pages rendered: all (preview, Electron's printToPDF) or, for a printer printing in chunks, only the range it
  // asks for (none at first), so the DOM and Chromium's print layout hold one chunk while the page plan covers all pages.
  const [range, setRange] = useState<[number, number] | null>(() => (printsInChunks() ? [0, -1] : null));
  const measureRef = useRef<HTMLDivElement>(null);
  // Every flowing block in order, measured MEASURE_BATCH at a time from `at`; heights gather per section until packed.
  const queue = useMemo<Queued[]>(() => FLOW_SECTIONS.flatMap((section) => blocks[section].map((block, index) => ({ section, index, block }))), [blocks]);
  const [at, setAt] = useState(0);
  const heights = useRef<Partial<Record<SectionId, MeasuredBlock[]>>>({});

  useLayoutEffect(() => {
    setMeasured(null);
    setAt(0);
    heights.current = {};
  }, [blocks, g]);

  const rowsPerPage = timelineRowsPerPage(g);
  const timelineChunks = useMemo(() => chunkRows(model.workloads, rowsPerPage), [model, rowsPerPage]);
  // Room left under the last timeline page's rows: the workloads section starts there when a useful part fits.
  const underTimeline = g.contentHeight - TIMELINE.titleHeight - TIMELINE.axisHeight - TIMELINE.legendHeight
    - timelineChunks[timelineChunks.length - 1].length * TIMELINE.rowHeight - 24;
  const sharesTimelinePage = underTimeline > g.contentHeight * 0.3;

  useEffect(() => {
    if (measured) return undefined;
    let cancelled = false;
    void fontsReady().then(() => {
      const root = measureRef.current;
      if (cancelled || !root) return;
      const scale = root.offsetWidth > 0 ? root.getBoundingClientRect().width / root.offsetWidth : 1;
      // Fractional heights (offsetHeight rounds, and 200 rounded rows drift by many px), in layout px even when
      // the preview scales the document with a transform.
      const height = (el: Element) => el.getBoundingClientRect().height / scale;
      const els = Array.from(root.querySelectorAll<HTMLElement>('.rm-measure > .rm-block'));
      queue.slice(at, at + MEASURE_BATCH).forEach(({ section, index, block }, k) => {
        const el = els[k];
        const list = (heights.current[section] ??= []);
        if (!block.table) {
          list[index] = { height: height(el), keepWithNext: block.keepWithNext };
          return;
        }
        const rowHeights = Array.from(el.querySelectorAll<HTMLElement>('tbody > tr'), height);
        list[index] = { height: height(el), table: { headHeight: height(el) - rowHeights.reduce((a, h) => a + h, 0), rowHeights } };
      });
      if (at + MEASURE_BATCH < queue.length) {
        setAt(at + MEASURE_BATCH);
        return;
      }
      const pages = {} as Record<SectionId, PagePiece[][]>;
      const oversized: string[] = [];
      for (const section of FLOW_SECTIONS) {
        // A few px of slack absorb rounding between measured rows and the same rows in a split table.
        const first = section === 'workloads' && sharesTimelinePage ? underTimeline : g.contentHeight - 4;
        const packed = packBlocks(heights.current[section] ?? [], g.contentHeight - 4, first);
        pages[section] = packed.pages;
        oversized.push(...packed.oversized.map((i) => blocks[section][i].key));
      }
      heights.current = {};
      setMeasured({ pages, oversized });
    });
    return () => { cancelled = true; };
  }, [measured, at, queue, blocks, g, sharesTimelinePage, underTimeline]);

  // The first workloads page sits under the last timeline page's rows (when there is room); the rest have their own.
  const { workloadPages, underTimelinePieces } = useMemo(() => ({
    workloadPages: measured ? (sharesTimelinePage ? measured.pages.workloads.slice(1) : measured.pages.workloads) : [],
    underTimelinePieces: measured && sharesTimelinePage ? measured.pages.workloads[0] ?? [] : [],
  }), [measured, sharesTimelinePage]);

  const layout = useMemo(() => {
    if (!measured) return null;
    if (model.workloads.length === 0) return { start: {}, pageCount: 1 };
    const start: Record<string, number> = {};
    let n = 1; // the cover
    start.summary = n + 1;
    n += measured.pages.summary.length;
    start.timeline = n + 1;
    n += timelineChunks.length;
    start.workloads = underTimelinePieces.length > 0 ? n : n + 1;
    n += workloadPages.length;
    start.register = n + 1;
    n += measured.pages.register.length;
    return { start, pageCount: n };
  }, [measured, timelineChunks, workloadPages, underTimelinePieces, model]);

  useEffect(() => {
    // Reported as soon as React commits the sheets: the DOM is final; printing lays it out for print anyway.
    if (layout && onLaidOut) onLaidOut({ pageCount: layout.pageCount, timelinePages: timelineChunks.length, rowsPerPage });
  }, [layout, onLaidOut, timelineChunks.length, rowsPerPage]);

  useEffect(() => (layout ? offerPrintRange((from, to) => setRange([from, to])) : undefined), [layout]);
  useEffect(() => { if (range) printRangeShown(); }, [range]);

  const style = { '--rm-sheet-w': `${g.width}px`, '--rm-sheet-h': `${g.height}px`, '--rm-pad-x': `${g.padX}px`, '--rm-header-h': `${g.headerHeight}px`, '--rm-footer-h': `${g.footerHeight}px`, '--rm-body-h': `${g.bodyHeight}px`, '--rm-body-w': `${g.bodyWidth}px` } as CSSProperties;

  if (!measured || !layout) {
    return (
      <div className="rm-doc rm-doc--measuring" style={style} ref={measureRef} aria-busy="true">
        {measureGroups(queue.slice(at, at + MEASURE_BATCH)).map((group) => (
          <div key={`${group[0].section}-${group[0].index}`} className="rm-measure" data-measure-section={group[0].section}>
            {group.map(({ block: b }) => <div key={b.key} className="rm-block">{b.table ? <TableView table={b.table} /> : b.node}</div>)}
          </div>
        ))}
      </div>
    );
  }

  if (model.workloads.length === 0) return <EmptyRoadmap style={style} g={g} model={model} paper={paper} />;

  const total = layout.pageCount;
  const sheets: ReactNode[] = [];
  const axis = timelineAxis(model);
  const shown = (n: number) => !range || (n >= range[0] && n <= range[1]);
  let page = 1;
  if (shown(page)) sheets.push(<Sheet key="cover" g={g} model={model} page={page} total={total} cover><Cover model={model} layout={layout.start} /></Sheet>);
  const flow = (section: SectionId, pages = measured.pages[section]) => {
    for (const pieces of pages) {
      page += 1;
      if (!shown(page)) continue;
      sheets.push(
        <Sheet key={`${section}-${page}`} g={g} model={model} page={page} total={total} section={section}>
          {pieces.map((p) => <FlowBlockView key={`${blocks[section][p.block].key}-${p.from ?? 0}`} block={blocks[section][p.block]} piece={p} />)}
        </Sheet>,
      );
    }
  };
  flow('summary');
  timelineChunks.forEach((rows, i) => {
    page += 1;
    if (!shown(page)) return;
    sheets.push(
      <Sheet key={`timeline-${i}`} g={g} model={model} page={page} total={total} section="timeline">
        <TimelinePage m={model} axis={axis} rows={rows} firstIndex={i * rowsPerPage} pageIndex={i} pageCount={timelineChunks.length} pageNumber={page} rowsPerPage={rowsPerPage} />
        {i === timelineChunks.length - 1 && underTimelinePieces.length > 0 ? (
          <div className="rm-after-timeline">
            {underTimelinePieces.map((p) => <FlowBlockView key={`${blocks.workloads[p.block].key}-${p.from ?? 0}`} block={blocks.workloads[p.block]} piece={p} />)}
          </div>
        ) : null}
      </Sheet>,
    );
  });
  flow('workloads', workloadPages);
  flow('register');

  return (
    <div
      className="rm-doc"
      style={style}
      data-paper={paper}
      data-pages={total}
      data-timeline-pages={timelineChunks.length}
      data-rows-per-page={rowsPerPage}
      data-oversized={measured.oversized.join(' ')}
    >
      {sheets}
    </div>
  );
}

/** Consecutive queued blocks of the same section, each group measured in its own section column. */
function measureGroups(batch: Queued[]): Queued[][] {
  const groups: Queued[][] = [];
  for (const q of batch) {
    const last = groups[groups.length - 1];
    if (last && last[0].section === q.section) last.push(q);
    else groups.push([q]);
  }
  return groups;
}

/** A workspace (or client) without workloads: one page that says so and what to do, not pages of zeros. */
function EmptyRoadmap({ style, g, model, paper }: { style: CSSProperties; g: SheetGeometry; model: RoadmapModel; paper: PaperSize }) {
  const { data } = model;
  return (
    <div className="rm-doc" style={style} data-paper={paper} data-pages={1} data-timeline-pages={0} data-rows-per-page={0} data-oversized="">
      <Sheet g={g} model={model} page={1} total={1} cover>
        <div className="rm-cover rm-cover--empty">
          <div className="rm-cover__brand">Offramp · Migration off hosted fine-tuning</div>
          <h1 className="rm-cover__title">{data.title}</h1>
          <p className="rm-cover__subtitle">Migration roadmap · generated {longDate(data.today)}</p>
          <div className="rm-empty">
            <h2>There is nothing to plan yet</h2>
            <p>{data.scope.clientName ? `${data.scope.clientName} has no workloads.` : 'This workspace has no workloads.'} Add the products and features that depend on a fine-tuned model (or import the fine-tuning jobs list), and this roadmap fills in: the internal sunset date, a dated six-step plan per workload, and the commitments at risk.</p>
            <p>The vendor stops accepting new fine-tuning jobs on <strong>{longDate(data.portfolio.trainingDeadline)}</strong>{data.portfolio.daysToDeadline >= 0 ? `, ${plural(data.portfolio.daysToDeadline, 'day')} from now` : ''}.</p>
          </div>
        </div>
      </Sheet>
    </div>
  );
}

function FlowBlockView({ block, piece }: { block: FlowBlock; piece: PagePiece }) {
  return (
    <div className="rm-block" data-block={block.key} data-rows={piece.from !== undefined ? `${piece.from}-${piece.to}` : undefined}>
      {block.table ? <TableView table={block.table} from={piece.from} to={piece.to} continued={(piece.from ?? 0) > 0} /> : block.node}
    </div>
  );
}

function Sheet({ g, model, page, total, section, cover, children }: {
  g: SheetGeometry; model: RoadmapModel; page: number; total: number; section?: string; cover?: boolean; children: ReactNode;
}) {
  const { data } = model;
  return (
    <section className={`rm-sheet${cover ? ' rm-sheet--cover' : ''}`} data-page={page} data-section={section ?? 'cover'} aria-label={`Page ${page} of ${total}`}>
      {cover ? <div className="rm-running rm-running--cover" /> : (
        <header className="rm-running">
          <span><strong>Migration roadmap</strong> · {data.title}</span>
          <span>Training deadline {longDate(data.portfolio.trainingDeadline)} · {data.portfolio.daysToDeadline >= 0 ? `${plural(data.portfolio.daysToDeadline, 'day')} left` : 'passed'}</span>
        </header>
      )}
      <div className="rm-body" style={{ height: g.bodyHeight, paddingTop: g.bodyPadTop }}>{children}</div>
      <footer className="rm-folio">
        <span>Offramp · prepared {longDate(data.today)} · confidential</span>
        <span className="rm-folio__page">Page {page} of {total}</span>
      </footer>
    </section>
  );
}

function Cover({ model, layout }: { model: RoadmapModel; layout: Record<string, number> }) {
  const { data } = model;
  const { portfolio } = data;
  const sunset = portfolio.workspaceSunset;
  const setter = sunset ? model.workloads.find((w) => w.workload.id === sunset.workloadId) : undefined;
  const scope = data.scope.clientName
    ? `${plural(model.workloads.length, 'workload')}`
    : `${plural(data.clients.length, 'client')} · ${plural(model.workloads.length, 'workload')}`;
  return (
    <div className="rm-cover">
      <div className="rm-cover__brand">Offramp · Migration off hosted fine-tuning</div>
      <h1 className="rm-cover__title">{data.title}</h1>
      <p className="rm-cover__subtitle">Migration roadmap · {scope}{data.scope.clientName ? '' : ` · workspace ${data.workspaceName}`}</p>
      <p className="rm-cover__date">Generated {longDate(data.today)}</p>
      <div className="rm-cover__facts">
        <div className="rm-cover__fact rm-cover__fact--big">
          <div className="rm-cover__value">{portfolio.daysToDeadline >= 0 ? portfolio.daysToDeadline : 'Passed'}</div>
          <div className="rm-cover__label">{portfolio.daysToDeadline >= 0 ? 'days left to the training deadline' : 'the training deadline has passed'}<br /><strong>{longDate(portfolio.trainingDeadline)}</strong> — the vendor stops accepting new fine-tuning jobs</div>
        </div>
        <div className="rm-cover__fact">
          <div className="rm-cover__value rm-cover__value--date">{sunset ? longDate(sunset.date) : '—'}</div>
          <div className="rm-cover__label">
            internal sunset date: the last day a workload may still run on the old model
            {sunset ? <><br />{sunsetRuleWords(sunset, data.retestDays, data.rollbackDays)}{setter ? ` It applies first to ${setter.workload.name} (${model.clientName.get(setter.workload.clientId) ?? ''}).` : ''}</> : <><br />No workloads yet.</>}
          </div>
        </div>
      </div>
      <div className="rm-cover__lower">
        <nav className="rm-contents" aria-label="Contents">
          <div className="rm-subhead">Contents</div>
          <ol>
            <li><span>1 Executive summary</span><span className="rm-contents__dots" /><span>{layout.summary}</span></li>
            <li><span>2 Portfolio timeline</span><span className="rm-contents__dots" /><span>{layout.timeline}</span></li>
            <li><span>3 Workloads</span><span className="rm-contents__dots" /><span>{layout.workloads}</span></li>
            <li><span>4 Commitments register</span><span className="rm-contents__dots" /><span>{layout.register}</span></li>
          </ol>
        </nav>
        <div className="rm-glance">
          <div className="rm-subhead">At a glance</div>
          <table className="rm-table">
            <tbody>
              {PLAN_STATUSES.map((st) => (
                <tr key={st}><td><StatusMark status={st} /></td><td className="rm-num">{plural(model.statusCounts[st], 'workload')}</td></tr>
              ))}
              <tr><td>Bridges proposed</td><td className="rm-num">{model.bridges.length === 0 ? 'None' : `${model.bridges.filter((w) => w.plan.bridge?.level === 'required').length} required, ${model.bridges.filter((w) => w.plan.bridge?.level === 'recommended').length} recommended`}</td></tr>
              <tr><td>Commitments affected</td><td className="rm-num">{model.affectedCommitments.length}</td></tr>
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
