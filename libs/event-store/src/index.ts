export { AggregateRoot } from './aggregate-root';
export { auditContext } from './audit-context';
export {
  AuditLog,
  type AuditFilter,
  type ChainVerification,
  type SecuritySummary,
} from './audit-log';
export {
  DomainEvent,
  DomainEventType,
  rehydrate,
  type EventMetadata,
  type StoredEventRecord,
} from './domain-event';
export { HandlesEvent, type DomainEventHandler } from './event-handler';
export { EventPublisher } from './event-publisher';
export { EventStore, type StreamReadOptions } from './event-store';
export { EventStoreModule } from './event-store.module';
export { StoredEvent } from './entities/stored-event.entity';
export { OutboxRelay } from './outbox-relay';
export { SecurityEvents } from './security-events';
export { UnitOfWork, type EventRecorder } from './unit-of-work';
