// The minutes' flowing content as blocks (measured, then packed whole onto sheets like the roadmap's), in the order a
// reader of the minutes wants: who met, what was decided and who does what by when, then how the session ran.
import type { ReactNode } from 'react';
import type { MinutesModel, MinutesVote } from '../../../shared/workshop/minutes.ts';
import type { RecommendationSummary } from '../../../shared/workshop/types.ts';
import { approachLabel, jobLabel, planStatusLabel, plural } from '../../labels.ts';
import type { FlowTable } from '../blocks.tsx';
import { StatusMark } from '../blocks.tsx';
import { longDate } from '../words.ts';
import type { Job, PlanStatus } from '../../../shared/domain/types.ts';

export type MinutesFlow = 'before' | 'after';

export interface MinutesBlock {
  key: string;
  node?: ReactNode;
  table?: FlowTable;
  keepWithNext?: boolean;
}

type Head = readonly [label: string, width?: number | string, align?: 'num'];
function head(cells: readonly Head[]): ReactNode {
  return <tr>{cells.map(([label, width, align]) => <th key={label} className={align === 'num' ? 'rm-num' : undefined} style={width === undefined ? undefined : { width }}>{label}</th>)}</tr>;
}

function Title({ n, children }: { n: string; children: ReactNode }) {
  return <div className="rm-section-title mn-section"><h2><span className="rm-section-title__n">{n}</span>{children}</h2></div>;
}

const empty = (text: string): MinutesBlock['node'] => <p className="rm-muted mn-empty">{text}</p>;

function recommendationLine(s: RecommendationSummary): ReactNode {
  return (
    <>
      <strong>{approachLabel[s.architecture]}</strong>
      {s.components.length > 0 ? <span className="rm-muted"> — {s.components.map((c) => `${jobLabel[c.job as Job] ?? c.job}: ${approachLabel[c.approach]}`).join(', ')}</span> : null}
      {s.planEnd ? <span> · plan ends {longDate(s.planEnd)}{s.status ? ` (${planStatusLabel[s.status as PlanStatus] ?? s.status})` : ''}</span> : null}
    </>
  );
}

