// The minutes as Markdown, for pasting into an email or a wiki: the same model and order as the printed minutes.
import { APPROACH_NAMES } from '../domain/approachNames.ts';
import { formatDate, plural } from '../format.ts';
import type { PlanStatus } from '../domain/types.ts';
import type { MinutesModel } from './minutes.ts';
import type { RecommendationSummary } from './types.ts';

const STATUS: Record<PlanStatus, string> = { on_track: 'On track', tight: 'Tight', compressed: 'Compressed', late: 'Late' };

/** Table cells may not break the row: pipes escaped, line breaks folded. */
const cell = (s: string | number | null | undefined): string => (s === null || s === undefined || s === '' ? '—' : String(s).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' '));

function table(head: string[], rows: (string | number | null)[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

function recommendation(s: RecommendationSummary): string {
  const parts = s.components.map((c) => `${c.job}: ${APPROACH_NAMES[c.approach]}`).join(', ');
  const plan = s.planEnd ? `; plan ends ${formatDate(s.planEnd)}${s.status ? ` (${STATUS[s.status as PlanStatus] ?? s.status})` : ''}` : '';
  return `${APPROACH_NAMES[s.architecture]}${parts ? ` (${parts})` : ''}${plan}`;
}

export function minutesToMarkdown(m: MinutesModel): string {
  const out: string[] = [];
  const section = (title: string, body: string) => out.push(`## ${title}\n\n${body}\n`);

  out.push(`# ${m.title}\n`);
  out.push([
    `**Client:** ${m.clientName}  `,
    `**Date:** ${formatDate(m.date)}, ${m.startTime}–${m.plannedEnd}${m.location ? `  \n**Location:** ${m.location}` : ''}  `,
    `**Training deadline:** ${formatDate(m.trainingDeadline)} (${m.daysToDeadline >= 0 ? `${plural(m.daysToDeadline, 'day')} left` : 'passed'})${m.sunset ? `  \n**Internal sunset:** ${formatDate(m.sunset.date)} (set by ${m.sunset.workloadName})` : ''}`,
    m.nextReviewDate ? `**Next review:** ${formatDate(m.nextReviewDate)}` : '',
  ].filter(Boolean).join('\n') + '\n');

  section('Participants', m.participants.length === 0 ? '_No participants recorded._'
    : m.participants.map((p) => `- ${p.name}${[p.role, p.organisation].filter(Boolean).length ? ` — ${[p.role, p.organisation].filter(Boolean).join(', ')}` : ''}`).join('\n'));

  section('Decisions', m.decisions.length === 0 ? '_No decisions recorded._'
    : m.decisions.map((d, i) => `${i + 1}. ${d.text}${d.workloadName ? ` _(${d.workloadName}${d.approach ? `: ${APPROACH_NAMES[d.approach]}` : ''})_` : d.approach ? ` _(${APPROACH_NAMES[d.approach]})_` : ''}`).join('\n'));

  section('Actions', m.actions.length === 0 ? '_No actions recorded._'
    : table(['Action', 'Owner', 'Due'], m.actions.map((a) => [a.text, a.owner, formatDate(a.dueDate)])));

  const actual = m.actualMinutes === null ? '' : `, ${plural(m.actualMinutes, 'minute')} as run`;
  section('Agenda', `${plural(m.plannedMinutes, 'minute')} planned${actual}.\n\n${table(
    ['#', 'Item', 'Planned', 'Minutes', 'Actual', 'Ran'],
    m.agenda.map((r) => [r.position, r.workloadName && !r.title.includes(r.workloadName) ? `${r.title} (${r.workloadName})` : r.title, r.plannedStart, r.plannedMinutes,
      r.actualStart ? `${r.actualStart}–${r.actualEnd ?? '…'}` : 'not run', r.actualMinutes]),
  )}`);

  if (m.classifications.length > 0) {
    section('Classified workloads', m.classifications.map((c) => [
      `### ${c.workloadName}\n`,
      table(['Question', 'Answer'], c.answers.map((a) => [a.question, a.answer])),
      '',
      `- **Before:** ${recommendation(c.before)}`,
      `- **After:** ${recommendation(c.after)}`,
      c.changes.length > 0 ? `- **What changed:** ${c.changes.join('; ')}` : '- **What changed:** nothing: the answers confirmed the recommendation',
      c.after.rules.length > 0 ? `- **Rules that fired:**\n${c.after.rules.map((r) => `  - ${r.id}: ${r.sentence}`).join('\n')}` : '',
    ].filter((l) => l !== '').join('\n')).join('\n\n'));
  }

  if (m.votes.length > 0) {
    section('Vote', m.votes.map((v) => `**${v.itemTitle}** — ${plural(v.totalDots, 'dot')} from ${plural(v.voters, 'participant')}\n\n${table(
      ['Option', 'Dots', 'Voters'], v.rows.map((r) => [r.label, r.dots, r.voters.join(', ')]),
    )}`).join('\n\n'));
  }

  if (m.notes.length > 0) section('Notes', m.notes.map((n) => `- ${n.text.replace(/\s*\n\s*/g, ' ')}${n.itemTitle ? ` _(${n.itemTitle})_` : ''}`).join('\n'));

  section(`${m.clientName}'s plan on ${formatDate(m.preparedOn)}`, m.plan.length === 0 ? '_The client has no workloads._' : table(
    ['Workload', 'Priority', 'Approach', 'Status', 'Start', 'Cut-over', 'Sunset'],
    m.plan.map((p) => [p.name, p.priorityRank, APPROACH_NAMES[p.approach], STATUS[p.status], p.start, p.end, p.sunset]),
  ));

  section('Next milestones', m.milestones.length === 0 ? '_Nothing dated ahead._' : table(['Date', 'Milestone'], m.milestones.map((x) => [x.date, x.title])));

  out.push(`_Minutes prepared with Offramp on ${formatDate(m.preparedOn)}._\n`);
  return out.join('\n');
}
