import { record, str, type ProviderDefinition } from './provider-definition';

/** X OAuth 2.0: `{"data":{"id","name","username","profile_image_url"}}`; X shares no email address here. */
export const X: ProviderDefinition = {
  name: 'x',
  authorizeUrl: 'https://x.com/i/oauth2/authorize',
  tokenUrl: 'https://api.x.com/2/oauth2/token',
  userinfoUrl: 'https://api.x.com/2/users/me?user.fields=profile_image_url',
  scopes: ['users.read', 'tweet.read'],
  clientAuth: 'basic',
  vouchesForEmail: false,
  credentials: (env) => ({ id: env.TWITTER_CLIENT_ID, secret: env.TWITTER_CLIENT_SECRET }),
  parseProfile: (body) => {
    const data = record(record(body)?.data);
    const subject = str(data?.id);
    if (!data || !subject) return undefined;
    return {
      subject,
      email: null,
      emailVerified: false,
      name: str(data.name) ?? str(data.username),
      pictureUrl: str(data.profile_image_url),
    };
  },
};
