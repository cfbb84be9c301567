import { DomainEvent, DomainEventType } from '@lib/event-store';

export const SOCIAL_ACCOUNT_STREAM = 'social_account';
export const SOCIAL_POST_STREAM = 'social_post';

@DomainEventType('social.account_connected')
export class SocialAccountConnected extends DomainEvent<{
  userId: string;
  network: string;
  kind: string;
}> {
  constructor(accountId: string, payload: { userId: string; network: string; kind: string }) {
    super(SOCIAL_ACCOUNT_STREAM, accountId, payload);
  }
}

@DomainEventType('social.account_disconnected')
export class SocialAccountDisconnected extends DomainEvent<{
  userId: string;
  network: string;
  reason: 'user' | 'account_deleted';
}> {
  constructor(
    accountId: string,
    payload: { userId: string; network: string; reason: 'user' | 'account_deleted' },
  ) {
    super(SOCIAL_ACCOUNT_STREAM, accountId, payload);
  }
}

/** A token could not be refreshed (or lapsed without a refresh token): the user must reconnect. */
@DomainEventType('social.account_reconnect_required')
export class SocialAccountReconnectRequired extends DomainEvent<{
  userId: string;
  network: string;
  name: string;
  reason: string;
}> {
  constructor(
    accountId: string,
    payload: { userId: string; network: string; name: string; reason: string },
  ) {
    super(SOCIAL_ACCOUNT_STREAM, accountId, payload);
  }
}

export interface ScheduledTarget {
  targetId: string;
  accountId: string;
  network: string;
  scheduledAt: string;
}

/** Targets to publish at their times (queued again after a reschedule). */
@DomainEventType('social.post_scheduled')
export class SocialPostScheduled extends DomainEvent<{
  userId: string;
  targets: ScheduledTarget[];
}> {
  constructor(postId: string, payload: { userId: string; targets: ScheduledTarget[] }) {
    super(SOCIAL_POST_STREAM, postId, payload);
  }
}

@DomainEventType('social.post_published')
export class SocialPostPublished extends DomainEvent<{
  userId: string;
  targetId: string;
  accountId: string;
  network: string;
  remoteId: string;
  /** How the outcome was learnt: the create's answer, a duplicate answer, or the recent-posts check. */
  via: 'created' | 'duplicate' | 'recent_posts';
}> {
  constructor(
    postId: string,
    payload: {
      userId: string;
      targetId: string;
      accountId: string;
      network: string;
      remoteId: string;
      via: 'created' | 'duplicate' | 'recent_posts';
    },
  ) {
    super(SOCIAL_POST_STREAM, postId, payload);
  }
}

@DomainEventType('social.post_failed')
export class SocialPostFailed extends DomainEvent<{
  userId: string;
  targetId: string;
  network: string;
  reason: string;
  retryable: boolean;
}> {
  constructor(
    postId: string,
    payload: {
      userId: string;
      targetId: string;
      network: string;
      reason: string;
      retryable: boolean;
    },
  ) {
    super(SOCIAL_POST_STREAM, postId, payload);
  }
}

/** A create timed out: the post may exist. Checked later against the network's recent posts. */
@DomainEventType('social.post_unconfirmed')
export class SocialPostUnconfirmed extends DomainEvent<{ userId: string; targetId: string }> {
  constructor(postId: string, payload: { userId: string; targetId: string }) {
    super(SOCIAL_POST_STREAM, postId, payload);
  }
}

@DomainEventType('social.post_deleted')
export class SocialPostDeleted extends DomainEvent<{
  userId: string;
  reason: 'user' | 'account_deleted';
}> {
  constructor(postId: string, payload: { userId: string; reason: 'user' | 'account_deleted' }) {
    super(SOCIAL_POST_STREAM, postId, payload);
  }
}
