export { AggregateRoot } from './aggregate-root';
export {
  AuditAnchors,
  FileAnchorSink,
  StorageAnchorSink,
  type AuditAnchor,
  type AuditAnchorSink,
} from './audit-anchors';
export { AuditChainKey, GENESIS_HASH, hashEvent } from './hash-chain';
export { auditContext } from './audit-context';
export { AuditLog, type AuditFilter, type SecuritySummary } from './audit-log';
export { STORED_EVENT_COLUMNS, toRecord, type StoredEventRow } from './stored-event.mapper';
export {
  DomainEvent,
  DomainEventType,
  type DomainEventOptions,
  rehydrate,
  type EventMetadata,
  type StoredEventRecord,
} from './domain-event';
export { HandlesEvent, HandlesEventInJob, type DomainEventHandler } from './event-handler';
export { EventDeliveries, type RetryResult } from './event-deliveries';
export { eventJobId } from './event-jobs';
export { EventPublisher } from './event-publisher';
export { EventStore, type StreamReadOptions } from './event-store';
export { EventStoreModule } from './event-store.module';
export { StoredEvent } from './entities/stored-event.entity';
export { EventDelivery, type DeliveryStatus } from './entities/event-delivery.entity';
export { PersonalDataKey } from './entities/personal-data-key.entity';
export { PersonalDataVault, type PersonalData } from './personal-data-vault';
export { OutboxRelay } from './outbox-relay';
export { SecurityEvents } from './security-events';
export { UnitOfWork, type EventRecorder } from './unit-of-work';
