import type { PushTarget } from '@lib/providers';
import { pushProblems } from './push.problems';

/**
 * Hosts of the browsers' push services. The server POSTs to whatever endpoint a
 * client registers, so production accepts only these (no request forgery
 * towards internal addresses); elsewhere any http(s) URL works, for fakes.
 */
export const WEB_PUSH_SERVICE_HOSTS = [
  'fcm.googleapis.com', // Chrome, Edge, Opera, Samsung
  'android.googleapis.com',
  'push.services.mozilla.com', // Firefox
  'notify.windows.com', // legacy Edge
  'push.apple.com', // Safari
];

/** Refuses (422 push.invalid_subscription) a subscription the server must not or cannot use. */
export function assertUsableSubscription(
  target: Extract<PushTarget, { platform: 'webpush' }>,
  production: boolean,
): void {
  const refuse = (detail: string) => {
    throw pushProblems.problem('push.invalid_subscription', detail);
  };
  let url: URL;
  try {
    url = new URL(target.endpoint);
  } catch {
    return refuse('The endpoint is not a URL.');
  }
  if (production) {
    const host = url.hostname.toLowerCase();
    const known = WEB_PUSH_SERVICE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
    if (url.protocol !== 'https:' || !known) {
      return refuse('The endpoint must be an HTTPS URL of a browser push service.');
    }
  } else if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse('The endpoint must be an http(s) URL.');
  }
  const p256dh = Buffer.from(target.keys.p256dh, 'base64url');
  if (p256dh.length !== 65 || p256dh[0] !== 0x04) {
    return refuse('keys.p256dh must be an uncompressed P-256 public key (65 bytes).');
  }
  if (Buffer.from(target.keys.auth, 'base64url').length !== 16) {
    return refuse('keys.auth must be 16 bytes.');
  }
}
