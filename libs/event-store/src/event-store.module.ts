import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
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
  SecurityEvents,
  PersonalDataVault,
];

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [EventDispatcher, ...EXPORTED],
  exports: EXPORTED,
})
export class EventStoreModule {}
