// Form plumbing shared by every screen: parse typed-in text, validate with the shared zod schemas, map errors to fields.
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import type { ErrorInfo, Result } from '../shared/errors.ts';
import { notifyError } from './stores/ui.ts';

export type FieldErrors = Record<string, string>;

/** Thousands grouped by commas, spaces (also no-break and thin ones) or underscores: 1,200 · 1 200 · 1_200_000 · 12,500.75. */
const GROUPED = /^[-+]?\d{1,3}(?:([,\s_\u00a0\u202f])\d{3})(?:\1\d{3})*(?:\.\d+)?$/;
const PLAIN = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/**
 * Number inputs keep their text; '' means "unknown" (null). Thousands separators are read as people type them
 * ("1,200" and "1 200" are 1200); a comma anywhere else is reported, never guessed (is "0,92" 0.92 or 92?).
 */
export function parseNumber(text: string, field: string, errors: FieldErrors): number | null {
  const t = text.trim();
  if (t === '') return null;
  const plain = GROUPED.test(t) ? t.replace(/[,\s_\u00a0\u202f]/g, '') : t;
  if (!PLAIN.test(plain)) {
    errors[field] = t.includes(',')
      ? 'Use a point for decimals (0.92); a comma may only group thousands (1,200)'
      : 'Enter a number, e.g. 1,200 or 0.92';
    return null;
  }
  return Number(plain);
}

/** The text a number field starts with: whole numbers from 10,000 up are grouped so they read at a glance. */
export const numberText = (n: number | null | undefined): string => {
  if (n === null || n === undefined) return '';
  return Number.isInteger(n) && Math.abs(n) >= 10_000 ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(n);
};

/** Validates with the same schema the main process uses; issue paths become field names ("events.0.date"). */
export function validate<S extends z.ZodType>(schema: S, value: unknown, errors: FieldErrors): z.output<S> | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return Object.keys(errors).length ? null : parsed.data;
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    // Keep the first message per field (and any earlier "Enter a number"): the most direct instruction wins.
    errors[key] ??= issue.message;
  }
  return null;
}

export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  /** Shows a handler error next to its field when it names one, else as a toast. */
  const fromError = useCallback((error: ErrorInfo) => {
    if (!error.field) return notifyError(error);
    setErrors({ [error.field]: error.message });
    // A field this form does not show (e.g. "workloadIds.3") must still reach the user.
    requestAnimationFrame(() => {
      if (!document.querySelector('.field__error')) notifyError(error);
    });
  }, []);
  const clear = useCallback(() => setErrors({}), []);
  return { errors, setErrors, fromError, clear };
}

/** Moves focus to the first field with an error, so keyboard users land on what to fix. */
export function focusFirstError(form: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  });
}

/**
 * The save path every form shares: stop on the errors found here (`checked` is null), else send what was checked; the handler's error lands next to its
 * field, and either way focus moves to the first field to fix. Resolves to the saved value, or null when nothing was saved.
 */
export function useFormSubmit() {
  const fields = useFieldErrors();
  const { setErrors, fromError } = fields;
  const [busy, setBusy] = useState(false);
  const submit = useCallback(async <V, T>(
    form: HTMLFormElement, local: FieldErrors, checked: V | null, send: (checked: V) => Promise<Result<T>>,
  ): Promise<{ value: T } | null> => {
    if (checked === null) {
      setErrors(local);
      focusFirstError(form);
      return null;
    }
    setBusy(true);
    const r = await send(checked);
    setBusy(false);
    if (!r.ok) {
      fromError(r.error);
      focusFirstError(form);
      return null;
    }
    return { value: r.value };
  }, [setErrors, fromError]);
  return { ...fields, busy, submit };
}
