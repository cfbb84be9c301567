import { Module } from '@nestjs/common';
import { AppConfig } from '@lib/config';
import { ArcticOAuthDriver } from './drivers/arctic.driver';
import { FACEBOOK } from './drivers/facebook.driver';
import { GOOGLE } from './drivers/google.driver';
import { LINKEDIN } from './drivers/linkedin.driver';
import type { ProviderDefinition } from './drivers/provider-definition';
import { X } from './drivers/x.driver';
import {
  OAUTH_LOGIN,
  type OAuthLoginDriver,
  type OAuthLoginPort,
  type OAuthProviderName,
} from './oauth.port';

const DEFINITIONS: ProviderDefinition[] = [GOOGLE, LINKEDIN, X, FACEBOOK];

/** The env name of a provider in `OAUTH_<P>_*_URL`. */
const envKey = (name: OAuthProviderName) => name.toUpperCase() as Uppercase<OAuthProviderName>;

/**
 * One driver per provider whose client credentials are set; callbacks return to
 * `<OAUTH_CALLBACK_BASE_URL or API_URL>/v1/auth/oauth/<provider>/callback`.
 */
export function createOAuthLogin(config: AppConfig): OAuthLoginPort {
  const env = config.env;
  const base = (env.OAUTH_CALLBACK_BASE_URL ?? env.API_URL).replace(/\/+$/, '');
  const drivers = new Map<OAuthProviderName, OAuthLoginDriver>();
  for (const definition of DEFINITIONS) {
    const { id, secret } = definition.credentials(env);
    if (!id || !secret) continue;
    const key = envKey(definition.name);
    drivers.set(
      definition.name,
      new ArcticOAuthDriver(definition, {
        clientId: id,
        clientSecret: secret,
        redirectUri: `${base}/v1/auth/oauth/${definition.name}/callback`,
        authorizeUrl: env[`OAUTH_${key}_AUTHORIZE_URL`],
        tokenUrl: env[`OAUTH_${key}_TOKEN_URL`],
        userinfoUrl: env[`OAUTH_${key}_USERINFO_URL`],
        timeoutMs: env.OAUTH_TIMEOUT_MS,
      }),
    );
  }
  return {
    isEnabled: (name) => drivers.has(name),
    driver: (name) => {
      const driver = drivers.get(name);
      if (!driver) throw new Error(`OAuth provider ${name} is not enabled`);
      return driver;
    },
  };
}

/** Provides OAUTH_LOGIN with a driver for every configured provider. */
@Module({
  providers: [{ provide: OAUTH_LOGIN, inject: [AppConfig], useFactory: createOAuthLogin }],
  exports: [OAUTH_LOGIN],
})
export class OAuthProviderModule {}
