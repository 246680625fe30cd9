// Detector: a fixed output template repeated in the replies — section headings ("## Assessment",
// "Plan:"), labelled fields ("Rating:", "Reason1:") or a fixed skeleton — is format, not a verbal habit.

import { MAX_REPLY_CHARS } from '../replyForm.ts';
import { bump, cite } from './cite.ts';

export interface TemplateSignal {
  /** Free-text replies looked at. */
  replies: number;
  /** Markers found in at least half of those replies, most common first. */
  common: { marker: string; display: string; replies: number }[];
  /** The most common opening words and how many replies start with them. */
  opening: { words: string; replies: number } | null;
  lines: number[];
}

const MAX_MARKERS = 2_000;
const MAX_LINES_READ = 200;
// A heading ("## Plan", "**Plan**") or a labelled field ("Plan:", "- Reason 1:") at the start of a line.
const HEADING = /^\s{0,3}(?:#{1,6}\s+(.{1,60}?)\s*#*\s*$|\*\*([^*\n]{1,60})\*\*\s*:?\s*$)/;
const FIELD = /^\s{0,3}(?:[-*•]\s+)?(?:\*\*)?([\p{L}][\p{L}\p{N} /&()'’-]{0,40}?)(?:\*\*)?\s*[:：]/u;

function normalise(label: string): string {
  return label.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** The structural markers of one reply (distinct), read on its first lines. */
const NONE: { marker: string; display: string }[] = [];

export function templateMarkers(text: string): { marker: string; display: string }[] {
  // A template needs headings or labelled fields: text with neither a colon nor a # has none.
  if (!text.includes(':') && !text.includes('#') && !text.includes('：') && !text.includes('**')) return NONE;
  const out = new Map<string, string>();
  const body = text.length > MAX_REPLY_CHARS ? text.slice(0, MAX_REPLY_CHARS) : text;
  let start = 0;
  for (let n = 0; n < MAX_LINES_READ && start <= body.length; n++) {
    const end = body.indexOf('\n', start);
    const line = body.slice(start, end === -1 ? body.length : end);
    start = end === -1 ? body.length + 1 : end + 1;
    if (line.trim().length === 0) continue;
    const h = HEADING.exec(line);
    if (h) {
      const label = (h[1] ?? h[2]).trim();
      // "#### 72" is a final-answer marker, read by the reasoning detector.
      if (label && !/^[\d\s$,.!%-]+$/.test(label)) out.set(`h:${normalise(label)}`, label);
      continue;
    }
    const f = FIELD.exec(line);
    if (f && f[1].split(/\s+/).length <= 5) out.set(`f:${normalise(f[1])}`, `${f[1].trim().replace(/\d+/g, 'N')}:`);
  }
  return [...out.entries()].map(([marker, display]) => ({ marker, display }));
}

function openingWords(text: string): string | null {
  const words = text.trim().toLowerCase().replace(/\d+/g, '#').split(/\s+/).slice(0, 5);
  return words.length >= 4 ? words.join(' ') : null;
}

export function createTemplateDetector() {
  let replies = 0;
  const markers = new Map<string, number>();
  const display = new Map<string, string>();
  const markerLines = new Map<string, number[]>();
  const openings = new Map<string, number>();
  return {
    observe(text: string, found: { marker: string; display: string }[], line: number): void {
      replies += 1;
      for (const m of found) {
        if (!bump(markers, m.marker, MAX_MARKERS)) continue;
        if (!display.has(m.marker)) display.set(m.marker, m.display);
        let lines = markerLines.get(m.marker);
        if (!lines) markerLines.set(m.marker, (lines = []));
        cite(lines, line);
      }
      // Opening words only matter beside a marker (a single field plus a fixed opening is a skeleton).
      const open = found.length > 0 ? openingWords(text) : null;
      if (open) bump(openings, open, MAX_MARKERS);
    },
    finish(): TemplateSignal {
      const common = [...markers.entries()]
        .filter(([, n]) => replies >= 5 && n >= replies / 2)
        .sort((a, b) => b[1] - a[1])
        .map(([marker, n]) => ({ marker, display: display.get(marker) ?? marker, replies: n }));
      const open = [...openings.entries()].sort((a, b) => b[1] - a[1])[0];
      return {
        replies,
        common,
        opening: open && open[1] >= 2 ? { words: open[0], replies: open[1] } : null,
        lines: common.length > 0 ? (markerLines.get(common[0].marker) ?? []) : [],
      };
    },
  };
}
