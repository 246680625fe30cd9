// Every screen of the app in one list: add a screen by adding one entry (nav: true puts it in the left navigation).
import type { ComponentType } from 'react';
import { Redirect } from 'wouter';
import { ClientsScreen } from './screens/clients/ClientsScreen.tsx';
import { WorkloadsScreen } from './screens/workloads/WorkloadsScreen.tsx';
import { WorkloadDetailScreen } from './screens/workloads/WorkloadDetailScreen.tsx';
import { WorkloadDecisionScreen } from './screens/workloads/WorkloadDecisionScreen.tsx';
import { WorkloadPlanScreen } from './screens/workloads/WorkloadPlanScreen.tsx';
import { ContractsScreen } from './screens/contracts/ContractsScreen.tsx';
import { PlanScreen } from './screens/plan/PlanScreen.tsx';
import { SettingsScreen } from './screens/settings/SettingsScreen.tsx';
import { RoadmapScreen } from './screens/roadmap/RoadmapScreen.tsx';
import { RoadmapPrintRoute, PRINT_ROADMAP_PATH } from './print/RoadmapPrintRoute.tsx';
import { MinutesPrintRoute, PRINT_MINUTES_PATH } from './print/minutes/MinutesPrintRoute.tsx';
import { ImportsScreen } from './screens/imports/ImportsScreen.tsx';
import { EvaluationScreen } from './screens/evaluation/EvaluationScreen.tsx';
import { GovernanceScreen } from './screens/governance/GovernanceScreen.tsx';
import { WorkshopsScreen } from './screens/workshop/WorkshopsScreen.tsx';
import { WorkshopDetailScreen } from './screens/workshop/WorkshopDetailScreen.tsx';
import { PresenterScreen } from './screens/workshop/PresenterScreen.tsx';
import { AudienceScreen } from './screens/workshop/AudienceScreen.tsx';

export interface RouteDef {
  /** wouter pattern, e.g. '/workloads/:id'. */
  path: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- wouter passes { params } typed per path
  component: ComponentType<any>;
  /** Shown in the left navigation when set. */
  nav?: { label: string; /** Also active on these path prefixes. */ matches?: string };
  /** Rendered without navigation and header: print views (printToPDF loads them) and full-screen modes. */
  bare?: boolean;
}

export const routes: RouteDef[] = [
  { path: '/clients', component: ClientsScreen, nav: { label: 'Clients' } },
  { path: '/workloads', component: WorkloadsScreen, nav: { label: 'Workloads', matches: '/workloads' } },
  { path: '/workloads/:id/decision', component: WorkloadDecisionScreen },
  { path: '/workloads/:id/evaluation', component: EvaluationScreen },
  { path: '/workloads/:id/plan', component: WorkloadPlanScreen },
  { path: '/workloads/:id/governance', component: GovernanceScreen },
  { path: '/workloads/:id', component: WorkloadDetailScreen },
  { path: '/agreements', component: ContractsScreen, nav: { label: 'Contracts & commitments' } },
  { path: '/plan', component: PlanScreen, nav: { label: 'Plan' } },
  { path: '/imports', component: ImportsScreen, nav: { label: 'Imports' } },
  { path: '/workshops', component: WorkshopsScreen, nav: { label: 'Workshops', matches: '/workshops' } },
  { path: '/workshops/:id', component: WorkshopDetailScreen },
  // The first wave's address for workshops (it fell through to Clients) now lands on the Workshops screen.
  { path: '/workshop', component: () => <Redirect to="/workshops" replace /> },
  { path: '/present/:id', component: PresenterScreen, bare: true },
  { path: '/audience/:id', component: AudienceScreen, bare: true },
  { path: '/roadmap', component: RoadmapScreen, nav: { label: 'Roadmap' } },
  { path: PRINT_ROADMAP_PATH, component: RoadmapPrintRoute, bare: true },
  { path: PRINT_MINUTES_PATH, component: MinutesPrintRoute, bare: true },
  { path: '/settings', component: SettingsScreen, nav: { label: 'Settings' } },
];

export const DEFAULT_ROUTE = '/clients';
