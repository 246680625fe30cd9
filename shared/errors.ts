// The one error type that crosses IPC: a code, a sentence saying what to fix, and where.

export type ErrorCode =
  | 'invalid_payload'
  | 'not_found'
  | 'no_workspace'
  | 'workspace_corrupt'
  | 'workspace_too_new'
  | 'import_invalid'
  | 'conflict'
  | 'cancelled'
  | 'io'
  | 'internal';

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  file?: string;
  line?: number;
  field?: string;
}

export class OfframpError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;

  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'OfframpError';
    this.code = info.code;
    this.file = info.file;
    this.line = info.line;
    this.field = info.field;
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.file !== undefined) info.file = this.file;
    if (this.line !== undefined) info.line = this.line;
    if (this.field !== undefined) info.field = this.field;
    return info;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
