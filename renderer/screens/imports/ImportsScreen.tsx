// Imports: files in, a preview of what will change, then one write. Four cards, one per kind of file.
import { PageHeader } from '../../components/PageHeader.tsx';
import { JobsImportCard } from './JobsImportCard.tsx';
import { TrainingImportCard } from './TrainingImportCard.tsx';
import { EvaluationImportCard } from './EvaluationImportCard.tsx';
import { SpreadsheetCard } from './SpreadsheetCard.tsx';
import './imports.css';

export function ImportsScreen() {
  return (
    <div className="page page--narrow">
      <PageHeader
        title="Imports"
        description="Bring in the files a team already has. Every import shows what it will create or change first, then writes everything at once or nothing."
      />
      <JobsImportCard />
      <TrainingImportCard />
      <EvaluationImportCard />
      <SpreadsheetCard />
    </div>
  );
}
