import type { TokenPair } from '../dto/token-pair.dto';
import type { OAuthProviderName } from '../entities/user-identity.entity';

const PLACEHOLDER_DOMAIN = '@users.oauth.invalid';

/**
 * Accounts without an email the provider vouches for (X, Facebook, an
 * unverified address) get a reserved, undeliverable address.
 */
export const placeholderEmail = (provider: OAuthProviderName, subject: string): string =>
  `${provider}-${subject.replace(/[^A-Za-z0-9._-]/g, '_')}${PLACEHOLDER_DOMAIN}`;

/** False for placeholder addresses: nothing is mailed to them. */
export const isDeliverable = (email: string): boolean => !email.endsWith(PLACEHOLDER_DOMAIN);

/** An OAuth sign-in of an account without a real address asks for one (`emailMissing`). */
export const withEmailPrompt = (user: { email: string }, pair: TokenPair): TokenPair =>
  isDeliverable(user.email) ? pair : { ...pair, emailMissing: true };
