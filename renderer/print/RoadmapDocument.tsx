// The roadmap as a stack of fixed-size sheets: cover, summary, timeline, one section per workload, commitments register.
// Flowing content is measured once (after the bundled fonts load), then packed whole onto sheets, so every sheet carries
// its own running header and "page n of N" in the preview, in Electron's printToPDF and in headless Chromium alike.
// A printer printing in chunks gives an outline and asks for workloads' detail a few at a time: while measuring (a
// group at a time) and for each chunk (only the workloads its pages show), so the page never holds the whole roadmap.
import { useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { PaperSize, RoadmapData } from '../../shared/ipc/exports.ts';
import type { PortfolioWorkload } from '../../shared/portfolio.ts';
import type { RoadmapModel } from './model.ts';
import {
  registerBlocks, StatusMark, summaryBlocks, sunsetRuleWords, TableView, workloadBlocks, workloadsTitleBlock, type FlowBlock, type SectionId,
} from './blocks.tsx';
import { FLOW_SECTIONS, measureGroups, measureRounds, sourceOf, workloadsOn, type PlannedPage, type Queued, type RoadmapParts } from './roadmapSource.ts';
import { PLAN_STATUSES } from '../../shared/domain/types.ts';
import { TIMELINE, chunkRows, packBlocks, sheetGeometry, timelineRowsPerPage, type MeasuredBlock, type PagePiece, type SheetGeometry } from './layout.ts';
import { TimelinePage, timelineAxis } from './Timeline.tsx';
import { longDate } from './words.ts';
import { plural } from '../labels.ts';
import { collectGarbage, offerPrintRange, printFailed, printRangeFailed, printRangeShown, printsInChunks } from './printReady.ts';
import './roadmap.css';

interface Measured {
  /** Per section: the pages, each a list of whole blocks or table row ranges. */
  pages: Record<SectionId, PagePiece[][]>;
  /** Per section: each block's key, by its index in the section. */
  keys: Record<SectionId, string[]>;
  /** The workload each block of the workloads section belongs to (undefined for the section's title). */
  owners: (number | undefined)[];
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

/** What is drawn now: the pages in range (all of them outside a chunked print), with their workloads' detail. */
interface Shown {
  range: [number, number] | null;
  model: RoadmapModel;
  blocks: Map<string, FlowBlock>;
}

export function RoadmapDocument({ data, parts, paper, onLaidOut }: {
  data?: RoadmapData; parts?: RoadmapParts; paper: PaperSize; onLaidOut?: (layout: RoadmapLayout) => void;
}) {
  const g = useMemo(() => sheetGeometry(paper), [paper]);
  const source = useMemo(() => sourceOf(data, parts), [data, parts]);
  const model = source.base;
  const fixedBlocks = useMemo(() => ({ summary: summaryBlocks(model), register: registerBlocks(model) }), [model]);
  const [measured, setMeasured] = useState<Measured | null>(null);
  // The batch of blocks in the measuring DOM now.
  const [batch, setBatch] = useState<Queued[] | null>(null);
  const measureRef = useRef<HTMLDivElement>(null);
  const rounds = useRef<{ it: AsyncGenerator<Queued[]>; rounds: number; heights: Partial<Record<SectionId, MeasuredBlock[]>>; keys: Record<SectionId, string[]>; owners: (number | undefined)[] } | null>(null);
  const chunked = useMemo(() => printsInChunks(), []);
  // The pages drawn: all (preview, a print in one go) or, for a printer printing in chunks, only the range it asks for
  // (none at first), so the DOM and Chromium's print layout hold one chunk while the page plan covers all pages.
  const [shown, setShown] = useState<Shown | null>(null);

  const rowsPerPage = timelineRowsPerPage(g);
  const timelineChunks = useMemo(() => chunkRows(model.lines, rowsPerPage), [model, rowsPerPage]);
  // Room left under the last timeline page's rows: the workloads section starts there when a useful part fits.
  const underTimeline = g.contentHeight - TIMELINE.titleHeight - TIMELINE.axisHeight - TIMELINE.legendHeight
    - timelineChunks[timelineChunks.length - 1].length * TIMELINE.rowHeight - 24;
  const sharesTimelinePage = underTimeline > g.contentHeight * 0.3;

  // Measuring starts again whenever the source or the paper changes.
  useEffect(() => {
    let cancelled = false;
    setMeasured(null);
    setShown(null);
    setBatch(null);
    const it = measureRounds(source);
    rounds.current = { it, rounds: 0, heights: {}, keys: { summary: [], workloads: [], register: [] }, owners: [] };
    void it.next().then((r) => { if (!cancelled) setBatch(r.done ? [] : r.value); });
    return () => {
      cancelled = true;
      rounds.current = null;
    };
  }, [source, g]);

  useEffect(() => {
    if (!batch || measured) return undefined;
    let cancelled = false;
    void fontsReady().then(async () => {
      const root = measureRef.current;
      const state = rounds.current;
      if (cancelled || !root || !state) return;
      // The batch measured before this one is unmounted: a printer frees it now rather than at the end.
      if (chunked && state.rounds > 0) collectGarbage();
      state.rounds += 1;
      const scale = root.offsetWidth > 0 ? root.getBoundingClientRect().width / root.offsetWidth : 1;
      // Fractional heights (offsetHeight rounds, and 200 rounded rows drift by many px), in layout px even when
      // the preview scales the document with a transform.
      const height = (el: Element) => el.getBoundingClientRect().height / scale;
      const els = Array.from(root.querySelectorAll<HTMLElement>('.rm-measure > .rm-block'));
      batch.forEach(({ section, index, block, rows }, k) => {
        const el = els[k];
        const list = (state.heights[section] ??= []);
        state.keys[section][index] = block.key;
        if (section === 'workloads') state.owners[index] = block.workloadId;
        if (!block.table) {
          list[index] = { height: height(el), keepWithNext: block.keepWithNext };
          return;
        }
        const rowHeights = Array.from(el.querySelectorAll<HTMLElement>('tbody > tr'), height);
        const measuredRows = rowHeights.reduce((a, h) => a + h, 0);
        const earlier = rows && rows[0] > 0 ? list[index]?.table : undefined;
        // A later slice of a long table adds its rows to the head and rows measured before.
        if (earlier) {
          earlier.rowHeights.push(...rowHeights);
          list[index] = { height: list[index].height + measuredRows, table: earlier };
          return;
        }
        list[index] = { height: height(el), table: { headHeight: height(el) - measuredRows, rowHeights } };
      });
      let next: IteratorResult<Queued[]>;
      try {
        next = await state.it.next();
      } catch (e) {
        printFailed((e as Error).message);
        return;
      }
      if (cancelled) return;
      if (!next.done) {
        setBatch(next.value);
        return;
      }
      const pages = {} as Record<SectionId, PagePiece[][]>;
      const oversized: string[] = [];
      for (const section of FLOW_SECTIONS) {
        // A few px of slack absorb rounding between measured rows and the same rows in a split table.
        const first = section === 'workloads' && sharesTimelinePage ? underTimeline : g.contentHeight - 4;
        const packed = packBlocks(state.heights[section] ?? [], g.contentHeight - 4, first);
        pages[section] = packed.pages;
        oversized.push(...packed.oversized.map((i) => state.keys[section][i]));
      }
      setBatch(null);
      setMeasured({ pages, keys: state.keys, owners: state.owners, oversized });
    });
    return () => { cancelled = true; };
  }, [batch, measured, chunked, g, sharesTimelinePage, underTimeline]);

  // Every sheet in order, with what it draws; page numbers and the contents' page numbers come from here.
  const plan = useMemo(() => {
    if (!measured) return null;
    if (model.lines.length === 0) return { start: {} as Record<string, number>, pages: [] as PlannedPage[], pageCount: 1 };
    // The first workloads page sits under the last timeline page's rows (when there is room); the rest have their own.
    const workloadPages = sharesTimelinePage ? measured.pages.workloads.slice(1) : measured.pages.workloads;
    const under = sharesTimelinePage ? measured.pages.workloads[0] ?? [] : [];
    const pages: PlannedPage[] = [{ kind: 'cover', page: 1 }];
    const start: Record<string, number> = {};
    const flow = (section: SectionId, list: PagePiece[][]) => {
      for (const pieces of list) pages.push({ kind: 'flow', page: pages.length + 1, section, pieces });
    };
    start.summary = pages.length + 1;
    flow('summary', measured.pages.summary);
    start.timeline = pages.length + 1;
    timelineChunks.forEach((rows, index) => {
      pages.push({ kind: 'timeline', page: pages.length + 1, index, rows, under: index === timelineChunks.length - 1 ? under : [] });
    });
    start.workloads = under.length > 0 ? pages.length : pages.length + 1;
    flow('workloads', workloadPages);
    start.register = pages.length + 1;
    flow('register', measured.pages.register);
    return { start, pages, pageCount: pages.length };
  }, [measured, timelineChunks, sharesTimelinePage, model]);

  // Pages that cost a printer more than a text page (from, to, text pages each), for data-heavy-pages: a timeline page
  // holds dozens of bars and marks (four text pages); a page of the summary's or the register's tables holds about twice
  // the elements of a workload page (21,000 in 60 such pages against 9,600), and as much more memory while it prints.
  const heavyPages = useMemo<[number, number, number][]>(() => (plan && model.lines.length > 0 ? [
    [plan.start.timeline, plan.start.timeline + timelineChunks.length - 1, 4],
    [plan.start.summary, plan.start.timeline - 1, 2],
    [plan.start.register, plan.pageCount, 2],
  ] : []), [plan, model, timelineChunks.length]);

  // Draws pages from..to (1-based; every page when null) once their workloads' detail is at hand.
  const show = useMemo(() => {
    if (!plan || !measured) return null;
    let latest = 0;
    return (range: [number, number] | null) => {
      const call = ++latest;
      const pages = range ? plan.pages.filter((p) => p.page >= range[0] && p.page <= range[1]) : plan.pages;
      source.withDetail(workloadsOn(pages, measured.owners)).then((m) => {
        if (call !== latest) return;
        const blocks = new Map<string, FlowBlock>([[workloadsTitleBlock().key, workloadsTitleBlock()]]);
        for (const w of m.workloads) for (const b of workloadBlocks(m, w)) blocks.set(b.key, b);
        setShown({ range, model: m, blocks });
      }, (e: unknown) => (range ? printRangeFailed : printFailed)((e as Error).message));
    };
  }, [plan, measured, source]);

  useEffect(() => {
    if (!show) return undefined;
    if (!chunked) {
      show(null);
      return undefined;
    }
    // A heavy page leaves several text pages' worth of garbage (see heavyPages).
    const weight = (from: number, to: number) => heavyPages.reduce(
      (sum, [hFrom, hTo, w]) => sum + (w - 1) * Math.max(0, Math.min(to, hTo) - Math.max(from, hFrom) + 1),
      to - from + 1,
    );
    return offerPrintRange((from, to) => show([from, to]), weight);
  }, [show, chunked, heavyPages]);

  useEffect(() => {
    if (!shown) return;
    printRangeShown();
  }, [shown]);

  useEffect(() => {
    // Reported once the page plan exists and, outside a chunked print, every sheet is committed to the DOM.
    if (plan && onLaidOut && (chunked || shown)) onLaidOut({ pageCount: plan.pageCount, timelinePages: timelineChunks.length, rowsPerPage });
  }, [plan, shown, chunked, onLaidOut, timelineChunks.length, rowsPerPage]);

  const style = { '--rm-sheet-w': `${g.width}px`, '--rm-sheet-h': `${g.height}px`, '--rm-pad-x': `${g.padX}px`, '--rm-header-h': `${g.headerHeight}px`, '--rm-footer-h': `${g.footerHeight}px`, '--rm-body-h': `${g.bodyHeight}px`, '--rm-body-w': `${g.bodyWidth}px` } as CSSProperties;

  if (!measured || !plan) {
    return (
      <div className="rm-doc rm-doc--measuring" style={style} ref={measureRef} aria-busy="true">
        {measureGroups(batch ?? []).map((group) => (
          <div key={`${group[0].section}-${group[0].index}`} className="rm-measure" data-measure-section={group[0].section}>
            {group.map(({ block: b, rows }) => (
              <div key={`${b.key}-${rows?.[0] ?? 0}`} className="rm-block">{b.table ? <TableView table={b.table} from={rows?.[0]} to={rows?.[1]} /> : b.node}</div>
            ))}
          </div>
        ))}
      </div>
    );
  }

  if (model.lines.length === 0) return <EmptyRoadmap style={style} g={g} model={model} paper={paper} />;

  const total = plan.pageCount;
  const sheets: ReactNode[] = [];
  const axis = timelineAxis(model);
  const drawn = shown ? (shown.range ? plan.pages.filter((p) => p.page >= shown.range![0] && p.page <= shown.range![1]) : plan.pages) : [];
  const blockOf = (section: SectionId, index: number): FlowBlock | undefined => {
    const key = measured.keys[section][index];
    return section === 'workloads' ? shown?.blocks.get(key) : fixedBlocks[section].find((b) => b.key === key);
  };
  const pieceViews = (section: SectionId, pieces: PagePiece[]) => pieces.map((p) => {
    const block = blockOf(section, p.block);
    return block ? <FlowBlockView key={`${block.key}-${p.from ?? 0}`} block={block} piece={p} /> : null;
  });
  const detailOf = new Map<number, PortfolioWorkload>((shown?.model.workloads ?? []).map((w) => [w.workload.id, w]));
  for (const p of drawn) {
    if (p.kind === 'cover') {
      sheets.push(<Sheet key="cover" g={g} model={model} page={p.page} total={total} cover><Cover model={model} layout={plan.start} /></Sheet>);
    } else if (p.kind === 'flow') {
      sheets.push(<Sheet key={`${p.section}-${p.page}`} g={g} model={model} page={p.page} total={total} section={p.section}>{pieceViews(p.section, p.pieces)}</Sheet>);
    } else {
      const rows = p.rows.flatMap((w) => detailOf.get(w.workload.id) ?? []);
      sheets.push(
        <Sheet key={`timeline-${p.index}`} g={g} model={model} page={p.page} total={total} section="timeline">
          <TimelinePage m={shown!.model} axis={axis} rows={rows} firstIndex={p.index * rowsPerPage} pageIndex={p.index} pageCount={timelineChunks.length} pageNumber={p.page} rowsPerPage={rowsPerPage} />
          {p.under.length > 0 ? <div className="rm-after-timeline">{pieceViews('workloads', p.under)}</div> : null}
        </Sheet>,
      );
    }
  }

  return (
    <div
      className="rm-doc"
      style={style}
      data-paper={paper}
      data-pages={total}
      data-timeline-pages={timelineChunks.length}
      data-rows-per-page={rowsPerPage}
      data-oversized={measured.oversized.join(' ')}
      // Heavy pages cost Chromium more memory and time to print than text pages: a printer prints fewer of them at once.
      data-heavy-pages={heavyPages.map(([from, to, w]) => `${from}-${to}:${w}`).join(' ')}
    >
      {sheets}
    </div>
  );
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
  const setter = sunset ? model.lines.find((w) => w.workload.id === sunset.workloadId) : undefined;
  const scope = data.scope.clientName
    ? `${plural(model.lines.length, 'workload')}`
    : `${plural(data.clients.length, 'client')} · ${plural(model.lines.length, 'workload')}`;
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
