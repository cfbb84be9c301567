import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { SessionService, User } from '../../../identity';
import { ImpersonationDto } from '../../dto/impersonation.dto';
import { usersProblems } from '../../users.problems';
import { ImpersonateUserCommand } from './impersonate-user.command';

/**
 * Starts the impersonation session and records who, as whom, why and until when
 * (`identity.impersonation_started` on the user's audit trail), in one transaction.
 * Admins are never impersonated: an admin's session would reach every account, and
 * support never needs to see the console as another admin sees it.
 */
@CommandHandler(ImpersonateUserCommand)
export class ImpersonateUserHandler implements ICommandHandler<
  ImpersonateUserCommand,
  ImpersonationDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionService,
  ) {}

  async execute(command: ImpersonateUserCommand): Promise<ImpersonationDto> {
    const { adminId, userId, reason, minutes, client } = command;
    return this.uow.run(async (em, events) => {
      const user = await em.findOne(User, userId);
      if (!user) throw Problem.notFound('User');
      if (user.role === 'admin') {
        throw usersProblems.problem(
          'users.impersonation_refused',
          'Admin accounts cannot be impersonated',
        );
      }
      if (user.disabledAt) {
        throw usersProblems.problem(
          'users.impersonation_refused',
          'A disabled account cannot be impersonated',
        );
      }
      const expiresAt = new Date(Date.now() + minutes * 60_000);
      const { sessionId, access } = await this.sessions.startImpersonation(
        em,
        events,
        user,
        { adminId, reason, expiresAt },
        client,
      );
      return {
        sessionId,
        userId,
        accessToken: access.token,
        tokenType: 'Bearer',
        expiresIn: access.expiresIn,
        expiresAt: expiresAt.toISOString(),
        readOnly: true,
      };
    });
  }
}
