import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditLog } from './audit-log';
import { EventDeliveries } from './event-deliveries';
import { EventDispatcher } from './event-dispatcher';
import { EventJobProcessor } from './event-job.processor';
import { EventJobs } from './event-jobs';
import { EventPublisher } from './event-publisher';
import { EventStore } from './event-store';
import { OutboxRelay } from './outbox-relay';
import { PersonalDataVault } from './personal-data-vault';
import { SecurityEvents } from './security-events';
import { UnitOfWork } from './unit-of-work';

/** What other modules may inject. */
const EXPORTED = [
  EventStore,
  EventPublisher,
  EventDeliveries,
  UnitOfWork,
  OutboxRelay,
  AuditLog,
  SecurityEvents,
  PersonalDataVault,
];

/** The event store, its outbox and handler deliveries; job-run handlers run only in workers. */
@Global()
@Module({})
export class EventStoreModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        EventDispatcher,
        EventJobs,
        ...EXPORTED,
        ...(runsWorker ? [EventJobProcessor] : []),
      ],
      exports: EXPORTED,
    };
  }
}
