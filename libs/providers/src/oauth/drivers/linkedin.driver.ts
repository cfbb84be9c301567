import { oidcProfile, type ProviderDefinition } from './provider-definition';

/** Sign In with LinkedIn using OpenID Connect (`client_secret_post`). */
export const LINKEDIN: ProviderDefinition = {
  name: 'linkedin',
  authorizeUrl: 'https://www.linkedin.com/oauth/v2/authorization',
  tokenUrl: 'https://www.linkedin.com/oauth/v2/accessToken',
  userinfoUrl: 'https://api.linkedin.com/v2/userinfo',
  scopes: ['openid', 'profile', 'email'],
  clientAuth: 'post',
  vouchesForEmail: true,
  credentials: (env) => ({ id: env.LINKEDIN_CLIENT_ID, secret: env.LINKEDIN_CLIENT_SECRET }),
  parseProfile: oidcProfile,
};
