import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { UnitOfWork } from '@lib/event-store';
import { User } from '../../entities/user.entity';
import { UserTokens } from '../../sessions/user-tokens';
import { VerifyEmailCommand } from './verify-email.command';

@CommandHandler(VerifyEmailCommand)
export class VerifyEmailHandler implements ICommandHandler<VerifyEmailCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: UserTokens,
  ) {}

  async execute({ token }: VerifyEmailCommand): Promise<void> {
    const verified = await this.uow.run(async (em) => {
      const userId = await this.tokens.consume(em, token, 'email_verification');
      const user = userId ? await em.findOne(User, userId) : null;
      user?.verifyEmail();
      return Boolean(user);
    });
    if (!verified) {
      throw Problem.badRequest('auth.invalid_email_token', 'The link is invalid, used or expired');
    }
  }
}
