import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { SecretBox } from '@lib/crypto';
import { UnitOfWork } from '@lib/event-store';
import { checkOutboundTarget, UnsafeTargetError } from '@lib/providers';
import { newWebhookSecret } from '../../delivery/webhook-signature';
import { CreatedHookDto, HookDto } from '../../dto/hook.dto';
import { HookSubscription, hookSecretContext } from '../../entities/hook-subscription.entity';
import { HookSubscribed } from '../../events/hooks.events';
import { ADMIN_ONLY_HOOK_EVENTS } from '../../hook-events';
import { hooksProblems } from '../../hooks.problems';
import { SubscribeHookCommand } from './subscribe-hook.command';

/**
 * Checks the target with the SSRF guard (it is checked again on every delivery
 * and redirect: DNS can change), then stores the subscription with a new
 * secret sealed to its row. One subscription per (user, event, target URL),
 * at most HOOKS_MAX_PER_USER per user.
 */
@CommandHandler(SubscribeHookCommand)
export class SubscribeHookHandler implements ICommandHandler<SubscribeHookCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly box: SecretBox,
    private readonly config: AppConfig,
  ) {}

  async execute({ principal, event, targetUrl }: SubscribeHookCommand): Promise<CreatedHookDto> {
    if (ADMIN_ONLY_HOOK_EVENTS.includes(event) && principal.role !== 'admin') {
      throw hooksProblems.problem('hooks.event_not_allowed', `${event} is for administrators.`);
    }
    try {
      await checkOutboundTarget(targetUrl, { production: this.config.isProduction });
    } catch (error) {
      if (error instanceof UnsafeTargetError) {
        throw hooksProblems.problem('hooks.unsafe_target', `target_url refused: ${error.message}`);
      }
      throw error;
    }
    const userId = principal.userId;
    const secret = newWebhookSecret();
    try {
      return await this.uow.run(async (em, events) => {
        // Serialises one user's subscribes, so the limit holds under concurrency.
        await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`hooks:${userId}`]);
        const count = await em.count(HookSubscription, { userId });
        if (count >= this.config.env.HOOKS_MAX_PER_USER) {
          throw hooksProblems.problem(
            'hooks.limit_reached',
            `At most ${this.config.env.HOOKS_MAX_PER_USER} hook subscriptions per user.`,
          );
        }
        const hook = em.create(HookSubscription, {
          userId,
          event,
          targetUrl,
          secretSealed: '',
          active: true,
          createdAt: new Date(),
        });
        hook.secretSealed = this.box.seal(secret, hookSecretContext(hook.id));
        events.record(new HookSubscribed(hook.id, { userId, event, targetUrl }));
        await em.flush();
        return { ...HookDto.from(hook), secret };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw hooksProblems.problem(
          'hooks.duplicate',
          'This event is already delivered to this target URL.',
        );
      }
      throw error;
    }
  }
}
