import { renderEmail, type RenderedEmail } from '../../mail';

const PROVIDER_LABELS: Record<string, string> = {
  google: 'Google',
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
};
const providerLabel = (provider: string) => PROVIDER_LABELS[provider] ?? provider;

/** Emails of the identity module. Links are built from FRONTEND_URL, never from the request. */
export const identityEmails = {
  verifyEmail(name: string, link: string, ttlHours: number): RenderedEmail {
    return renderEmail({
      subject: 'Confirm your email address',
      greeting: `Hi ${name},`,
      paragraphs: [
        'Welcome to Career Tools! Please confirm that this is your email address.',
        `The link works once and expires in ${ttlHours} hours.`,
      ],
      action: { label: 'Confirm email', url: link },
      footer: 'If you did not create an account, ignore this email.',
    });
  },

  passwordReset(name: string, link: string, ttlMinutes: number): RenderedEmail {
    return renderEmail({
      subject: 'Reset your password',
      greeting: `Hi ${name},`,
      paragraphs: [
        'Someone asked to reset the password of your Career Tools account.',
        `The link works once and expires in ${ttlMinutes} minutes.`,
        'If you think someone else got into your account, the reset page can also unlink every ' +
          'sign-in provider (Google, LinkedIn, X, Facebook) and revoke every API key.',
      ],
      action: { label: 'Choose a new password', url: link },
      footer: 'If it was not you, ignore this email: your password stays as it is.',
    });
  },

  newDeviceLogin(
    name: string,
    device: { ip?: string; userAgent?: string; at: Date },
    sessionsLink: string,
  ): RenderedEmail {
    return renderEmail({
      subject: 'New sign-in to your Career Tools account',
      greeting: `Hi ${name},`,
      paragraphs: [
        'Your account was just signed in to from a device we had not seen before:',
        `${device.userAgent ?? 'an unknown browser or app'}, from ${device.ip ?? 'an unknown address'}, at ${device.at.toUTCString()}.`,
        'If this was you, there is nothing to do. If not, end that session and change your password now.',
      ],
      action: { label: 'Review your sessions', url: sessionsLink },
    });
  },

  identityLinked(name: string, provider: string): RenderedEmail {
    return renderEmail({
      subject: `${providerLabel(provider)} sign-in was linked to your account`,
      greeting: `Hi ${name},`,
      paragraphs: [
        `Your Career Tools account can now be signed in to with ${providerLabel(provider)}.`,
        'If this was not you, unlink it in your account settings and change your password now.',
      ],
    });
  },

  identityUnlinked(name: string, provider: string): RenderedEmail {
    return renderEmail({
      subject: `${providerLabel(provider)} sign-in was unlinked from your account`,
      greeting: `Hi ${name},`,
      paragraphs: [
        `Your Career Tools account can no longer be signed in to with ${providerLabel(provider)}.`,
        'If this was not you, change your password now.',
      ],
    });
  },

  accountDeleted(name: string): RenderedEmail {
    return renderEmail({
      subject: 'Your Career Tools account was deleted',
      greeting: `Hi ${name},`,
      paragraphs: [
        'Your Career Tools account and the data that belonged to it were deleted, as you asked.',
        'Records we must keep (such as the security audit trail) no longer say anything about you.',
      ],
      footer: 'If this was not you, contact support at once.',
    });
  },

  passwordChanged(name: string): RenderedEmail {
    return renderEmail({
      subject: 'Your password was changed',
      greeting: `Hi ${name},`,
      paragraphs: [
        'The password of your Career Tools account was just changed, and your other sessions were signed out.',
        'If this was not you, reset your password now and contact support.',
      ],
    });
  },
};
