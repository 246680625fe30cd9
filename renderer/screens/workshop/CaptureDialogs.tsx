// Capturing in the room: a note, a decision (optional workload and approach) or an action (owner, due date), saved on Enter.
import { useState } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { DateField, FormActions, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { useFormSubmit, validate, type FieldErrors } from '../../forms.ts';
import { useWorkshop } from '../../stores/workshop.ts';
import { notifyInfo } from '../../stores/ui.ts';
import { channels } from '../../../shared/ipc/index.ts';
import { APPROACHES, type Approach, type Workload } from '../../../shared/domain/types.ts';
import { approachLabel } from '../../labels.ts';

export type CaptureKind = 'note' | 'decision' | 'action';

interface Props {
  kind: CaptureKind;
  workshopId: number;
  itemId: number | null;
  workloads: Workload[];
  /** The item's workload, preselected for a decision. */
  workloadId: number | null;
  participants: string[];
  defaultDue: string;
  onClose(): void;
}

const TITLES: Record<CaptureKind, string> = { note: 'Add a note', decision: 'Record a decision', action: 'Add an action' };

export function CaptureDialog(props: Props) {
  const { kind, workshopId, itemId, onClose } = props;
  const mutate = useWorkshop((s) => s.mutate);
  const [text, setText] = useState('');
  const [workloadId, setWorkloadId] = useState(props.workloadId === null ? '' : String(props.workloadId));
  const [approach, setApproach] = useState<Approach | ''>('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState(props.defaultDue);
  const { errors, busy, submit } = useFormSubmit();

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const local: FieldErrors = {};
    const form = e.currentTarget;
    let saved: { value: unknown } | null;
    if (kind === 'note') {
      const data = validate(channels['workshops.addNote'].payload, { workshopId, itemId, text }, local);
      saved = await submit(form, local, data, (d) => mutate('workshops.addNote', d));
    } else if (kind === 'decision') {
      const data = validate(channels['workshops.addDecision'].payload, {
        workshopId, itemId, text, workloadId: workloadId ? Number(workloadId) : null, approach: approach || null,
      }, local);
      saved = await submit(form, local, data, (d) => mutate('workshops.addDecision', d));
    } else {
      const data = validate(channels['workshops.addAction'].payload, { workshopId, itemId, text, owner, dueDate: due }, local);
      saved = await submit(form, local, data, (d) => mutate('workshops.addAction', d));
    }
    if (!saved) return;
    notifyInfo(kind === 'note' ? 'Note saved.' : kind === 'decision' ? 'Decision recorded.' : `Action saved for ${owner.trim()}.`);
    onClose();
  }

  const label = kind === 'note' ? 'Note' : kind === 'decision' ? 'Decision' : 'Action';
  return (
    <Dialog open title={TITLES[kind]} onClose={onClose}>
      <form className="form capture-form" onSubmit={(e) => void save(e)} noValidate
        onKeyDown={(e) => {
          // Enter saves from the note's text area too; Shift+Enter starts a new line.
          if (e.key === 'Enter' && !e.shiftKey && (e.target as HTMLElement).tagName === 'TEXTAREA') {
            e.preventDefault();
            e.currentTarget.requestSubmit();
          }
        }}>
        {kind === 'note'
          ? <TextAreaField label={label} value={text} onChange={setText} error={errors.text} rows={4} hint="Enter saves; Shift+Enter starts a new line." />
          : <TextField label={label} value={text} onChange={setText} error={errors.text} />}
        {kind === 'decision' ? (
          <div className="form-grid">
            <SelectField label="Workload (optional)" value={workloadId} onChange={setWorkloadId} error={errors.workloadId}
              options={[{ value: '', label: 'None' }, ...props.workloads.map((w) => ({ value: String(w.id), label: w.name }))]} />
            <SelectField<Approach | ''> label="Approach (optional)" value={approach} onChange={setApproach} error={errors.approach}
              options={[{ value: '', label: 'None' }, ...APPROACHES.map((a) => ({ value: a, label: approachLabel[a] }))]} />
          </div>
        ) : null}
        {kind === 'action' ? (
          <div className="form-grid">
            <TextField label="Owner" value={owner} onChange={setOwner} error={errors.owner} list="capture-participants" />
            <DateField label="Due date" value={due} onChange={setDue} error={errors.dueDate} />
            <datalist id="capture-participants">{props.participants.map((p) => <option key={p} value={p} />)}</datalist>
          </div>
        ) : null}
        <FormActions error={errors._form} busy={busy} submitLabel={kind === 'note' ? 'Save note' : kind === 'decision' ? 'Record decision' : 'Save action'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
