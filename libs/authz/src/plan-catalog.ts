/** The single source of truth for what each plan offers. Seeded into `plans` at boot. */
export type Tier = 'free' | 'pro' | 'premium';
export type Role = 'user' | 'editor' | 'admin';
/** Every role; editors write the blog, admins manage everything. */
export const ROLES: readonly Role[] = ['user', 'editor', 'admin'];
export type Feature =
  | 'basicTemplates'
  | 'premiumTemplates'
  | 'jobSearch'
  | 'socialBasics'
  | 'aiEnhancement'
  | 'advancedAnalytics'
  | 'teamCollaboration'
  | 'apiAccess';

export interface PlanQuotas {
  cvs: number;
  savedSearches: number;
  savedJobs: number;
  jobApplications: number;
  socialAccounts: number;
  scheduledPosts: number;
  aiCallsPerHour: number;
}

export interface PlanRateLimits {
  /** Requests per hour for API-key calls. */
  apiPerHour: number;
  uploadsPerHour: number;
  socialPostsPerHour: number;
  aiPerHour: number;
  /** PDFs rendered again on request (`Cache-Control: no-cache`): each one is a Chromium render. */
  pdfRendersPerHour: number;
  /** CVs made from uploaded files: each one runs the AI parser. */
  cvImportsPerHour: number;
}

export interface Plan {
  tier: Tier;
  name: string;
  priceCents: number;
  currency: 'usd';
  interval: 'month' | null;
  features: Feature[];
  quotas: PlanQuotas;
  rateLimits: PlanRateLimits;
}

const FREE_FEATURES: Feature[] = ['basicTemplates', 'jobSearch', 'socialBasics'];
const PRO_FEATURES: Feature[] = [
  ...FREE_FEATURES,
  'premiumTemplates',
  'aiEnhancement',
  'advancedAnalytics',
];

export const PLAN_CATALOG: Readonly<Record<Tier, Plan>> = Object.freeze({
  free: {
    tier: 'free',
    name: 'Free',
    priceCents: 0,
    currency: 'usd',
    interval: null,
    features: FREE_FEATURES,
    quotas: {
      cvs: 3,
      savedSearches: 3,
      savedJobs: 50,
      jobApplications: 25,
      socialAccounts: 2,
      scheduledPosts: 5,
      aiCallsPerHour: 0,
    },
    rateLimits: {
      apiPerHour: 0,
      uploadsPerHour: 20,
      socialPostsPerHour: 20,
      aiPerHour: 0,
      pdfRendersPerHour: 10,
      cvImportsPerHour: 5,
    },
  },
  pro: {
    tier: 'pro',
    name: 'Pro',
    priceCents: 2999,
    currency: 'usd',
    interval: 'month',
    features: PRO_FEATURES,
    quotas: {
      cvs: 20,
      savedSearches: 20,
      savedJobs: 1000,
      jobApplications: 500,
      socialAccounts: 4,
      scheduledPosts: 100,
      aiCallsPerHour: 10,
    },
    rateLimits: {
      apiPerHour: 0,
      uploadsPerHour: 60,
      socialPostsPerHour: 40,
      aiPerHour: 10,
      pdfRendersPerHour: 60,
      cvImportsPerHour: 20,
    },
  },
  premium: {
    tier: 'premium',
    name: 'Premium',
    priceCents: 4999,
    currency: 'usd',
    interval: 'month',
    features: [...PRO_FEATURES, 'teamCollaboration', 'apiAccess'],
    quotas: {
      cvs: 100,
      savedSearches: 100,
      savedJobs: 10000,
      jobApplications: 5000,
      socialAccounts: 12,
      scheduledPosts: 1000,
      aiCallsPerHour: 30,
    },
    rateLimits: {
      apiPerHour: 100,
      uploadsPerHour: 120,
      socialPostsPerHour: 60,
      aiPerHour: 30,
      pdfRendersPerHour: 120,
      cvImportsPerHour: 40,
    },
  },
});

export const TIERS = Object.keys(PLAN_CATALOG) as Tier[];

/** The cheapest tier whose plan includes the feature: what a caller without it must upgrade to. */
export function requiredPlanFor(feature: Feature): Tier {
  const tiers = TIERS.filter((tier) => PLAN_CATALOG[tier].features.includes(feature)).sort(
    (a, b) => PLAN_CATALOG[a].priceCents - PLAN_CATALOG[b].priceCents,
  );
  if (!tiers[0]) throw new Error(`No plan includes the feature "${feature}"`);
  return tiers[0];
}

/** The cheapest tier allowing more than `limit` of `quota`: what lifts it (none past the top plan). */
export function requiredPlanForQuota(quota: keyof PlanQuotas, limit: number): Tier | undefined {
  return TIERS.filter((tier) => PLAN_CATALOG[tier].quotas[quota] > limit).sort(
    (a, b) => PLAN_CATALOG[a].priceCents - PLAN_CATALOG[b].priceCents,
  )[0];
}
