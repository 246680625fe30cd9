// How the roadmap prints numbers and dates (through shared/format.ts, as everywhere); the words for the domain's
// enumerations are in ../labels.ts. The PDF has one date style: "9 Dec 2026", never split across lines.
import { formatDate, formatNumber } from '../../shared/format.ts';

export const num = (n: number | null | undefined, digits = 0): string =>
  (n === null || n === undefined ? '—' : formatNumber(n, digits));
export const pct = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : `${(n * 100).toFixed(1)}%`);

/** "12 Jan 2027" — dates on the page are read by people. */
export const longDate = (iso: string | null | undefined): string => (iso ? formatDate(iso) : '—');

/**
 * Sentences from the engine carry ISO dates (they are also read on screens, where ISO is the style): in print they
 * read "8 Jan 2027" like every other date, with non-breaking spaces so a date is never split across lines.
 */
export const datesInText = (text: string): string =>
  text.replace(/\b(\d{4}-\d{2}-\d{2})(T[\d:.]+Z?)?\b/g, (_m, iso: string) => formatDate(iso).replace(/ /g, '\u00A0'));

/** A date for a table cell or a sentence: the long style, kept on one line. */
export const dateNoBreak = (iso: string | null | undefined): string => longDate(iso).replace(/ /g, '\u00A0');
