// What a new user sees where a list would be: what this is for and the first thing to do.
import type { ReactNode } from 'react';
import { Link } from 'wouter';

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2 className="empty-state__title">{title}</h2>
      {children ? <div className="empty-state__body">{children}</div> : null}
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}

/** A list's place on the page: its empty state, with the first thing to do, until there is something to list. */
export function EmptyOr({ empty, title, action, hint, children }: {
  empty: boolean; title: string; action?: ReactNode; hint: ReactNode; children: ReactNode;
}) {
  return empty ? <EmptyState title={title} action={action}>{hint}</EmptyState> : <>{children}</>;
}

/** Screens whose records belong to a client send a user without clients to Clients first. */
export function AddClientFirst({ children }: { children: ReactNode }) {
  return (
    <EmptyState title="Add a client first" action={<Link href="/clients" className="button button--primary">Go to Clients</Link>}>
      {children}
    </EmptyState>
  );
}

/** A workload route whose workload is not (or not yet) in the store. */
export function MissingWorkload({ loaded, children }: { loaded: boolean; children?: ReactNode }) {
  return (
    <div className="page">
      <EmptyState title={loaded ? 'This workload no longer exists' : 'Loading…'} action={<Link href="/workloads" className="button">Back to workloads</Link>}>
        {children}
      </EmptyState>
    </div>
  );
}
