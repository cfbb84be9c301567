import { record, str, type ProviderDefinition } from './provider-definition';

/**
 * Facebook Login, Graph API `/me?fields=id,name,email,picture`. Facebook makes no
 * statement that the email is verified, so its address never creates or
 * claims an account.
 */
export const FACEBOOK: ProviderDefinition = {
  name: 'facebook',
  authorizeUrl: 'https://www.facebook.com/v25.0/dialog/oauth',
  tokenUrl: 'https://graph.facebook.com/v25.0/oauth/access_token',
  userinfoUrl: 'https://graph.facebook.com/v25.0/me?fields=id,name,email,picture.type(large)',
  scopes: ['email', 'public_profile'],
  clientAuth: 'post',
  vouchesForEmail: false,
  credentials: (env) => ({ id: env.FACEBOOK_APP_ID, secret: env.FACEBOOK_APP_SECRET }),
  parseProfile: (body) => {
    const b = record(body);
    const subject = str(b?.id);
    if (!b || !subject) return undefined;
    const picture = record(record(b.picture)?.data);
    return {
      subject,
      email: str(b.email),
      emailVerified: false,
      name: str(b.name),
      // Facebook's silhouette for people without a picture is no picture.
      pictureUrl: picture?.is_silhouette === true ? null : str(picture?.url),
    };
  },
};
