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

/**
 * A new account made through OAuth: the provider's picture is offered as its
 * first avatar (the files module fetches it through its SSRF guard). The URL
 * is personal data (sealed, erased with the person).
 */
@DomainEventType('identity.oauth_picture_offered', { personal: ['url'] })
export class OAuthPictureOffered extends UserEvent<{ provider: OAuthProviderName; url: string }> {
  constructor(userId: string, payload: { provider: OAuthProviderName; url: string }) {
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