function VoteChart({ vote }: { vote: MinutesVote }) {
  const max = Math.max(1, ...vote.rows.map((r) => r.dots));
  return (
    <div className="mn-vote">
      <div className="rm-subhead">{vote.itemTitle} · {plural(vote.totalDots, 'dot')} from {plural(vote.voters, 'participant')}</div>
      <table className="rm-table mn-vote__table">
        <thead>{head([['Option', 260], ['Dots', 50, 'num'], ['', '40%'], ['Voters']])}</thead>
        <tbody>
          {vote.rows.map((r, i) => (
            <tr key={r.key}>
              <td><span className="mn-rank">{r.dots > 0 ? i + 1 : '–'}</span>{r.label}</td>
              <td className="rm-num"><strong>{r.dots}</strong></td>
              <td>{r.dots > 0 ? <span className="mn-bar" style={{ width: `${(r.dots / max) * 100}%` }} aria-hidden="true" /> : null}</td>
              <td className="rm-muted">{r.voters.join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function minutesBlocks(m: MinutesModel): Record<MinutesFlow, MinutesBlock[]> {
  const before: MinutesBlock[] = [];
  const after: MinutesBlock[] = [];
  const daysLeft = m.daysToDeadline >= 0 ? String(m.daysToDeadline) : 'Passed';

  before.push({
    key: 'head',
    node: (
      <div className="mn-head">
        <div className="rm-cover__brand">Offramp · Workshop minutes</div>
        <h1 className="mn-title">{m.title}</h1>
        <p className="mn-subtitle">
          {m.clientName} · {longDate(m.date)}, {m.startTime}–{m.plannedEnd}{m.location ? ` · ${m.location}` : ''}
          {m.status !== 'finished' ? <span className="rm-tag">{m.status === 'running' ? 'In progress' : 'Planned'}</span> : null}
        </p>
        <div className="rm-figures mn-figures">
          <div className="rm-figure"><div className="rm-figure__value">{m.decisions.length}</div><div className="rm-figure__label">{m.decisions.length === 1 ? 'decision' : 'decisions'}</div></div>
          <div className="rm-figure"><div className="rm-figure__value">{m.actions.length}</div><div className="rm-figure__label">{m.actions.length === 1 ? 'action' : 'actions'} with owners and due dates</div></div>
          <div className="rm-figure"><div className="rm-figure__value">{daysLeft}</div><div className="rm-figure__label">days to the training deadline, {longDate(m.trainingDeadline)}</div></div>
          <div className="rm-figure"><div className="rm-figure__value mn-figure__date">{m.sunset ? longDate(m.sunset.date) : '—'}</div><div className="rm-figure__label">internal sunset{m.sunset ? `, set by ${m.sunset.workloadName}` : ''}</div></div>
          <div className="rm-figure"><div className="rm-figure__value mn-figure__date">{m.nextReviewDate ? longDate(m.nextReviewDate) : '—'}</div><div className="rm-figure__label">next review</div></div>
        </div>
      </div>
    ),
  });
  before.push(m.participants.length === 0 ? { key: 'participants', node: empty('No participants were recorded.') } : {
    key: 'participants',
    table: {
      caption: `Participants (${m.participants.length})`,
      head: head([['Name', '30%'], ['Role', '35%'], ['Organisation']]),
      rows: m.participants.map((p, i) => <tr key={i}><td><strong>{p.name}</strong></td><td>{p.role || '—'}</td><td>{p.organisation || '—'}</td></tr>),
    },
  });

  before.push({ key: 'decisions-title', keepWithNext: true, node: <Title n="1">Decisions</Title> });
  before.push(m.decisions.length === 0 ? { key: 'decisions', node: empty('No decisions were recorded.') } : {
    key: 'decisions',
    table: {
      caption: 'Decided in the room', className: 'mn-decisions',
      head: head([['#', 28], ['Decision'], ['Workload', '20%'], ['Approach', '16%'], ['During', '18%']]),
      rows: m.decisions.map((d, i) => (
        <tr key={i}><td>{i + 1}</td><td><strong>{d.text}</strong></td><td>{d.workloadName ?? '—'}</td><td>{d.approach ? approachLabel[d.approach] : '—'}</td><td className="rm-muted">{d.itemTitle ?? '—'}</td></tr>
      )),
    },
  });

  before.push({ key: 'actions-title', keepWithNext: true, node: <Title n="2">Actions</Title> });
  before.push(m.actions.length === 0 ? { key: 'actions', node: empty('No actions were recorded.') } : {
    key: 'actions',
    table: {
      caption: 'Who does what, by when', className: 'mn-actions',
      head: head([['Action'], ['Owner', '20%'], ['Due', '12%'], ['During', '18%']]),
      rows: m.actions.map((a, i) => (
        <tr key={i}><td>{a.text}</td><td><strong>{a.owner}</strong></td><td className="mn-nowrap">{longDate(a.dueDate)}</td><td className="rm-muted">{a.itemTitle ?? '—'}</td></tr>
      )),
    },
  });

  const ran = m.actualMinutes === null ? 'not run yet' : `${m.actualMinutes} as run`;
  before.push({ key: 'agenda-title', keepWithNext: true, node: <><Title n="3">Agenda</Title><p className="rm-lead">{m.plannedMinutes} minutes planned, {ran}.</p></> });
  before.push({
    key: 'agenda',
    table: {
      caption: 'Planned and actual times', className: 'mn-agenda',
      head: head([['#', 28], ['Item'], ['Planned', 70], ['Min', 44, 'num'], ['Actual', 100], ['Ran', 44, 'num'], ['Over', 50, 'num']]),
      rows: m.agenda.map((r) => {
        const over = r.actualMinutes === null ? null : r.actualMinutes - r.plannedMinutes;
        return (
          <tr key={r.position}>
            <td>{r.position}</td>
            <td>{r.title}{r.workloadName && !r.title.includes(r.workloadName) ? <span className="rm-muted"> · {r.workloadName}</span> : null}</td>
            <td>{r.plannedStart}</td>
            <td className="rm-num">{r.plannedMinutes}</td>
            <td>{r.actualStart ? `${r.actualStart}–${r.actualEnd ?? '…'}` : <span className="rm-muted">not run</span>}</td>
            <td className="rm-num">{r.actualMinutes ?? '—'}</td>
            <td className="rm-num">{over === null ? '—' : over > 0 ? <strong>+{over}</strong> : over}</td>
          </tr>
        );
      }),
    },
  });

  if (m.classifications.length > 0) {
    before.push({ key: 'classified-title', keepWithNext: true, node: <Title n="4">Classified workloads</Title> });
    m.classifications.forEach((c, i) => {
      before.push({
        key: `classified-${i}-head`, keepWithNext: true,
        node: (
          <div className="rm-wl-head mn-class">
            <h3>{c.workloadName}</h3>
            <dl className="mn-beforeafter">
              <div><dt>Before</dt><dd>{recommendationLine(c.before)}</dd></div>
              <div><dt>After</dt><dd>{recommendationLine(c.after)}</dd></div>
              <div><dt>What changed</dt><dd>{c.changes.length > 0 ? c.changes.join('; ') : 'Nothing: the answers confirmed the recommendation.'}</dd></div>
            </dl>
          </div>
        ),
      });
      before.push({
        key: `classified-${i}-answers`,
        table: {
          caption: `Answers given for ${c.workloadName}`, className: 'rm-table--dense',
          head: head([['Question'], ['Answer', '28%']]),
          rows: c.answers.map((a, k) => <tr key={k}><td>{a.question}</td><td><strong>{a.answer}</strong></td></tr>),
        },
      });
      if (c.after.rules.length > 0) {
        before.push({
          key: `classified-${i}-rules`,
          node: (
            <div>
              <div className="rm-subhead">Rules that fired</div>
              <ul className="rm-trace__list">{c.after.rules.map((r, k) => <li key={k}><span className="rm-rule">{r.id}</span>{r.sentence}</li>)}</ul>
            </div>
          ),
        });
      }
    });
  }

  if (m.votes.length > 0) {
    before.push({ key: 'vote-title', keepWithNext: true, node: <Title n="5">Priority vote</Title> });
    m.votes.forEach((v, i) => before.push({ key: `vote-${i}`, node: <VoteChart vote={v} /> }));
  }

  if (m.notes.length > 0) {
    before.push({ key: 'notes-title', keepWithNext: true, node: <Title n="6">Notes</Title> });
    before.push({
      key: 'notes',
      table: {
        caption: 'Noted in the room', className: 'rm-table--dense',
        head: head([['Note'], ['During', '22%']]),
        rows: m.notes.map((n, i) => <tr key={i}><td className="mn-note">{n.text}</td><td className="rm-muted">{n.itemTitle ?? '—'}</td></tr>),
      },
    });
  }

  after.push(m.plan.length === 0 ? { key: 'plan', node: empty('The client has no workloads.') } : {
    key: 'plan',
    table: {
      caption: `${m.clientName}'s plan on ${longDate(m.preparedOn)}`,
      head: head([['Priority', 56, 'num'], ['Workload'], ['Approach', '16%'], ['Status', 100], ['Start', 80], ['Cut-over', 80], ['Sunset', 80], ['Slack', 60, 'num']]),
      rows: m.plan.map((p) => (
        <tr key={p.workloadId}>
          <td className="rm-num">{p.priorityRank ?? '—'}</td><td><strong>{p.name}</strong></td><td>{approachLabel[p.approach]}</td>
          <td><StatusMark status={p.status} /></td><td>{p.start}</td><td>{p.end}</td><td>{p.sunset}</td>
          <td className="rm-num">{p.slackDays} wd</td>
        </tr>
      )),
    },
  });
  after.push({ key: 'milestones-title', keepWithNext: true, node: <Title n="8">Next milestones</Title> });
  after.push(m.milestones.length === 0 ? { key: 'milestones', node: empty('Nothing dated ahead.') } : {
    key: 'milestones',
    table: {
      caption: `From ${longDate(m.preparedOn)}`,
      head: head([['Date', 110], ['Milestone']]),
      rows: m.milestones.map((x, i) => <tr key={i}><td className="mn-nowrap"><strong>{longDate(x.date)}</strong></td><td>{x.title}</td></tr>),
    },
  });
  return { before, after };
}
