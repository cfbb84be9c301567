import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '@lib/config';
import { STORAGE_PORT, type StoragePort } from '@lib/providers';
import { anchorSinkFor, AUDIT_ANCHOR_SINK, AuditAnchors } from './audit-anchors';
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
  AuditAnchors,
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
        {
          provide: AUDIT_ANCHOR_SINK,
          useFactory: (config: AppConfig, storage?: StoragePort) => anchorSinkFor(config, storage),
          inject: [AppConfig, { token: STORAGE_PORT, optional: true }],
        },
      ],
      exports: EXPORTED,
    };
  }
}
