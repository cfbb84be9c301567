import { oidcProfile, type ProviderDefinition } from './provider-definition';

/** Google OpenID Connect; `email_verified` says whether Google vouches for the address. */
export const GOOGLE: ProviderDefinition = {
  name: 'google',
  authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenUrl: 'https://oauth2.googleapis.com/token',
  userinfoUrl: 'https://openidconnect.googleapis.com/v1/userinfo',
  scopes: ['openid', 'email', 'profile'],
  clientAuth: 'basic',
  vouchesForEmail: true,
  credentials: (env) => ({ id: env.GOOGLE_CLIENT_ID, secret: env.GOOGLE_CLIENT_SECRET }),
  parseProfile: oidcProfile,
};
