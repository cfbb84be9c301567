/** Events a hook can subscribe to (`noun.verb`, as Zapier triggers name them). */
export const HOOK_EVENTS = [
  'user.registered',
  'cv.completed',
  'job.applied',
  'subscription.started',
] as const;
export type HookEventName = (typeof HOOK_EVENTS)[number];

/** Events about other people: only admins may subscribe (a CRM Zap of new sign-ups). */
export const ADMIN_ONLY_HOOK_EVENTS: readonly HookEventName[] = ['user.registered'];

/** What every delivery's body looks like. */
export interface HookPayload<D extends object = Record<string, unknown>> {
  type: HookEventName;
  /** When the event happened (ISO 8601). */
  timestamp: string;
  data: D;
}

export interface UserRegisteredData {
  id: string;
  email: string;
  name: string;
  registered_at: string;
}

export interface CvCompletedData {
  id: string;
  title: string;
  created_at: string;
}

export interface JobAppliedData {
  id: string;
  job_id: string;
  job_title: string | null;
  company: string | null;
  status: string;
  applied_at: string;
}

export interface SubscriptionStartedData {
  subscription_id: string;
  plan: string;
  started_at: string;
}

const AT = '2026-12-01T09:30:00.000Z';

/** One record per event in the exact delivery shape, for Zap setup when the user has none yet. */
export const HOOK_SAMPLES: { [E in HookEventName]: HookPayload } = {
  'user.registered': {
    type: 'user.registered',
    timestamp: AT,
    data: {
      id: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      registered_at: AT,
    } satisfies UserRegisteredData,
  },
  'cv.completed': {
    type: 'cv.completed',
    timestamp: AT,
    data: {
      id: '01936f0e-8c1d-7a2b-b3c4-5d6e7f809102',
      title: 'Senior Backend Engineer',
      created_at: AT,
    } satisfies CvCompletedData,
  },
  'job.applied': {
    type: 'job.applied',
    timestamp: AT,
    data: {
      id: '01936f0e-9d2e-7b3c-84d5-6e7f8091a2b3',
      job_id: '01936f0e-ae3f-7c4d-95e6-7f8091a2b3c4',
      job_title: 'Platform Engineer',
      company: 'Acme Ltd',
      status: 'applied',
      applied_at: AT,
    } satisfies JobAppliedData,
  },
  'subscription.started': {
    type: 'subscription.started',
    timestamp: AT,
    data: {
      subscription_id: 'sub_1QZx2yA3bC4dE5fG',
      plan: 'premium',
      started_at: AT,
    } satisfies SubscriptionStartedData,
  },
};
