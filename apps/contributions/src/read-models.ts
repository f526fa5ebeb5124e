// The contributions read models and the tables each alone writes, for `npm run audit -- replay contributions`.
import { EventStore } from '@santunan/platform';
import { CoverageViewProjection } from './coverage-view/coverage-view.projection';
import { ProgramReportProjection } from './program-report/program-report.projection';

export function contributionsReadModels() {
  // The coverage view reads account streams back from the store; routing is unused on reads.
  const store = new EventStore({ topicFor: () => null });
  return {
    readModels: [
      { projection: new CoverageViewProjection(store), tables: ['coverage_view'] },
      {
        projection: new ProgramReportProjection(),
        tables: ['program_report', 'sponsor_statements', 'sponsor_payments'],
      },
    ],
  };
}
