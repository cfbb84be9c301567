import type { AppConfig } from '@lib/config';

/** Where a network sends the browser back after consent. */
export function socialCallbackUrl(config: AppConfig, network: string): string {
  const base =
    config.env.SOCIAL_CALLBACK_BASE_URL ?? config.env.OAUTH_CALLBACK_BASE_URL ?? config.env.API_URL;
  return `${base.replace(/\/+$/, '')}/v1/social/connect/${network}/callback`;
}
