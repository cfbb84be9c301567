export { HooksModule } from './hooks.module';
export { hooksProblems } from './hooks.problems';
export { HookSubscription } from './entities/hook-subscription.entity';
export { HookDeliveryAttempt } from './entities/hook-delivery-attempt.entity';
export { HookDeactivated, HookSubscribed, HookUnsubscribed } from './events/hooks.events';
export { HOOK_EVENTS, HOOK_SAMPLES, type HookEventName, type HookPayload } from './hook-events';
