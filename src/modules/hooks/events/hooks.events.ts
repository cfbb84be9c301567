import { DomainEvent, DomainEventType } from '@lib/event-store';

/** Hook events belong to the subscription's owner; payloads carry no secret. */
abstract class HookEvent<P extends { userId: string }> extends DomainEvent<P> {
  override get dataSubject(): string {
    return this.payload.userId;
  }
}

export const HOOK_STREAM = 'hook_subscription';

@DomainEventType('hooks.subscribed', { personal: ['targetUrl'] })
export class HookSubscribed extends HookEvent<{
  userId: string;
  event: string;
  targetUrl: string;
}> {
  constructor(hookId: string, payload: HookSubscribed['payload']) {
    super(HOOK_STREAM, hookId, payload);
  }
}

/**
 * `user`: deleted by its owner (Zapier unsubscribes when a Zap is turned off);
 * `account_deleted`: the owner's account was erased.
 */
@DomainEventType('hooks.unsubscribed')
export class HookUnsubscribed extends HookEvent<{
  userId: string;
  event: string;
  reason: 'user' | 'account_deleted';
}> {
  constructor(hookId: string, payload: HookUnsubscribed['payload']) {
    super(HOOK_STREAM, hookId, payload);
  }
}

/** The target answered 410 Gone: nothing is delivered to it any more. */
@DomainEventType('hooks.deactivated')
export class HookDeactivated extends HookEvent<{ userId: string; event: string; reason: 'gone' }> {
  constructor(hookId: string, payload: HookDeactivated['payload']) {
    super(HOOK_STREAM, hookId, payload);
  }
}
