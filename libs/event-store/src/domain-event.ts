/** Who did something and from where; stored with every event. */
export interface EventMetadata {
  actor?: { type: 'user' | 'system' | 'api-key'; id: string };
  /** Set when the actor called with one of their API keys rather than a session. */
  apiKeyId?: string;
  ip?: string;
  userAgent?: string;
  requestId?: string;
  correlationId?: string;
  causationId?: string;
  /** The person this event's personal data belongs to (sealed with their key). */
  subject?: string;
  /** Keyed hash of `ip` where the ip itself is sealed: lets admins filter and count by IP. */
  ipHash?: string;
  /** True when that person was erased: their personal data is gone for good. */
  erased?: boolean;
}

export interface DomainEventOptions {
  /** Payload fields that hold personal data: sealed with the subject's key, erased with them. */
  personal?: string[];
}

type EventClass = abstract new (...args: never[]) => DomainEvent;
const registry = new Map<string, EventClass>();
const personalFields = new Map<string, string[]>();

/** Names an event class; the name is what the event store records as `type`. */
export function DomainEventType(type: string, options: DomainEventOptions = {}) {
  return (target: EventClass): void => {
    if (registry.has(type) && registry.get(type) !== target) {
      throw new Error(`Domain event type "${type}" is registered twice`);
    }
    Reflect.defineMetadata(EVENT_TYPE_KEY, type, target);
    registry.set(type, target);
    if (options.personal?.length) personalFields.set(type, options.personal);
  };
}

export function personalFieldsOf(type: string): string[] {
  return personalFields.get(type) ?? [];
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

  /**
   * Whose personal data the event carries, when that is not simply the signed-in
   * actor (e.g. a sign-up, where nobody is signed in yet, is about the new user).
   */
  get dataSubject(): string | undefined {
    return undefined;
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
