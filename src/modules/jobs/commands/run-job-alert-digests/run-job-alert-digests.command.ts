import { Command } from '@nestjs/cqrs';

export interface JobAlertRunResult {
  /** Users whose due alerts this run took. */
  users: number;
  /** Digests queued for mailing (one per user at most). */
  digests: number;
  /** Alert runs that found nothing new (no email). */
  empty: number;
  /** Alert runs left unmailed because the user's preferences say so. */
  skipped: number;
}

/** Runs every alert due at `now`: matches, records deliveries, advances watermarks. */
export class RunJobAlertDigestsCommand extends Command<JobAlertRunResult> {
  constructor(readonly now: Date = new Date()) {
    super();
  }
}
