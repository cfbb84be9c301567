import { renderEmail, type RenderedEmail } from '../../mail';

/**
 * Emails of a change of address. Links are built from FRONTEND_URL, never from
 * the request; the frontend page posts the token (a GET never changes anything,
 * so mail scanners that open links cannot confirm or cancel).
 */
export const emailChangeEmails = {
  /** To the new address: the only way the change happens. */
  confirmNewAddress(name: string, link: string, ttlHours: number): RenderedEmail {
    return renderEmail({
      subject: 'Confirm your new email address',
      greeting: `Hi ${name},`,
      paragraphs: [
        'You asked to use this address for your Career Tools account. Confirm it to make the change.',
        `The link works once and expires in ${ttlHours} hours. Until then your account keeps its current address.`,
      ],
      action: { label: 'Confirm new address', url: link },
      footer: 'If you did not ask for this, ignore this email: nothing changes.',
    });
  },

  /** To the old address: a change was asked for; one click cancels it and blocks new ones for a while. */
  changeRequested(
    name: string,
    newEmail: string,
    cancelLink: string,
    lockHours: number,
  ): RenderedEmail {
    return renderEmail({
      subject: 'Your Career Tools email address is about to change',
      greeting: `Hi ${name},`,
      paragraphs: [
        `Someone signed in to your account asked to change its email address to ${newEmail}.`,
        'Nothing changes unless the new address is confirmed.',
        `If this was not you, cancel it: no new change of address can start for ${lockHours} hours, ` +
          'and you should change your password.',
      ],
      action: { label: 'This wasn\u2019t me \u2014 cancel', url: cancelLink },
    });
  },

  /** To the owner of an address someone else tried to move their account to. */
  addressInUse(name: string): RenderedEmail {
    return renderEmail({
      subject: 'Someone tried to use your email address',
      greeting: `Hi ${name},`,
      paragraphs: [
        'Someone asked to move another Career Tools account to this email address. It already ' +
          'belongs to your account, so nothing changed and your account is unaffected.',
        'If this was you, sign in to this account instead, or choose another address for the other one.',
      ],
    });
  },

  /** To the old address once the new one confirmed. */
  changed(name: string, newEmail: string): RenderedEmail {
    return renderEmail({
      subject: 'Your Career Tools email address was changed',
      greeting: `Hi ${name},`,
      paragraphs: [
        `Your account now signs in with ${newEmail}; this address no longer does.`,
        'If this was not you, reset your password at once and contact support.',
      ],
    });
  },
};
