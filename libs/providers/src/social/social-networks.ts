import { SandboxNetwork, type SandboxPostStore } from './drivers/sandbox.driver';
import { SOCIAL_NETWORKS, type SocialNetwork, type SocialNetworkName } from './social-network.port';

/**
 * `available`: can be connected here. `not_configured`: its OAuth app credentials are
 * missing. `not_implemented`: credentials are set but its driver is not built yet.
 * `disabled`: the sandbox where it is switched off (always in production).
 */
export type SocialNetworkStatus = 'available' | 'not_configured' | 'not_implemented' | 'disabled';

export interface SocialNetworkInfo {
  name: SocialNetworkName;
  label: string;
  status: SocialNetworkStatus;
  reason: string | null;
}

/** What the network catalog reads from the environment. */
export interface SocialNetworksEnv {
  SOCIAL_SANDBOX: boolean;
  LINKEDIN_CLIENT_ID?: string;
  LINKEDIN_CLIENT_SECRET?: string;
  TWITTER_CLIENT_ID?: string;
  TWITTER_CLIENT_SECRET?: string;
  FACEBOOK_APP_ID?: string;
  FACEBOOK_APP_SECRET?: string;
  INSTAGRAM_CLIENT_ID?: string;
  INSTAGRAM_CLIENT_SECRET?: string;
}

const CREDENTIALS: Record<
  Exclude<SocialNetworkName, 'sandbox'>,
  [keyof SocialNetworksEnv, keyof SocialNetworksEnv]
> = {
  linkedin: ['LINKEDIN_CLIENT_ID', 'LINKEDIN_CLIENT_SECRET'],
  x: ['TWITTER_CLIENT_ID', 'TWITTER_CLIENT_SECRET'],
  facebook: ['FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET'],
  instagram: ['INSTAGRAM_CLIENT_ID', 'INSTAGRAM_CLIENT_SECRET'],
};

const LABELS: Record<SocialNetworkName, string> = {
  sandbox: 'Sandbox (development)',
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook Pages',
  instagram: 'Instagram',
};

export function socialNetworkCatalog(env: SocialNetworksEnv): SocialNetworkInfo[] {
  return SOCIAL_NETWORKS.map((name) => {
    const info = { name, label: LABELS[name] };
    if (name === 'sandbox') {
      return env.SOCIAL_SANDBOX
        ? { ...info, status: 'available', reason: null }
        : { ...info, status: 'disabled', reason: 'SOCIAL_SANDBOX is off (always in production)' };
    }
    const missing = CREDENTIALS[name].filter((key) => !env[key]);
    if (missing.length > 0) {
      return { ...info, status: 'not_configured', reason: `Missing ${missing.join(', ')}` };
    }
    return {
      ...info,
      status: 'not_implemented',
      reason: 'The driver for this network is not built yet',
    };
  });
}

/** Drivers of the networks that can be connected here. */
export function createSocialNetworks(
  env: SocialNetworksEnv,
  sandboxStore?: SandboxPostStore,
): Map<SocialNetworkName, SocialNetwork> {
  const drivers = new Map<SocialNetworkName, SocialNetwork>();
  if (env.SOCIAL_SANDBOX) drivers.set('sandbox', new SandboxNetwork(sandboxStore));
  return drivers;
}
