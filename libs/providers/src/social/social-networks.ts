import { FACEBOOK_DEFAULTS, FacebookNetwork } from './drivers/facebook.driver';
import { INSTAGRAM_DEFAULTS, InstagramNetwork } from './drivers/instagram.driver';
import { LINKEDIN_DEFAULTS, LinkedInNetwork } from './drivers/linkedin.driver';
import { SandboxNetwork, type SandboxPostStore } from './drivers/sandbox.driver';
import { X_DEFAULTS, XNetwork } from './drivers/x.driver';
import { SOCIAL_NETWORKS, type SocialNetwork, type SocialNetworkName } from './social-network.port';

/**
 * `available`: can be connected here. `not_configured`: its OAuth app credentials are
 * missing. `disabled`: the sandbox where it is switched off (always in production).
 */
type RealNetworkName = Exclude<SocialNetworkName, 'sandbox'>;

export type SocialNetworkStatus = 'available' | 'not_configured' | 'disabled';

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
  LINKEDIN_API_BASE?: string;
  LINKEDIN_AUTH_BASE?: string;
  X_API_BASE?: string;
  X_AUTH_BASE?: string;
  FACEBOOK_GRAPH_BASE?: string;
  FACEBOOK_AUTH_BASE?: string;
  INSTAGRAM_GRAPH_BASE?: string;
  INSTAGRAM_AUTH_BASE?: string;
  /** Deadline of one call to a network. */
  SOCIAL_HTTP_TIMEOUT_MS?: number;
  /** Between two reads of an Instagram media container's status. */
  SOCIAL_INSTAGRAM_POLL_MS?: number;
}

const CREDENTIALS: Record<RealNetworkName, [keyof SocialNetworksEnv, keyof SocialNetworksEnv]> = {
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
    const missing = missingCredentials(env, name);
    if (missing.length > 0) {
      return { ...info, status: 'not_configured', reason: `Missing ${missing.join(', ')}` };
    }
    return { ...info, status: 'available', reason: null };
  });
}

function missingCredentials(env: SocialNetworksEnv, name: RealNetworkName): string[] {
  return CREDENTIALS[name].filter((key) => !env[key]);
}

/** What every real driver gets: the OAuth app's credentials and the call deadline. */
interface DriverBase {
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
}

/** Each real network's driver, with its endpoints (overridable for tests) added to the base. */
const REAL_DRIVERS: Record<
  RealNetworkName,
  (env: SocialNetworksEnv, base: DriverBase) => SocialNetwork
> = {
  linkedin: (env, base) =>
    new LinkedInNetwork({
      ...base,
      authBase: env.LINKEDIN_AUTH_BASE ?? LINKEDIN_DEFAULTS.authBase,
      apiBase: env.LINKEDIN_API_BASE ?? LINKEDIN_DEFAULTS.apiBase,
    }),
  x: (env, base) =>
    new XNetwork({
      ...base,
      authBase: env.X_AUTH_BASE ?? X_DEFAULTS.authBase,
      apiBase: env.X_API_BASE ?? X_DEFAULTS.apiBase,
    }),
  facebook: (env, base) =>
    new FacebookNetwork({
      ...base,
      authBase: env.FACEBOOK_AUTH_BASE ?? FACEBOOK_DEFAULTS.authBase,
      apiBase: env.FACEBOOK_GRAPH_BASE ?? FACEBOOK_DEFAULTS.apiBase,
    }),
  instagram: (env, base) =>
    new InstagramNetwork({
      ...base,
      authBase: env.INSTAGRAM_AUTH_BASE ?? INSTAGRAM_DEFAULTS.authBase,
      tokenBase: env.INSTAGRAM_AUTH_BASE ?? INSTAGRAM_DEFAULTS.tokenBase,
      apiBase: env.INSTAGRAM_GRAPH_BASE ?? INSTAGRAM_DEFAULTS.apiBase,
      pollIntervalMs: env.SOCIAL_INSTAGRAM_POLL_MS,
    }),
};

/** Drivers of the networks that can be connected here. */
export function createSocialNetworks(
  env: SocialNetworksEnv,
  sandboxStore?: SandboxPostStore,
): Map<SocialNetworkName, SocialNetwork> {
  const drivers = new Map<SocialNetworkName, SocialNetwork>();
  if (env.SOCIAL_SANDBOX) drivers.set('sandbox', new SandboxNetwork(sandboxStore));
  const timeoutMs = env.SOCIAL_HTTP_TIMEOUT_MS ?? 20_000;
  for (const name of Object.keys(REAL_DRIVERS) as RealNetworkName[]) {
    if (missingCredentials(env, name).length > 0) continue;
    const [idKey, secretKey] = CREDENTIALS[name];
    const base = { clientId: String(env[idKey]), clientSecret: String(env[secretKey]), timeoutMs };
    drivers.set(name, REAL_DRIVERS[name](env, base));
  }
  return drivers;
}
