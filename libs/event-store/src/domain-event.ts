/** Who did something and from where; stored with every event. */
export interface EventMetadata {
  actor?: { type: 'user' | 'system' | 'api-key'; id: string };
  ip?: string;
  userAgent?: string;
  requestId?: string;
  correlationId?: string;
  causationId?: string;
}

type EventClass = abstract new (...args: never[]) => DomainEvent;
const registry = new Map<string, EventClass>();

/** Names an event class; the name is what the event store records as `type`. */
export function DomainEventType(type: string) {
  return (target: EventClass): void => {
    if (registry.has(type) && registry.get(type) !== target) {
      throw new Error(`Domain event type "${type}" is registered twice`);
    }
    Reflect.defineMetadata(EVENT_TYPE_KEY, type, target);
    registry.set(type, target);
  };
}

const EVENT_TYPE_KEY = 'domain-event:type';

export function eventTypeOf(target: object): string {
  const type = Reflect.getMetadata(EVENT_TYPE_KEY, target) as string | undefined;
  if (!type) throw new Error(`${(target as { name?: string }).name} lacks @DomainEventType`);
  return type;
}

/**
 * Something that happened to one stream (aggregate). `payload` is what the
 * event store records; the envelope fields are filled when it is stored.
 */
export abstract class DomainEvent<P extends object = object> {
  eventId?: string;
  version?: number;
  occurredAt?: Date;
  metadata?: EventMetadata;

  constructor(
    readonly streamType: string,
    readonly streamId: string,
    readonly payload: P,
  ) {}

  get type(): string {
    return eventTypeOf(this.constructor);
  }
}

/** A row of the event store as the rest of the code sees it. */
export interface StoredEventRecord {
  seq: string;
  id: string;
  streamType: string;
  streamId: string;
  version: number;
  type: string;
  payload: Record<string, unknown>;
  metadata: EventMetadata;
  occurredAt: Date;
  publishedAt: Date | null;
  prevHash: string;
  hash: string;
}

/** Rebuilds the typed event class from a stored row (unknown types stay generic). */
export function rehydrate(record: StoredEventRecord): DomainEvent {
  const cls = registry.get(record.type) ?? UnknownEvent;
  const event = Object.create(cls.prototype as object) as DomainEvent;
  Object.assign(event, {
    streamType: record.streamType,
    streamId: record.streamId,
    payload: record.payload,
    eventId: record.id,
    version: record.version,
    occurredAt: record.occurredAt,
    metadata: record.metadata,
  });
  if (cls === UnknownEvent) Object.defineProperty(event, 'type', { value: record.type });
  return event;
}

class UnknownEvent extends DomainEvent {}
