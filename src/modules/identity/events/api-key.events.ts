import type { ApiKeyScopeName } from '@lib/authz';
import { DomainEvent, DomainEventType } from '@lib/event-store';

export const API_KEY_STREAM = 'api_key';

/** Never carries the secret or its hash: the prefix is enough to recognise the key. */
@DomainEventType('identity.api_key_created')
export class ApiKeyCreated extends DomainEvent<{
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
export class ApiKeyRevoked extends DomainEvent<{ userId: string; prefix: string }> {
  constructor(apiKeyId: string, payload: { userId: string; prefix: string }) {
    super(API_KEY_STREAM, apiKeyId, payload);
  }
}
