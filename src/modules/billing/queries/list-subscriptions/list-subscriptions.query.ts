import type { AdminSubscriptionsQueryDto } from '../../dto/billing.dto';

/** Admin: subscriptions by status and plan, most recently changed first. */
export class ListSubscriptionsQuery {
  constructor(readonly filter: AdminSubscriptionsQueryDto) {}
}
