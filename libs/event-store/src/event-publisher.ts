import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { rehydrate } from './domain-event';
import { EventDispatcher } from './event-dispatcher';
import { PersonalDataVault } from './personal-data-vault';
import { STORED_EVENT_COLUMNS, toRecord, type StoredEventRow } from './stored-event.mapper';

/**
 * Moves committed events to their handlers and stamps `published_at`. Rows are
 * claimed with FOR UPDATE SKIP LOCKED, so the request that committed an event
 * and the relay never deliver it concurrently; a crash before the stamp rolls
 * the claim back and the relay delivers it later.
 */
@Injectable()
export class EventPublisher {
  private readonly logger = new Logger(EventPublisher.name);

  constructor(
    private readonly em: EntityManager,
    private readonly dispatcher: EventDispatcher,
    private readonly vault: PersonalDataVault,
  ) {}

  /** Publishes the given events if nobody has yet; returns how many it published. */
  publishByIds(ids: string[]): Promise<number> {
    if (ids.length === 0) return Promise.resolve(0);
    return this.publishWhere('id = any(?::uuid[])', [`{${ids.join(',')}}`], ids.length);
  }

  /** Publishes the oldest unpublished events; returns how many it published. */
  publishPending(batchSize = 100): Promise<number> {
    return this.publishWhere('true', [], batchSize);
  }

  private async publishWhere(condition: string, params: unknown[], limit: number): Promise<number> {
    return this.em.fork().transactional(async (tx) => {
      const rows = await tx.execute<StoredEventRow[]>(
        `select ${STORED_EVENT_COLUMNS} from event_store
          where published_at is null and ${condition}
          order by seq limit ? for update skip locked`,
        [...params, limit],
      );
      const delivered: string[] = [];
      for (const record of await this.vault.open(tx, rows.map(toRecord))) {
        try {
          await this.dispatcher.dispatch(rehydrate(record));
          delivered.push(record.id);
        } catch {
          this.logger.warn(`Event ${record.id} left for the relay to retry`);
          break;
        }
      }
      if (delivered.length > 0) {
        await tx.execute('update event_store set published_at = now() where id = any(?::uuid[])', [
          `{${delivered.join(',')}}`,
        ]);
      }
      return delivered.length;
    });
  }
}
