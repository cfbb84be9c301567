export * from './social-network.port';
export {
  NETWORK_RULES,
  textLength,
  validateContent,
  type NetworkRules,
  type RuleName,
  type RuleViolation,
} from './network-rules';
export { metaRateLimit, xRateLimit } from './rate-limit-headers';
export {
  createSocialNetworks,
  socialNetworkCatalog,
  type SocialNetworkInfo,
  type SocialNetworkStatus,
  type SocialNetworksEnv,
} from './social-networks';
export {
  InMemorySandboxPostStore,
  RedisSandboxPostStore,
  SandboxNetwork,
  type SandboxPostStore,
} from './drivers/sandbox.driver';
export { LinkedInNetwork, escapeLittleText, unescapeLittleText } from './drivers/linkedin.driver';
export { XNetwork } from './drivers/x.driver';
export { FacebookNetwork } from './drivers/facebook.driver';
export { InstagramNetwork } from './drivers/instagram.driver';
