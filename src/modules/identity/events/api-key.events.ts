import type { ApiKeyScopeName } from '@lib/authz';
import { DomainEventType } from '@lib/event-store';
import { UserOwnedEvent } from './user-event';

export const API_KEY_STREAM = 'api_key';

/** Never carries the secret or its hash: the prefix is enough to recognise the key. */
@DomainEventType('identity.api_key_created', { personal: ['name'] })
export class ApiKeyCreated extends UserOwnedEvent<{
  userId: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScopeName[];
  expiresAt: string | null;
}> {
  constructor(apiKeyId: string, payload: ApiKeyCreated['payload']) {
    super(API_KEY_STREAM, apiKeyId, payload);
  }
}

@DomainEventType('identity.api_key_revoked')
export class ApiKeyRevoked extends UserOwnedEvent<{ userId: string; prefix: string }> {
  constructor(apiKeyId: string, payload: { userId: string; prefix: string }) {
    super(API_KEY_STREAM, apiKeyId, payload);
  }
}
