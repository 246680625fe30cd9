// One way to write numbers, money and dates for people: screens, the roadmap PDF, the CSV and the CLI all call these.
// toLocaleString is avoided on purpose: it is slow across thousands of workloads and varies with the machine's locale.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 1234567 → "1,234,567"; 0.9312 with 2 digits → "0.93". Digits are fixed when given, else trailing zeros are dropped. */
export function formatNumber(n: number, digits?: number): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = digits === undefined ? String(Number(n.toFixed(6))) : n.toFixed(digits);
  const negative = fixed.startsWith('-');
  const [int, frac] = (negative ? fixed.slice(1) : fixed).split('.');
  // "-0" and "-0.00" read as zero.
  const sign = negative && /[1-9]/.test(fixed) ? '-' : '';
  return `${sign}${group(int)}${frac ? `.${frac}` : ''}`;
}

/** Money in US dollars with two decimals: 1234.5 → "$1,234.50"; negative → "−$3.00". */
export function formatMoney(n: number): string {
  const s = formatNumber(Math.abs(n), 2);
  return n < 0 && s !== '0.00' ? `−$${s}` : `$${s}`;
}

/** "2026-12-09" → "9 Dec 2026": the one date style people read in print and in sentences. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d || m < 1 || m > 12) return iso;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "1 job", "2 jobs", "1,200 working days". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** "1 working day" / "12 working days": the plan's unit, never abbreviated to "wd" in sentences. */
export const workingDays = (n: number): string => plural(n, 'working day');

/** "a 300 ms target" but "an 800 ms target": the article that fits a number read aloud. */
export function articleFor(n: number): 'a' | 'an' {
  const s = String(Math.trunc(Math.abs(n)));
  // Eight, eleven, eighteen, eighty…, and 8xx/8,xxx… start with a vowel sound.
  if (s.startsWith('8')) return 'an';
  if (s === '11' || s === '18') return 'an';
  const groups = formatNumber(Math.trunc(Math.abs(n))).split(',');
  if (groups[0] === '11' || groups[0] === '18') return 'an';
  return 'a';
}

/** Money or "unknown": a figure that cannot be computed is said to be unknown, never shown as $0.00. */
export const moneyOrUnknown = (n: number | null): string => (n === null ? 'unknown' : formatMoney(n));

/** A sum where some parts are unknown: "$1,200.00", or "$1,200.00 + 2 unknown", or "unknown" when none is known. */
export function formatPartialMoney(sum: { known: number; unknownCount: number }, parts: number): string {
  if (sum.unknownCount === 0) return formatMoney(sum.known);
  if (sum.unknownCount >= parts) return 'unknown';
  return `${formatMoney(sum.known)} + ${sum.unknownCount} unknown`;
}
