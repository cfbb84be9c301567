import { defineProblems } from '@lib/problems';

/** Push devices and delivery. */
export const pushProblems = defineProblems({
  'push.device_not_found': { status: 404, description: 'No such device, or not yours.' },
  'push.invalid_subscription': {
    status: 422,
    description:
      'The Web Push subscription cannot be used: its endpoint is not an allowed push service ' +
      'URL, or its keys are not a P-256 public key (`p256dh`) and a 16-byte `auth` secret.',
  },
  'push.fcm_not_configured': {
    status: 503,
    description:
      'FCM is not configured on this server (FIREBASE_PROJECT_ID, FIREBASE_CLIENT_EMAIL, ' +
      'FIREBASE_PRIVATE_KEY), so FCM tokens are refused; Web Push works.',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    push: typeof pushProblems;
  }
}
