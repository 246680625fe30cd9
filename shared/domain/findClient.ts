// Finds a client the way a person names one on the command line: by id, or by name in any case.
import type { Client } from './types.ts';

export function findClient<C extends Pick<Client, 'id' | 'name'>>(clients: C[], nameOrId: string): C | undefined {
  const byId = /^\d+$/.test(nameOrId) ? clients.find((c) => c.id === Number(nameOrId)) : undefined;
  return byId ?? clients.find((c) => c.name.toLowerCase() === nameOrId.toLowerCase());
}

/** "Acme (1), Harbor Bank (2)": the choices, for a message when no client matches. */
export function clientChoices(clients: Pick<Client, 'id' | 'name'>[]): string {
  return clients.map((c) => `${c.name} (${c.id})`).join(', ');
}
