// Labelled form controls with their hint and validation message next to them.
import { useId } from 'react';
import type { ReactNode } from 'react';

interface Base {
  label: string;
  error?: string;
  hint?: ReactNode;
  className?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function FieldShell({ id, label, error, hint, className, children }: Base & { id: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">{label}</label>
      {children}
      {hint ? <p id={`${id}-hint`} className="field__hint">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          <span aria-hidden="true">⚠ </span>{error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField(props: Base & {
  value: string; onChange(v: string): void; type?: 'text' | 'number'; placeholder?: string;
  inputMode?: 'decimal' | 'numeric' | 'text'; list?: string; autoFocus?: boolean; required?: boolean; suffix?: string;
}) {
  const id = useId();
  const { value, onChange, type = 'text', placeholder, inputMode, list, autoFocus, required, suffix } = props;
  const input = (
    <input
      id={id}
      className="input"
      type={type}
      value={value}
      placeholder={placeholder}
      inputMode={inputMode}
      list={list}
      autoFocus={autoFocus}
      required={required}
      aria-invalid={props.error ? true : undefined}
      aria-describedby={describedBy(id, props.hint, props.error)}
      onChange={(e) => onChange(e.target.value)}
    />
  );
  return (
    <FieldShell id={id} {...props}>
      {suffix ? <div className="input-suffix">{input}<span aria-hidden="true">{suffix}</span></div> : input}
    </FieldShell>
  );
}

/** Numbers are typed as text so "unknown" (empty) and typos can be told apart from 0. */
export function NumberField(props: Base & { value: string; onChange(v: string): void; placeholder?: string; suffix?: string; integer?: boolean }) {
  return <TextField {...props} type="text" inputMode={props.integer ? 'numeric' : 'decimal'} />;
}

/**
 * Dates are typed and shown as yyyy-MM-dd, the form every screen, export and the roadmap use (a browser's date input
 * would show the machine's locale, e.g. 12/01/2026). On leaving the field, 2026-6-3 or 2026/06/03 becomes 2026-06-03.
 */
export function DateInput({ value, onChange, className = 'input', ...rest }: {
  value: string; onChange(v: string): void; className?: string; id?: string; 'aria-label'?: string;
  'aria-invalid'?: boolean; 'aria-describedby'?: string;
}) {
  return (
    <input
      {...rest}
      className={className}
      type="text"
      inputMode="numeric"
      placeholder="yyyy-mm-dd"
      maxLength={10}
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={(e) => {
        const normal = normaliseDate(e.target.value);
        if (normal !== e.target.value) onChange(normal);
      }}
    />
  );
}

/** "2026-6-3", "2026/06/03", " 2026.06.03 " → "2026-06-03"; anything else is left for validation to name. */
export function normaliseDate(text: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text.trim();
}

export function DateField(props: Base & { value: string; onChange(v: string): void }) {
  const id = useId();
  return (
    <FieldShell id={id} {...props}>
      <DateInput
        id={id} value={props.value} onChange={props.onChange}
        aria-invalid={props.error ? true : undefined} aria-describedby={describedBy(id, props.hint, props.error)}
      />
    </FieldShell>
  );
}

export function TextAreaField(props: Base & { value: string; onChange(v: string): void; rows?: number }) {
  const id = useId();
  return (
    <FieldShell id={id} {...props}>
      <textarea
        id={id}
        className="input textarea"
        rows={props.rows ?? 3}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </FieldShell>
  );
}

export function SelectField<V extends string>(props: Base & {
  value: V; onChange(v: V): void; options: readonly { value: V; label: string }[];
}) {
  const id = useId();
  return (
    <FieldShell id={id} {...props}>
      <select
        id={id}
        className="input select"
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        onChange={(e) => props.onChange(e.target.value as V)}
      >
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </FieldShell>
  );
}

export function CheckboxField(props: { label: string; checked: boolean; onChange(v: boolean): void; hint?: ReactNode; error?: string }) {
  const id = useId();
  return (
    <div className={`field field--checkbox${props.error ? ' field--invalid' : ''}`}>
      <div className="checkbox-row">
        <input
          id={id}
          type="checkbox"
          className="checkbox"
          checked={props.checked}
          aria-describedby={describedBy(id, props.hint, props.error)}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        <label htmlFor={id}>{props.label}</label>
      </div>
      {props.hint ? <p id={`${id}-hint`} className="field__hint">{props.hint}</p> : null}
      {props.error ? <p id={`${id}-error`} className="field__error"><span aria-hidden="true">⚠ </span>{props.error}</p> : null}
    </div>
  );
}

/** A form-level message for errors that name no field. */
export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return <p role="alert" className="form-error"><span aria-hidden="true">⚠ </span>{message}</p>;
}

/** The end of a dialog's form: the error no field owns, Cancel, and the submit button (off while saving). */
export function FormActions({ error, busy, submitLabel, onCancel }: { error?: string; busy: boolean; submitLabel: string; onCancel(): void }) {
  return (
    <>
      <FormError message={error} />
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button button--primary" disabled={busy}>{submitLabel}</button>
      </div>
    </>
  );
}
