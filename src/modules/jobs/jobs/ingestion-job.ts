export const INGEST_JOB_SOURCE = 'ingest-job-source';

/** Payload of a `scheduled` queue `ingest-job-source` job (job id = `ingest:<source>:<slot or run id>`). */
export interface IngestJobSourceJob {
  source: string;
}
