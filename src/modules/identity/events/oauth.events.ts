import { DomainEvent, DomainEventType } from '@lib/event-store';
import type { AccountRefusal } from '../accounts/account-access';
import { UserEvent } from './user-event';
import type { OAuthProviderName } from '../entities/user-identity.entity';
import { USER_STREAM } from './identity.events';

@DomainEventType('identity.identity_linked')
export class IdentityLinked extends UserEvent<{ provider: OAuthProviderName }> {
  constructor(userId: string, payload: { provider: OAuthProviderName }) {
    super(USER_STREAM, userId, payload);
  }
}

@DomainEventType('identity.identity_unlinked')
export class IdentityUnlinked extends UserEvent<{ provider: OAuthProviderName }> {
  constructor(userId: string, payload: { provider: OAuthProviderName }) {
    super(USER_STREAM, userId, payload);
  }
}

export type OAuthRefusal = 'link_required' | 'identity_in_use' | AccountRefusal;

/**
 * An OAuth sign-in or link that was refused; the stream is the client IP so no
 * account id is disclosed. The payload names the provider and the reason only.
 */
@DomainEventType('security.oauth_refused')
export class OAuthRefused extends DomainEvent<{
  provider: OAuthProviderName;
  reason: OAuthRefusal;
}> {
  constructor(ip: string, payload: { provider: OAuthProviderName; reason: OAuthRefusal }) {
    super('security', ip, payload);
  }
}
