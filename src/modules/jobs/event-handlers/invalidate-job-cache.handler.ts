import { Injectable } from '@nestjs/common';
import { ResponseCache } from '@lib/cache';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { JobSourceIngested } from '../events/jobs.events';
import { JOBS_CACHE_TAG } from '../jobs-cache';

/**
 * A run that added, merged, updated or expired postings can change any search
 * page (ranks, counts, facets), so every stored job answer goes.
 */
@Injectable()
@HandlesEvent(JobSourceIngested)
export class InvalidateJobCacheHandler implements DomainEventHandler<JobSourceIngested> {
  constructor(private readonly cache: ResponseCache) {}

  async handle(): Promise<void> {
    await this.cache.invalidate(JOBS_CACHE_TAG);
  }
}
