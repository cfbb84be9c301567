/** Every stored search and job answer carries this tag; ingestion that changes data drops them all. */
export const JOBS_CACHE_TAG = 'jobs';
