// Workshops in and out of the workspace JSON: flattened with everything they captured; ids remapped on import.
import type { Database } from 'better-sqlite3';
import type { SnapshotWorkshop, SnapshotWorkshopInput } from '../../shared/domain/snapshotWorkshops.ts';
import { OfframpError } from '../../shared/errors.ts';
import type { Recorder } from './changes.ts';
import {
  insertAction, insertAgendaItem, insertDecision, insertNote, insertWorkshop, listWorkshopDetails, setBallot, setClassification,
} from './workshops.ts';

export function exportWorkshops(db: Database): SnapshotWorkshop[] {
  return listWorkshopDetails(db).map(({ workshop, ...captured }) => ({ ...workshop, ...captured }));
}

/** Adds each workshop with what it captured; `clientIds`/`workloadIds` map the file's ids to the new rows'. */
export function importWorkshops(db: Database, rec: Recorder, workshops: SnapshotWorkshopInput[], clientIds: Map<number, number>, workloadIds: Map<number, number>): void {
  workshops.forEach((w, i) => {
    const at = `workshops[${i}]`;
    const need = (m: Map<number, number>, old: number, what: string, field: string): number => {
      const v = m.get(old);
      if (v === undefined) throw new OfframpError({ code: 'import_invalid', field, message: `${field} refers to ${what} ${old}, which is not in the file` });
      return v;
    };
    const workload = (old: number | null, field: string) => (old === null ? null : need(workloadIds, old, 'workload', field));
    const id = insertWorkshop(rec, { ...w, clientId: need(clientIds, w.clientId, 'client', `${at}.clientId`), currentItemId: null });
    const itemIds = new Map<number, number>();
    w.agenda.forEach((item, k) => {
      const voteOptions = item.voteOptions.map((o, n) => ({ ...o, workloadId: workload(o.workloadId, `${at}.agenda[${k}].voteOptions[${n}].workloadId`) }));
      itemIds.set(item.id, insertAgendaItem(rec, id, k, { ...item, voteOptions, workloadId: workload(item.workloadId, `${at}.agenda[${k}].workloadId`) }));
    });
    const item = (old: number | null, field: string) => (old === null ? null : need(itemIds, old, 'agenda item', field));
    if (w.currentItemId !== null) rec.update('workshops', { id }, { current_item_id: item(w.currentItemId, `${at}.currentItemId`) });
    w.notes.forEach((n, k) => insertNote(db, rec, { ...n, workshopId: id, itemId: item(n.itemId, `${at}.notes[${k}].itemId`) }));
    w.decisions.forEach((d, k) => insertDecision(db, rec, {
      ...d, workshopId: id, itemId: item(d.itemId, `${at}.decisions[${k}].itemId`), workloadId: workload(d.workloadId, `${at}.decisions[${k}].workloadId`),
    }));
    w.actions.forEach((a, k) => insertAction(db, rec, { ...a, workshopId: id, itemId: item(a.itemId, `${at}.actions[${k}].itemId`) }));
    // Votes name workload options by key ('w:<id>'): the key follows the workload's new id.
    const optionKey = (key: string, field: string) => (key.startsWith('w:') ? `w:${need(workloadIds, Number(key.slice(2)), 'workload', field)}` : key);
    const ballots = new Map<string, Record<string, number>>();
    w.votes.forEach((v, k) => {
      const ballotKey = `${item(v.itemId, `${at}.votes[${k}].itemId`)}\u0000${v.participant}`;
      const ballot = ballots.get(ballotKey) ?? {};
      ballot[optionKey(v.optionKey, `${at}.votes[${k}].optionKey`)] = v.dots;
      ballots.set(ballotKey, ballot);
    });
    for (const [key, dots] of ballots) {
      const [itemId, participant] = key.split('\u0000');
      setBallot(rec, Number(itemId), participant, dots);
    }
    w.classifications.forEach((c, k) => setClassification(rec, {
      ...c, itemId: item(c.itemId, `${at}.classifications[${k}].itemId`) as number, workloadId: workload(c.workloadId, `${at}.classifications[${k}].workloadId`) as number,
    }));
  });
}
