import { identityEmails } from '../identity';
import { defineNotificationTypes } from './notification-types';

/**
 * Security alerts in the inbox and as push. Identity already emails them (in
 * the transaction of the change), so these use in-app and push only; their
 * text is the identity email's subject and preview, in the user's language.
 * Defined here because identity cannot import this module (it would be a cycle).
 */
export const SECURITY_NOTIFICATION_TYPES = defineNotificationTypes({
  'security.password_changed': {
    category: 'security',
    channels: ['inApp', 'push'],
    critical: true,
    email: identityEmails['password-changed'],
  },
  'security.two_factor_changed': {
    category: 'security',
    channels: ['inApp', 'push'],
    critical: true,
    email: identityEmails['two-factor-changed'],
  },
  'security.account_locked': {
    category: 'security',
    channels: ['inApp', 'push'],
    critical: true,
    email: identityEmails['account-locked'],
  },
  'security.new_device_login': {
    category: 'security',
    channels: ['inApp', 'push'],
    critical: true,
    email: identityEmails['new-device-login'],
  },
});
