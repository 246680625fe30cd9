// Where the roadmap's pages get their workloads: the whole roadmap at hand (the preview), or an outline whose workloads'
// detail is asked for a few at a time (a printer printing in chunks); the measuring rounds, and which workloads a set
// of planned pages draws.
import { MAX_DETAIL_WORKLOADS, type RoadmapData, type RoadmapDetail, type RoadmapLine, type RoadmapOutline } from '../../shared/ipc/exports.ts';
import { buildModel, buildOutlineModel, withDetail, type RoadmapModel } from './model.ts';
import { registerBlocks, summaryBlocks, workloadBlocks, workloadsTitleBlock, type FlowBlock, type SectionId } from './blocks.tsx';
import type { PagePiece } from './layout.ts';

export const FLOW_SECTIONS: SectionId[] = ['summary', 'workloads', 'register'];
/** Blocks measured per round: the measuring DOM holds this many at once, so its memory does not grow with the document. */
const MEASURE_BATCH = 400;
/**
 * Workloads whose detail is asked for per measuring round (about five blocks each): few enough that the measuring DOM
 * stays small beside a printed chunk, enough that 5,000 workloads take 25 rounds (each a request, a commit and a gc()).
 */
const MEASURE_WORKLOADS = 200;

/** Rows per measuring round of a long table (the summary's at-risk table has a row per late workload). */
const MEASURE_ROWS = 400;

/** A block to measure; for a long table, rows [from, to) of it (its head is measured with its first rows). */
export interface Queued { section: SectionId; index: number; block: FlowBlock; rows?: [number, number] }

/** Where the roadmap's workloads come from: the whole roadmap at hand, or an outline and a way to ask for detail. */
export interface RoadmapParts {
  outline: RoadmapOutline;
  detail(workloadIds: number[]): Promise<RoadmapDetail>;
}

export interface Source {
  /** The model of the whole roadmap, with or without its workloads' detail (summary, register, cover, axis). */
  base: RoadmapModel;
  /** The model with the detail of these workloads at hand. */
  withDetail(workloadIds: number[]): Promise<RoadmapModel>;
}

/** The detail of these workloads, asked for at most MAX_DETAIL_WORKLOADS at a time (none asked for none). */
async function detailOf(parts: RoadmapParts, ids: number[]): Promise<RoadmapDetail> {
  const out: RoadmapDetail = { workloads: [], candidates: [], evaluations: {}, governance: [], signOffs: [] };
  for (let i = 0; i < ids.length; i += MAX_DETAIL_WORKLOADS) {
    const d = await parts.detail(ids.slice(i, i + MAX_DETAIL_WORKLOADS));
    out.workloads.push(...d.workloads);
    out.candidates.push(...d.candidates);
    Object.assign(out.evaluations, d.evaluations);
    out.governance.push(...d.governance);
    out.signOffs.push(...d.signOffs);
  }
  return out;
}

export function sourceOf(data: RoadmapData | undefined, parts: RoadmapParts | undefined): Source {
  if (parts) {
    const base = buildOutlineModel(parts.outline);
    return { base, withDetail: async (ids) => withDetail(base, await detailOf(parts, ids)) };
  }
  const base = buildModel(data!);
  return {
    base,
    withDetail: async (ids) => {
      const wanted = new Set(ids);
      return { ...base, workloads: base.workloads.filter((w) => wanted.has(w.workload.id)) };
    },
  };
}

/** The blocks to measure, a round at a time: the summary, each group of workloads (their detail asked for then), the register. */
export async function* measureRounds(source: Source): AsyncGenerator<Queued[]> {
  // Blocks a batch at a time; a long table alone, a slice of its rows at a time (rows keep their height in any slice:
  // the table's column widths come from its head).
  const slices = (section: SectionId, blocks: FlowBlock[]) => {
    const out: Queued[][] = [];
    const round: Queued[] = [];
    blocks.forEach((block, index) => {
      const rows = block.table?.rows.length ?? 0;
      if (rows <= MEASURE_ROWS) {
        round.push({ section, index, block });
        if (round.length === MEASURE_BATCH) out.push(round.splice(0));
        return;
      }
      if (round.length > 0) out.push(round.splice(0));
      for (let r = 0; r < rows; r += MEASURE_ROWS) out.push([{ section, index, block, rows: [r, Math.min(rows, r + MEASURE_ROWS)] }]);
    });
    if (round.length > 0) out.push(round);
    return out;
  };
  yield* slices('summary', summaryBlocks(source.base));
  let index = 0;
  const title: Queued = { section: 'workloads', index: index++, block: workloadsTitleBlock() };
  const lines = source.base.lines;
  if (lines.length === 0) yield [title];
  for (let i = 0; i < lines.length; i += MEASURE_WORKLOADS) {
    const model = await source.withDetail(lines.slice(i, i + MEASURE_WORKLOADS).map((w) => w.workload.id));
    const round: Queued[] = i === 0 ? [title] : [];
    for (const w of model.workloads) for (const block of workloadBlocks(model, w)) round.push({ section: 'workloads', index: index++, block });
    yield round;
  }
  yield* slices('register', registerBlocks(source.base));
}

/** One sheet of the plan: the cover, a page of a flowing section, or a timeline page (with workloads under its rows). */
export type PlannedPage =
  | { kind: 'cover'; page: number }
  | { kind: 'flow'; page: number; section: SectionId; pieces: PagePiece[] }
  | { kind: 'timeline'; page: number; index: number; rows: RoadmapLine[]; under: PagePiece[] };

/** The workloads whose detail a set of pages draws: their timeline rows and their sections' blocks. */
export function workloadsOn(pages: PlannedPage[], owners: (number | undefined)[]): number[] {
  const ids = new Set<number>();
  for (const p of pages) {
    if (p.kind === 'timeline') for (const w of p.rows) ids.add(w.workload.id);
    const pieces = p.kind === 'timeline' ? p.under : p.kind === 'flow' && p.section === 'workloads' ? p.pieces : [];
    for (const piece of pieces) {
      const id = owners[piece.block];
      if (id !== undefined) ids.add(id);
    }
  }
  return [...ids];
}

/** Consecutive queued blocks of the same section, each group measured in its own section column. */
export function measureGroups(batch: Queued[]): Queued[][] {
  const groups: Queued[][] = [];
  for (const q of batch) {
    const last = groups[groups.length - 1];
    if (last && last[0].section === q.section) last.push(q);
    else groups.push([q]);
  }
  return groups;
}
