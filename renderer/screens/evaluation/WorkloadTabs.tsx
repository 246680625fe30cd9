// Route, breadcrumb and tabs shared by a workload's pages: details, decision, evaluation matrix, governance map, plan.
import type { ComponentType, ReactNode } from 'react';
import { Link } from 'wouter';
import { useInventory } from '../../stores/inventory.ts';
import { MissingWorkload } from '../../components/EmptyState.tsx';
import './evaluation.css';

// One page per part of a workload, so the Decision panel is one click away instead of below a long form.
const TABS = [
  { key: 'details', label: 'Details', suffix: '' },
  { key: 'decision', label: 'Decision', suffix: '/decision' },
  { key: 'evaluation', label: 'Evaluation matrix', suffix: '/evaluation' },
  { key: 'governance', label: 'Governance map', suffix: '/governance' },
  { key: 'plan', label: 'Plan', suffix: '/plan' },
] as const;

export type WorkloadTab = (typeof TABS)[number]['key'];

/** A workload page's route: `view` for the workload `:id` names, or the page that says it is gone (or still loading). */
export function WorkloadRoute({ id, view: View }: { id: string; view: ComponentType<{ workloadId: number; name: string }> }) {
  const workloadId = Number(id);
  const workload = useInventory((s) => s.workloads.find((w) => w.id === workloadId) ?? null);
  const loaded = useInventory((s) => s.loaded);
  if (!workload) return <MissingWorkload loaded={loaded} />;
  return <View key={workload.id} workloadId={workload.id} name={workload.name} />;
}

export function WorkloadTabs({ workloadId, current }: { workloadId: number; current: WorkloadTab }) {
  return (
    <nav className="workload-tabs" aria-label="Workload sections">
      {TABS.map((t) => (
        <Link
          key={t.key}
          href={`/workloads/${workloadId}${t.suffix}`}
          className={`workload-tabs__tab${t.key === current ? ' is-active' : ''}`}
          aria-current={t.key === current ? 'page' : undefined}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}

export function WorkloadBreadcrumb({ workloadId, name, page }: { workloadId: number; name: string; page: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link href="/workloads" className="link">Workloads</Link>
      <span aria-hidden="true"> / </span>
      <Link href={`/workloads/${workloadId}`} className="link">{name}</Link>
      <span aria-hidden="true"> / </span>
      <span aria-current="page">{page}</span>
    </nav>
  );
}

/** The head of a workload's page (all but Details, which is a form): breadcrumb, the workload's name, what the page shows, its tabs. */
export function WorkloadPageHead({ workloadId, name, tab, page, description, actions }: {
  workloadId: number; name: string; tab: WorkloadTab; page: string; description: string; actions?: ReactNode;
}) {
  return (
    <>
      <WorkloadBreadcrumb workloadId={workloadId} name={name} page={page} />
      <div className="page-header page-header--tabs">
        <div>
          <h1 className="page-header__title">{name}</h1>
          <p className="page-header__description">{description}</p>
        </div>
        {actions ? <div className="page-header__actions">{actions}</div> : null}
      </div>
      <WorkloadTabs workloadId={workloadId} current={tab} />
    </>
  );
}
