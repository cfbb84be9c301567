import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { UnitOfWork } from '@lib/event-store';
import { EmailVerification } from '../../email-verification';
import { User } from '../../entities/user.entity';
import { ResendVerificationCommand } from './resend-verification.command';

@CommandHandler(ResendVerificationCommand)
export class ResendVerificationHandler implements ICommandHandler<ResendVerificationCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly verification: EmailVerification,
  ) {}

  execute({ userId }: ResendVerificationCommand): Promise<void> {
    return this.uow.run(async (em) => {
      const user = await em.findOneOrFail(User, userId);
      if (user.emailVerifiedAt) {
        throw Problem.conflict(
          'auth.email_already_verified',
          'The email address is already confirmed',
        );
      }
      await this.verification.send(em, user);
    });
  }
}
