// Title row of a screen with its primary actions on the right.
import type { ReactNode } from 'react';
import { EmptyOr } from './EmptyState.tsx';

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1 className="page-header__title">{title}</h1>
        {description ? <p className="page-header__description">{description}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </div>
  );
}

/** A list screen's header and list: its Add action sits in the header once there is something listed, in the empty state until then. */
export function ListPage({ title, description, empty, add, emptyTitle, emptyHint, children }: {
  title: string; description: ReactNode; empty: boolean; add: ReactNode; emptyTitle: string; emptyHint: ReactNode; children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} description={description} actions={empty ? null : add} />
      <EmptyOr empty={empty} title={emptyTitle} action={add} hint={emptyHint}>{children}</EmptyOr>
    </>
  );
}
