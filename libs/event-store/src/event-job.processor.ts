import { Process, Processor } from '@nestjs/bull';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Job } from 'bull';
import { QUEUES, type EventHandlerJob } from '@lib/queue';
import { auditContext } from './audit-context';
import { rehydrate } from './domain-event';
import { EventDeliveries } from './event-deliveries';
import { EventDispatcher } from './event-dispatcher';
import { EVENT_HANDLER_JOB } from './event-jobs';
import { PersonalDataVault } from './personal-data-vault';
import { STORED_EVENT_COLUMNS, toRecord, type StoredEventRow } from './stored-event.mapper';

/**
 * Worker side of the `events` queue: runs one @HandlesEventInJob handler on
 * the stored event. Bull retries a failure with backoff; when the last attempt
 * fails too, the delivery becomes a dead letter an admin can retry.
 */
@Processor(QUEUES.events)
export class EventJobProcessor {
  constructor(
    private readonly em: EntityManager,
    private readonly dispatcher: EventDispatcher,
    private readonly vault: PersonalDataVault,
    private readonly deliveries: EventDeliveries,
  ) {}

  @Process({ name: EVENT_HANDLER_JOB, concurrency: 4 })
  async process(job: Job<EventHandlerJob>): Promise<void> {
    const { eventId, handler: name } = job.data;
    const em = this.em.fork();
    const [row] = await em.execute<StoredEventRow[]>(
      `select ${STORED_EVENT_COLUMNS} from event_store where id = ?`,
      [eventId],
    );
    if (!row) throw new Error(`No event ${eventId}`);
    const [record] = await this.vault.open(em, [toRecord(row)]);
    const event = rehydrate(record);
    try {
      const handler = this.dispatcher.handlerNamed(event.type, name);
      if (!handler) throw new Error(`No handler ${name} for ${event.type} any more`);
      await auditContext.run(
        { actor: { type: 'system', id: 'event-jobs' }, causationId: eventId },
        () => handler.handler.handle(event),
      );
    } catch (error) {
      const attempts = job.attemptsMade + 1;
      if (attempts >= (job.opts.attempts ?? 1)) {
        await this.deliveries.recordDead(em, record, name, attempts, error);
      }
      throw error;
    }
  }
}
