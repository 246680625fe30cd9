// Workshop mode's domain: a facilitated session for one client — agenda with timers, participants,
// captured answers, dot votes, notes, decisions and actions — and the minutes that carry them out of the room.
import type { Approach, IsoDate } from '../domain/types.ts';

export const AGENDA_KINDS = ['intro', 'classify', 'evidence', 'vote', 'plan', 'decisions', 'break', 'free'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/** What the presenter can do to the session (workshops.session). */
export const SESSION_ACTIONS = ['start', 'next', 'previous', 'goto', 'timerStart', 'timerPause', 'finish', 'reopen'] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];

export const WORKSHOP_STATUSES = ['planned', 'running', 'finished'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

export interface Participant {
  name: string;
  role: string;
  organisation: string;
}

/** One option of a dot vote: a workload of the client, or a free option typed in the room. */
export interface VoteOption {
  /** 'w:<workloadId>' for a workload, 'f:<n>' for a free option. */
  key: string;
  label: string;
  workloadId: number | null;
}

export interface AgendaItem {
  id: number;
  workshopId: number;
  /** 0-based order within the agenda. */
  position: number;
  kind: AgendaKind;
  title: string;
  plannedMinutes: number;
  /** The workload a classify/evidence item is about (optional for other kinds). */
  workloadId: number | null;
  /** Vote items: the options (empty means "the client's workloads"). */
  voteOptions: VoteOption[];
  /** Timer: when the item was first started and when it was ended (ISO date-times), null until then. */
  startedAt: string | null;
  endedAt: string | null;
  /** Seconds the timer has run before `runningSince` (accumulated over pauses). */
  elapsedSeconds: number;
  /** ISO date-time the timer was last started; null while paused or stopped. */
  runningSince: string | null;
}

export interface WorkshopNote {
  id: number;
  workshopId: number;
  itemId: number | null;
  text: string;
  at: string;
}

export interface WorkshopDecision {
  id: number;
  workshopId: number;
  itemId: number | null;
  text: string;
  workloadId: number | null;
  approach: Approach | null;
  at: string;
}

export interface WorkshopAction {
  id: number;
  workshopId: number;
  itemId: number | null;
  text: string;
  owner: string;
  dueDate: IsoDate;
  at: string;
}

/** Dots one participant gave one option in one vote item. */
export interface VoteEntry {
  itemId: number;
  participant: string;
  optionKey: string;
  dots: number;
}

/** What a classify item captured when the room pressed "Accept": the answers and the recommendation before and after. */
export interface ClassificationRecord {
  itemId: number;
  workloadId: number;
  answers: Record<string, string | number | boolean | null>;
  /** Recommendation summaries: approach per job, architecture, fired rule ids. */
  before: RecommendationSummary;
  after: RecommendationSummary;
  at: string;
}

export interface RecommendationSummary {
  architecture: Approach;
  components: { job: string; approach: Approach }[];
  rules: { id: string; sentence: string }[];
  planEnd: IsoDate | null;
  status: string | null;
}

export interface Workshop {
  id: number;
  clientId: number;
  title: string;
  date: IsoDate;
  /** 'HH:mm', local time. */
  startTime: string;
  /** Planned length of the session in minutes; the agenda may not be longer than the day (see MAX_DAY_MINUTES). */
  plannedMinutes: number;
  location: string;
  participants: Participant[];
  /** Dots each participant gets in a vote (default 3). */
  dotsPerParticipant: number;
  status: WorkshopStatus;
  /** The agenda item the presenter shows; null before the workshop starts. */
  currentItemId: number | null;
  /** Next review date, exported with the actions as iCalendar. */
  nextReviewDate: IsoDate | null;
  createdAt: string;
  updatedAt: string;
}

/** Everything the presenter, the audience view and the minutes need about one workshop. */
export interface WorkshopDetail {
  workshop: Workshop;
  agenda: AgendaItem[];
  notes: WorkshopNote[];
  decisions: WorkshopDecision[];
  actions: WorkshopAction[];
  votes: VoteEntry[];
  classifications: ClassificationRecord[];
}

/** A row of the Workshops list. */
export interface WorkshopSummary {
  workshop: Workshop;
  clientName: string;
  agendaMinutes: number;
  items: number;
  decisions: number;
  actions: number;
}

/** Longest agenda allowed: a working day. */
export const MAX_DAY_MINUTES = 8 * 60;
export const DEFAULT_DOTS = 3;
export const TEMPLATE_MINUTES = 90;
export const TEMPLATE_MAX_CLASSIFY = 8;
