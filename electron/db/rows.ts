// Small conversions between SQLite values and domain values.
export const bool = (v: unknown): boolean => v === 1 || v === 1n;
export const boolOrNull = (v: unknown): boolean | null => (v === null || v === undefined ? null : bool(v));
export const int = (b: boolean): number => (b ? 1 : 0);
export const intOrNull = (b: boolean | null | undefined): number | null => (b === null || b === undefined ? null : b ? 1 : 0);
export const json = <T>(v: unknown): T => JSON.parse(String(v)) as T;
export const nowIso = (): string => new Date().toISOString();
