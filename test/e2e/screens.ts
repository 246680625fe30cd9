// Every screen inside the shell, by route and level-1 heading, for suites that visit them all (layout, accessibility).
// Workloads of the sample workspace: 1 Support answer drafts, 5 Patient support assistant (the one with candidates).
export const SCREENS: { route: string; heading: string }[] = [
  { route: '/clients', heading: 'Clients' },
  { route: '/workloads', heading: 'Workloads' },
  { route: '/workloads/1', heading: 'Support answer drafts' },
  { route: '/workloads/1/decision', heading: 'Support answer drafts' },
  { route: '/workloads/5/evaluation', heading: 'Patient support assistant' },
  { route: '/workloads/5/governance', heading: 'Patient support assistant' },
  { route: '/workloads/1/plan', heading: 'Support answer drafts' },
  { route: '/workloads/new', heading: 'New workload' },
  { route: '/agreements', heading: 'Contracts & commitments' },
  { route: '/plan', heading: 'Plan' },
  { route: '/imports', heading: 'Imports' },
  { route: '/workshops', heading: 'Workshops' },
  { route: '/roadmap', heading: 'Roadmap' },
  { route: '/settings', heading: 'Settings' },
];
