// A workshop's details: client, title, date, start time, length, place, dots per participant, next review and participants.
import { useState } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { DateField, FormActions, NumberField, SelectField, TextField } from '../../components/fields.tsx';
import { numberText, parseNumber, useFormSubmit, validate, type FieldErrors } from '../../forms.ts';
import { useInventory } from '../../stores/inventory.ts';
import { useWorkshop } from '../../stores/workshop.ts';
import { notifyInfo } from '../../stores/ui.ts';
import { workshopInput } from '../../../shared/ipc/workshop.ts';
import { DEFAULT_DOTS, TEMPLATE_MINUTES, type Participant, type Workshop } from '../../../shared/workshop/types.ts';

export function WorkshopDialog({ workshop, today, onClose, onSaved }: {
  /** null: a new workshop. */
  workshop: Workshop | null; today: string; onClose(): void; onSaved?(w: Workshop): void;
}) {
  const clients = useInventory((s) => s.clients);
  const clientFilter = useInventory((s) => s.clientFilter);
  const mutate = useWorkshop((s) => s.mutate);
  const [clientId, setClientId] = useState(String(workshop?.clientId ?? clientFilter ?? clients[0]?.id ?? ''));
  const [title, setTitle] = useState(workshop?.title ?? '');
  const [date, setDate] = useState(workshop?.date ?? today);
  const [startTime, setStartTime] = useState(workshop?.startTime ?? '09:30');
  const [minutes, setMinutes] = useState(numberText(workshop?.plannedMinutes ?? TEMPLATE_MINUTES));
  const [location, setLocation] = useState(workshop?.location ?? '');
  const [dots, setDots] = useState(numberText(workshop?.dotsPerParticipant ?? DEFAULT_DOTS));
  const [review, setReview] = useState(workshop?.nextReviewDate ?? '');
  const [participants, setParticipants] = useState<Participant[]>(workshop?.participants ?? []);
  const { errors, busy, submit } = useFormSubmit();

  const setParticipant = (i: number, patch: Partial<Participant>) => setParticipants((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const local: FieldErrors = {};
    const value = {
      clientId: Number(clientId), title, date, startTime, location,
      plannedMinutes: parseNumber(minutes, 'plannedMinutes', local) ?? undefined,
      dotsPerParticipant: parseNumber(dots, 'dotsPerParticipant', local) ?? undefined,
      nextReviewDate: review === '' ? null : review,
      // An empty last row is a row the user added and did not fill: not a participant.
      participants: participants.filter((p) => p.name.trim() || p.role.trim() || p.organisation.trim()),
    };
    const data = validate(workshopInput, value, local);
    const saved = await submit(e.currentTarget, local, data, (d) => (workshop
      ? mutate('workshops.update', { id: workshop.id, ...d })
      : mutate('workshops.create', d)));
    if (!saved) return;
    notifyInfo(workshop ? `Saved ${saved.value.title}.` : `Created ${saved.value.title}: now plan its agenda.`);
    onSaved?.(saved.value);
    onClose();
  }

  return (
    <Dialog open wide title={workshop ? `Edit ${workshop.title}` : 'New workshop'} onClose={onClose}>
      <form className="form" onSubmit={(e) => void save(e)} noValidate>
        <div className="form-grid">
          {workshop ? null : (
            <SelectField label="Client" value={clientId} onChange={setClientId} error={errors.clientId}
              options={clients.map((c) => ({ value: String(c.id), label: c.name }))} />
          )}
          <TextField label="Title" value={title} onChange={setTitle} error={errors.title} placeholder="Migration triage" />
        </div>
        <div className="form-grid form-grid--3">
          <DateField label="Date" value={date} onChange={setDate} error={errors.date} />
          <TextField label="Start time" value={startTime} onChange={setStartTime} error={errors.startTime} hint="HH:mm, local time" />
          <NumberField label="Planned length" integer value={minutes} onChange={setMinutes} error={errors.plannedMinutes} suffix="minutes" />
          <TextField label="Location" value={location} onChange={setLocation} error={errors.location} placeholder="Room, building or video link" />
          <NumberField label="Dots per participant" integer value={dots} onChange={setDots} error={errors.dotsPerParticipant} hint="For dot voting" />
          <DateField label="Next review" value={review} onChange={setReview} error={errors.nextReviewDate} />
        </div>
        <fieldset className="form-section">
          <legend className="form-section__title">Participants</legend>
          {participants.length === 0 ? <p className="muted">No participants yet. Add the people in the room; they vote and own actions.</p> : (
            <table className="data-table data-table--form participants-table">
              <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Organisation</th><th scope="col"><span className="visually-hidden">Remove</span></th></tr></thead>
              <tbody>
                {participants.map((p, i) => (
                  <tr key={i}>
                    {(['name', 'role', 'organisation'] as const).map((f) => (
                      <td key={f}>
                        <div className="row-input">
                          <input className="input" aria-label={`Participant ${i + 1} ${f}`} value={p[f]}
                            aria-invalid={errors[`participants.${i}.${f}`] ? true : undefined}
                            aria-describedby={errors[`participants.${i}.${f}`] ? `participant-${i}-${f}-error` : undefined}
                            onChange={(e) => setParticipant(i, { [f]: e.target.value })} />
                          {errors[`participants.${i}.${f}`] ? <p id={`participant-${i}-${f}-error`} className="field__error"><span aria-hidden="true">⚠ </span>{errors[`participants.${i}.${f}`]}</p> : null}
                        </div>
                      </td>
                    ))}
                    <td className="cell-actions">
                      <button type="button" className="button button--small button--danger-ghost" onClick={() => setParticipants((ps) => ps.filter((_, j) => j !== i))}>
                        Remove<span className="visually-hidden"> participant {i + 1}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <button type="button" className="button button--small participants-add" onClick={() => setParticipants((ps) => [...ps, { name: '', role: '', organisation: '' }])}>
            Add participant
          </button>
          {errors.participants ? <p className="field__error">{errors.participants}</p> : null}
        </fieldset>
        <FormActions error={errors._form ?? errors.clientId} busy={busy} submitLabel={workshop ? 'Save workshop' : 'Create workshop'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
