import { ApiParam } from '@nestjs/swagger';
import type { AppConfig } from '@lib/config';
import { OAUTH_PROVIDERS } from '../entities/user-identity.entity';

/** Documentation and cookie settings shared by the OAuth sign-in and link routes. */
export const ProviderParam = () =>
  ApiParam({ name: 'provider', enum: OAUTH_PROVIDERS, description: 'OAuth login provider' });

/** Secure cookies only in production: local development runs on plain http. */
export const secureCookies = (config: AppConfig) => config.env.NODE_ENV === 'production';

export const NONCE_COOKIE_NOTE =
  'Sets the HttpOnly, SameSite=Lax cookie `ct_oauth_nonce` (Path=/v1/auth/oauth, 10 min) that ' +
  'binds the flow to this browser: the callback refuses a browser without it (403 ' +
  'auth.oauth_browser_mismatch).';
