// Parsed files waiting between an import's preview and its commit, so the commit writes exactly what was shown.
import { randomUUID } from 'node:crypto';
import { OfframpError } from '../../shared/errors.ts';

const MAX_PENDING = 8;

export class PendingImports<T> {
  private readonly items = new Map<string, T>();
  private readonly dispose: (value: T) => void;
  private readonly max: number;

  /** `dispose` releases what a preview holds outside this map (staged rows) when it is dropped or pushed out; at most `max` wait. */
  constructor(options: { dispose?: (value: T) => void; max?: number } = {}) {
    this.dispose = options.dispose ?? (() => undefined);
    this.max = options.max ?? MAX_PENDING;
  }

  put(value: T): string {
    const token = randomUUID();
    this.items.set(token, value);
    while (this.items.size > this.max) this.drop(this.items.keys().next().value as string);
    return token;
  }

  take(token: string): T {
    const value = this.items.get(token);
    if (value === undefined) throw new OfframpError({ code: 'conflict', message: 'This preview has expired; choose the file again to see a fresh preview.' });
    return value;
  }

  drop(token: string): void {
    const value = this.items.get(token);
    if (value === undefined) return;
    this.items.delete(token);
    this.dispose(value);
  }

  /** Drops every waiting preview (a new one replaces them). */
  clear(): void {
    for (const token of [...this.items.keys()]) this.drop(token);
  }
}
