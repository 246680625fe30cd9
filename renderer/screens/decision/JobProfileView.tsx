// The job profile: a bar per job with its weight, where the weight came from, and the evidence sentences.
import { JOBS, type JobProfile } from '../../../shared/domain/types.ts';
import { THRESHOLDS } from '../../../shared/decision/thresholds.ts';
import { jobHint, jobLabel, sourceLabel } from '../../labels.ts';

export function JobProfileView({ profile, preview }: { profile: Pick<JobProfile, 'weights' | 'sources' | 'evidence' | 'confirmed'> | null; preview: boolean }) {
  if (!profile) {
    return <p className="muted">No job profile yet. Answer the questions to classify what the fine-tuned model does.</p>;
  }
  return (
    <div className="job-profile">
      <ul className="job-bars" aria-label="Job weights">
        {JOBS.map((job) => {
          const weight = profile.weights[job];
          const counts = weight >= THRESHOLDS.componentWeight;
          return (
            <li key={job} className={`job-bar${counts ? '' : ' job-bar--below'}`}>
              <span className="job-bar__name" title={jobHint[job]}>{jobLabel[job]}</span>
              <span className="job-bar__track" role="meter" aria-label={`${jobLabel[job]} weight`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={weight}>
                <span className="job-bar__fill" style={{ width: `${weight}%` }} />
                <span className="job-bar__threshold" style={{ left: `${THRESHOLDS.componentWeight}%` }} aria-hidden="true" />
              </span>
              <span className="job-bar__weight">{weight}</span>
              <span className="job-bar__source">{sourceLabel[profile.sources[job]]}</span>
            </li>
          );
        })}
      </ul>
      <p className="job-profile__note">
        A job with weight {THRESHOLDS.componentWeight} or more (the tick) gets its own component.
        {preview ? ' Preview of your answers: not saved yet.' : profile.confirmed ? ' Confirmed profile.' : ' Unconfirmed: a guess until someone confirms it.'}
      </p>
      {profile.evidence.length > 0 ? (
        <details className="evidence">
          <summary>Evidence ({profile.evidence.length})</summary>
          <ul>{profile.evidence.map((e, i) => <li key={i}>{e}</li>)}</ul>
        </details>
      ) : null}
    </div>
  );
}
