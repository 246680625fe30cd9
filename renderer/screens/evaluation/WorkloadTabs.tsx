// Breadcrumb and tabs shared by a workload's detail, evaluation matrix and governance map.
import { Link } from 'wouter';
import './evaluation.css';

const TABS = [
  { key: 'details', label: 'Details', suffix: '' },
  { key: 'evaluation', label: 'Evaluation matrix', suffix: '/evaluation' },
  { key: 'governance', label: 'Governance map', suffix: '/governance' },
] as const;

export type WorkloadTab = (typeof TABS)[number]['key'];

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
