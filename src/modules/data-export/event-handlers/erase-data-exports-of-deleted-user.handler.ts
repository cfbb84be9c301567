import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { HandlesEventInJob, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';
import { DataExportStorage } from '../data-export-storage';
import { DataExport } from '../entities/data-export.entity';

/** Erasure: the account's export ZIPs and their rows go (a retry finds what is left). */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class EraseDataExportsOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(
    private readonly em: EntityManager,
    private readonly storage: DataExportStorage,
  ) {}

  async handle(event: UserDeleted): Promise<void> {
    const userId = event.streamId;
    const em = this.em.fork();
    const exports = await em.find(DataExport, { userId });
    for (const exported of exports) {
      await this.storage.delete(exported.storageKey ?? this.storage.keyOf(userId, exported.id));
    }
    await em.nativeDelete(DataExport, { userId });
  }
}
