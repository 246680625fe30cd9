// Parsed files waiting between an import's preview and its commit, so the commit writes exactly what was shown.
import { randomUUID } from 'node:crypto';
import { OfframpError } from '../../shared/errors.ts';

const MAX_PENDING = 8;

export class PendingImports<T> {
  private readonly items = new Map<string, T>();

  put(value: T): string {
    const token = randomUUID();
    this.items.set(token, value);
    while (this.items.size > MAX_PENDING) this.items.delete(this.items.keys().next().value as string);
    return token;
  }

  take(token: string): T {
    const value = this.items.get(token);
    if (value === undefined) throw new OfframpError({ code: 'conflict', message: 'This preview has expired; choose the file again to see a fresh preview.' });
    return value;
  }

  drop(token: string): void {
    this.items.delete(token);
  }
}
