import { LockMode } from '@mikro-orm/core';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { SessionService, User } from '../../../identity';
import { AdminUserDto, type UpdateUserDto } from '../../dto/admin-user.dto';
import { UpdateUserCommand } from './update-user.command';
import { usersProblems } from '../../users.problems';

/**
 * Applies an admin's changes in one transaction; each real change is an event
 * on the user stream (a repeated PATCH changes and records nothing). After the
 * commit, disabling ends every session, and a new role or plan expires the
 * user's access tokens so that the next refresh carries it.
 */
@CommandHandler(UpdateUserCommand)
export class UpdateUserHandler implements ICommandHandler<UpdateUserCommand, AdminUserDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionService,
    private readonly config: AppConfig,
  ) {}

  async execute({ actorId, userId, changes }: UpdateUserCommand): Promise<AdminUserDto> {
    if (userId === actorId) refuseSelfLockout(changes);
    const { user, claimsChanged } = await this.uow.run(async (em) => {
      const user = await em.findOne(User, userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!user) throw Problem.notFound('User');
      const before = `${user.role}/${user.tier}`;
      if (changes.tier) user.changeTier(changes.tier);
      if (changes.role) user.changeRole(changes.role);
      if (changes.locked === true) {
        user.lock(new Date(Date.now() + this.config.env.LOGIN_LOCK_SECONDS * 1000));
      }
      if (changes.locked === false) user.unlock();
      if (changes.disabled === true) user.disable();
      if (changes.disabled === false) user.enable();
      return { user, claimsChanged: `${user.role}/${user.tier}` !== before };
    });
    // Also when already disabled: a retry after a failed first attempt still ends the sessions.
    if (changes.disabled === true)
      await this.sessions.endAll(userId, { reason: 'account_disabled' });
    else if (claimsChanged) await this.sessions.expireAccessTokens(userId);
    return AdminUserDto.from(user);
  }
}

/** An admin who disables, locks or demotes their own account could leave nobody to undo it. */
function refuseSelfLockout(changes: UpdateUserDto): void {
  if (changes.disabled === true || changes.locked === true || changes.role === 'user') {
    throw usersProblems.problem(
      'users.self_lockout',
      'Admins cannot disable, lock or demote their own account; ask another admin',
    );
  }
}
