import { Processor } from '@nestjs/bull';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bull';
import { auditContext } from '@lib/event-store';
import { QUEUES, TracedProcess } from '@lib/queue';
import { CollectMetricsCommand } from '../commands/collect-metrics/collect-metrics.command';
import { ConfirmTargetCommand } from '../commands/confirm-target/confirm-target.command';
import { PublishTargetCommand } from '../commands/publish-target/publish-target.command';
import { RefreshTokensCommand } from '../commands/refresh-tokens/refresh-tokens.command';
import {
  SOCIAL_COLLECT_METRICS,
  SOCIAL_CONFIRM,
  SOCIAL_PUBLISH,
  SOCIAL_REFRESH_TOKENS,
  type ConfirmTargetJob,
  type PublishTargetJob,
} from './social-jobs';

const system = (id: string, job: Job) => ({
  actor: { type: 'system' as const, id },
  causationId: String(job.id),
});

/** Worker side of the social publisher. */
@Processor(QUEUES.scheduled)
export class SocialProcessor {
  constructor(private readonly commands: CommandBus) {}

  /** Queued with one attempt: a failed publish is settled on the target, never sent again here. */
  @TracedProcess({ name: SOCIAL_PUBLISH, concurrency: 4 })
  publish(job: Job<PublishTargetJob>): Promise<string> {
    return auditContext.run(system('social-publisher', job), () =>
      this.commands.execute(
        new PublishTargetCommand(job.data.targetId, new Date(job.data.scheduledAt)),
      ),
    );
  }

  @TracedProcess({ name: SOCIAL_CONFIRM, concurrency: 2 })
  confirm(job: Job<ConfirmTargetJob>): Promise<string> {
    return auditContext.run(system('social-publisher', job), () =>
      this.commands.execute(new ConfirmTargetCommand(job.data.targetId)),
    );
  }

  @TracedProcess({ name: SOCIAL_REFRESH_TOKENS, concurrency: 1 })
  refresh(job: Job): Promise<object> {
    return auditContext.run(system('social-tokens', job), () =>
      this.commands.execute(new RefreshTokensCommand()),
    );
  }

  @TracedProcess({ name: SOCIAL_COLLECT_METRICS, concurrency: 1 })
  metrics(job: Job): Promise<object> {
    return auditContext.run(system('social-metrics', job), () =>
      this.commands.execute(new CollectMetricsCommand()),
    );
  }
}
