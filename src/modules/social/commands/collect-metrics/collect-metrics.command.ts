import { Command } from '@nestjs/cqrs';

/** Worker side: one metrics snapshot per recently published target. */
export class CollectMetricsCommand extends Command<{ collected: number; failed: number }> {}
