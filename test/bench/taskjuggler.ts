// A TaskJuggler (tj3) project of the same network Offramp plans: per workload the six steps with their
// dependencies (1→2→3, 2→4, 3 and 4→5→6) and full durations in working days, the policy's holidays and blackouts,
// and — when the policy sets a team capacity — a pool of interchangeable slots that steps 3–5 allocate (TaskJuggler
// levels them, as Offramp's capacity pass does). Business-critical workloads get a higher priority. For the CLI bench.
import type { Portfolio } from '../../shared/portfolio.ts';
import type { DeadlinePolicy } from '../../shared/domain/types.ts';

const quote = (s: string) => `"${s.replace(/["\\]/g, ' ')}"`;

export function portfolioToTjp(portfolio: Portfolio, policy: DeadlinePolicy): string {
  const slots = policy.capacity ?? 0;
  const start = portfolio.today;
  const out: string[] = [
    `project offramp "Offramp migration" ${start} +36m {`,
    '  timezone "UTC"',
    `  now ${start}`,
    '  workinghours mon - fri 9:00 - 17:00',
    '  workinghours sat, sun off',
    '}',
    '',
    ...policy.holidays.map((d) => `leaves holiday "Holiday" ${d}`),
    ...policy.blackouts.map((b) => `leaves holiday ${quote(b.name || 'Blackout')} ${b.start} - ${b.end}`),
    '',
    ...(slots > 0 ? ['resource team "Migration team" {', ...Array.from({ length: slots }, (_, i) => `  resource slot${i + 1} "Slot ${i + 1}"`), '}', ''] : []),
  ];
  const others = Array.from({ length: Math.max(0, slots - 1) }, (_, i) => `slot${i + 2}`).join(', ');
  // Without a capacity the steps are plain working-day lengths, as in Offramp's schedule.
  const work = (days: number) => (slots > 0 ? `effort ${days}d allocate slot1${slots > 1 ? ` { alternative ${others} select minloaded persistent }` : ''}` : `length ${days}d`);
  for (const w of portfolio.workloads) {
    const days = w.plan.steps.map((s) => s.fullDays);
    const t = `w${w.workload.id}`;
    out.push(
      `task ${t} ${quote(w.workload.name)} {`,
      `  start ${w.plan.start}`,
      `  priority ${w.workload.criticality === 'business_critical' ? 900 : 500}`,
      `  task s1 "Audit" { length ${days[0]}d }`,
      `  task s2 "Classify" { depends !s1 length ${days[1]}d }`,
      `  task s3 "Benchmark" { depends !s2 ${work(days[2])} }`,
      `  task s4 "Governance" { depends !s2 length ${days[3]}d }`,
      `  task s5 "Pilot" { depends !s3, !s4 ${work(days[4])} }`,
      `  task s6 "Cut over" { depends !s5 length ${days[5]}d }`,
      '}',
    );
  }
  out.push('', 'taskreport "plan" {', '  formats csv', '  columns id, start, end', '  hideresource 1', '}', '');
  return out.join('\n');
}

