import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { deliverabilityProblems } from '../../deliverability.problems';
import { EmailSuppression } from '../../entities/email-suppression.entity';
import { SuppressionCleared } from '../../events/deliverability.events';
import { normalizeEmail } from '../../suppression-list';
import { ClearSuppressionCommand } from './clear-suppression.command';

/** An admin clears a suppression (e.g. the user fixed their mailbox); mail flows again. */
@CommandHandler(ClearSuppressionCommand)
export class ClearSuppressionHandler implements ICommandHandler<ClearSuppressionCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ key }: ClearSuppressionCommand): Promise<void> {
    await this.uow.run(async (em, events) => {
      const where = 'id' in key ? { id: key.id } : { email: normalizeEmail(key.email) };
      const suppression = await em.findOne(EmailSuppression, where);
      if (!suppression) {
        throw deliverabilityProblems.problem(
          'deliverability.suppression_not_found',
          'That address is not suppressed.',
        );
      }
      em.remove(suppression);
      events.record(new SuppressionCleared(suppression.id, { reason: suppression.reason }));
    });
  }
}
