import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Per-source ingestion health, updated after every run. */
@Entity({ tableName: 'job_source_health' })
export class JobSourceHealth {
  @PrimaryKey({ type: 'text' })
  source!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastRunAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastSuccessAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastFailureAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  /** The source's Retry-After: no run starts before this time. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  pausedUntil?: Date | null;

  @Property({ type: 'integer' })
  runs: number = 0;

  @Property({ type: 'integer' })
  failures: number = 0;

  /** Outcomes of the last 20 attempts, newest last (true = success): the error rate's window. */
  @Property({ type: 'json' })
  recent: boolean[] = [];

  @Property({ type: 'integer' })
  postingsAdded: number = 0;

  @Property({ type: 'integer' })
  lastRunAdded: number = 0;

  @Property({ type: 'integer' })
  lastRunMerged: number = 0;

  @Property({ type: 'integer' })
  lastRunUpdated: number = 0;

  @Property({ type: 'integer' })
  lastRunSkipped: number = 0;

  @Property({ type: 'integer' })
  lastRunExpired: number = 0;

  recordSuccess(
    at: Date,
    counts: { added: number; merged: number; updated: number; skipped: number; expired: number },
  ): void {
    this.runs += 1;
    this.lastRunAt = at;
    this.lastSuccessAt = at;
    this.pausedUntil = null;
    this.recent = [...this.recent, true].slice(-20);
    this.postingsAdded += counts.added;
    this.lastRunAdded = counts.added;
    this.lastRunMerged = counts.merged;
    this.lastRunUpdated = counts.updated;
    this.lastRunSkipped = counts.skipped;
    this.lastRunExpired = counts.expired;
  }

  /** A failure; a Retry-After (seconds) pauses the source until then. */
  recordFailure(at: Date, error: string, retryAfterSeconds?: number): void {
    if (retryAfterSeconds) this.pausedUntil = new Date(at.getTime() + retryAfterSeconds * 1000);
    this.runs += 1;
    this.failures += 1;
    this.lastRunAt = at;
    this.lastFailureAt = at;
    this.lastError = error.slice(0, 500);
    this.recent = [...this.recent, false].slice(-20);
  }

  get errorRate(): number {
    return this.recent.length === 0
      ? 0
      : this.recent.filter((ok) => !ok).length / this.recent.length;
  }
}

/** Whether the source asked to be left alone at `now` (a Retry-After not yet over). */
export function isPaused(health: JobSourceHealth | null | undefined, now: Date): boolean {
  return !!health?.pausedUntil && health.pausedUntil.getTime() > now.getTime();
}
