import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '@lib/config';
import { STORAGE_PORT, type StoragePort } from '@lib/providers';
import { anchorSinkFor, AUDIT_ANCHOR_SINK, AuditAnchors } from './audit-anchors';
import { AuditLog } from './audit-log';
import { EventDispatcher } from './event-dispatcher';
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
  UnitOfWork,
  OutboxRelay,
  AuditLog,
  AuditAnchors,
  SecurityEvents,
  PersonalDataVault,
];

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    EventDispatcher,
    ...EXPORTED,
    {
      provide: AUDIT_ANCHOR_SINK,
      useFactory: (config: AppConfig, storage?: StoragePort) => anchorSinkFor(config, storage),
      inject: [AppConfig, { token: STORAGE_PORT, optional: true }],
    },
  ],
  exports: EXPORTED,
})
export class EventStoreModule {}
