import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { SocialAccountDto } from '../../dto/social-account.dto';
import { SocialAccount } from '../../entities/social-account.entity';
import { SocialQueueSlot } from '../../entities/social-queue-slot.entity';
import { isTimeZone } from '../../services/queue-slots';
import { socialProblems } from '../../social.problems';
import { SetQueueSlotsCommand } from './set-queue-slots.command';

/** Replaces an account's weekly posting grid (and the zone its times are read in). */
@CommandHandler(SetQueueSlotsCommand)
export class SetQueueSlotsHandler implements ICommandHandler<SetQueueSlotsCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ actor, accountId, input }: SetQueueSlotsCommand): Promise<SocialAccountDto> {
    if (input.timezone !== undefined && !isTimeZone(input.timezone)) {
      throw Problem.badRequest('validation.failed', 'Unknown time zone', [
        { path: '$.timezone', message: 'must be an IANA time zone such as Europe/Berlin' },
      ]);
    }
    return this.uow.run(async (em) => {
      const account = await em.findOne(SocialAccount, { id: accountId, userId: actor.userId });
      if (!account)
        throw socialProblems.problem('social.account_not_found', `No account ${accountId}`);
      if (input.timezone) account.timezone = input.timezone;
      account.updatedAt = new Date();
      await em.nativeDelete(SocialQueueSlot, { account: account.id });
      const unique = new Map(input.slots.map((s) => [`${s.weekday} ${s.time}`, s]));
      const slots = [...unique.values()].map((s) =>
        em.create(SocialQueueSlot, { account, weekday: s.weekday, time: s.time }),
      );
      return SocialAccountDto.of(account, slots);
    });
  }
}
