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

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    EventStore,
    EventDispatcher,
    EventPublisher,
    UnitOfWork,
    OutboxRelay,
    AuditLog,
    SecurityEvents,
    PersonalDataVault,
  ],
  exports: [
    EventStore,
    EventPublisher,
    UnitOfWork,
    OutboxRelay,
    AuditLog,
    SecurityEvents,
    PersonalDataVault,
  ],
})
export class EventStoreModule {}
