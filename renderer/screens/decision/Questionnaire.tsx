// The classification questionnaire: one plain-language question per row, large radio choices that arrow keys move between.
import { useId } from 'react';
import { QUESTIONS, type Question, type QuestionId, type QuestionnaireAnswers } from '../../../shared/decision/questionnaire.ts';

type Answer = QuestionnaireAnswers[QuestionId];

const YES_NO = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];

/** Questions that only make sense after another answer. */
function isRelevant(q: Question, answers: QuestionnaireAnswers): boolean {
  if (q.id === 'knowledgeChange') return answers.knowledge === 'partly' || answers.knowledge === 'central';
  return true;
}

export function Questionnaire({ answers, onChange }: { answers: QuestionnaireAnswers; onChange(id: QuestionId, value: Answer): void }) {
  return (
    <ol className="questionnaire">
      {QUESTIONS.filter((q) => isRelevant(q, answers)).map((q, i) => (
        <li key={q.id} className="question">
          <QuestionControl number={i + 1} question={q} value={answers[q.id]} onChange={(v) => onChange(q.id, v)} />
        </li>
      ))}
    </ol>
  );
}

function QuestionControl({ number, question: q, value, onChange }: { number: number; question: Question; value: Answer; onChange(v: Answer): void }) {
  const id = useId();
  if (q.kind === 'number') {
    return (
      <div className="question__body">
        <label htmlFor={id} className="question__text"><span className="question__number">{number}</span>{q.text}</label>
        <p id={`${id}-help`} className="question__help">{q.help}</p>
        <input
          id={id}
          className="input question__input"
          inputMode="numeric"
          value={value === undefined || value === null ? '' : String(value)}
          aria-describedby={`${id}-help`}
          onChange={(e) => onChange(e.target.value.trim() === '' ? null : e.target.value.replace(/[^\d]/g, ''))}
        />
      </div>
    );
  }
  const options = q.kind === 'yesno' ? YES_NO : q.options;
  const current = q.kind === 'yesno' ? (value === true ? 'yes' : value === false ? 'no' : undefined) : (typeof value === 'string' ? value : undefined);
  // A saved value outside the offered choices (e.g. residency "CH" typed in the form) stays visible and selected.
  const shown = current !== undefined && !options.some((o) => o.value === current) ? [...options, { value: current, label: current }] : options;
  return (
    <fieldset className="question__body" aria-describedby={`${id}-help`}>
      <legend className="question__text"><span className="question__number">{number}</span>{q.text}</legend>
      <p id={`${id}-help`} className="question__help">{q.help}</p>
      <div className="choices">
        {shown.map((o) => (
          <label key={o.value} className={`choice${current === o.value ? ' is-selected' : ''}`}>
            <input
              type="radio"
              name={id}
              value={o.value}
              checked={current === o.value}
              onChange={() => onChange(q.kind === 'yesno' ? o.value === 'yes' : o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
