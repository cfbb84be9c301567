import { defineProblems } from '@lib/problems';

/** Problems of GDPR data exports. */
export const dataExportProblems = defineProblems({
  'data_export.not_found': {
    status: 404,
    description: 'No data export with this id for this account.',
  },
  'data_export.queue_unavailable': {
    status: 503,
    description: 'The export could not be queued; try again.',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    dataExport: typeof dataExportProblems;
  }
}
