import { Command } from '@nestjs/cqrs';
import type { IngestCounts } from '../../services/ingest-postings';

/** Fetch one source and store its postings (the worker's ingestion job). */
export class RunIngestionCommand extends Command<{ ran: boolean; counts?: IngestCounts }> {
  constructor(readonly source: string) {
    super();
  }
}
