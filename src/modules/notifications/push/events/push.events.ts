import { DomainEvent, DomainEventType } from '@lib/event-store';

/** Device events belong to the device's user; payloads carry no token. */
abstract class PushDeviceEvent<P extends { userId: string }> extends DomainEvent<P> {
  override get dataSubject(): string {
    return this.payload.userId;
  }
}

export const PUSH_DEVICE_STREAM = 'push_device';

@DomainEventType('push.device_registered')
export class PushDeviceRegistered extends PushDeviceEvent<{
  userId: string;
  platform: string;
}> {
  constructor(id: string, payload: PushDeviceRegistered['payload']) {
    super(PUSH_DEVICE_STREAM, id, payload);
  }
}

/**
 * `user`: deleted by its owner; `unregistered`: the push service said the
 * token/subscription is gone; `limit`: the oldest device beyond the per-user
 * limit; `reassigned`: another account registered the same token;
 * `account_deleted`: the owner's account was erased.
 */
export type PushDeviceRemovalReason =
  'user' | 'unregistered' | 'limit' | 'reassigned' | 'account_deleted';

@DomainEventType('push.device_removed')
export class PushDeviceRemoved extends PushDeviceEvent<{
  userId: string;
  platform: string;
  reason: PushDeviceRemovalReason;
}> {
  constructor(id: string, payload: PushDeviceRemoved['payload']) {
    super(PUSH_DEVICE_STREAM, id, payload);
  }
}
