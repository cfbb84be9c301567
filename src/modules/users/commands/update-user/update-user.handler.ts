import { LockMode } from '@mikro-orm/core';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { SessionService, User, UserTiers } from '../../../identity';
import { AdminUserDto, type UpdateUserDto } from '../../dto/admin-user.dto';
import { UpdateUserCommand } from './update-user.command';
import { usersProblems } from '../../users.problems';

/**
 * Applies an admin's changes in one transaction; each real change is an event
 * on the user stream (a repeated PATCH changes and records nothing). After the
 * commit, disabling ends every session and a new role expires the user's
 * access tokens. A new plan needs neither: `UserTiers` changes it, and tokens
 * already issued get its abilities at once (the auth guard reads the cached row).
 */
@CommandHandler(UpdateUserCommand)
export class UpdateUserHandler implements ICommandHandler<UpdateUserCommand, AdminUserDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionService,
    private readonly config: AppConfig,
    private readonly tiers: UserTiers,
  ) {}

  async execute({ actorId, userId, changes }: UpdateUserCommand): Promise<AdminUserDto> {
    if (userId === actorId) refuseSelfLockout(changes);
    const { user, roleChanged } = await this.uow.run(async (em) => {
      const user = await em.findOne(User, userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!user) throw Problem.notFound('User');
      const roleBefore = user.role;
      if (changes.tier) await this.tiers.change(em, user, changes.tier);
      if (changes.role) user.changeRole(changes.role);
      if (changes.locked === true) {
        user.lock(new Date(Date.now() + this.config.env.LOGIN_LOCK_SECONDS * 1000));
      }
      if (changes.locked === false) user.unlock();
      if (changes.disabled === true) user.disable();
      if (changes.disabled === false) user.enable();
      return { user, roleChanged: user.role !== roleBefore };
    });
    // Also when already disabled: a retry after a failed first attempt still ends the sessions.
    if (changes.disabled === true)
      await this.sessions.endAll(userId, { reason: 'account_disabled' });
    else if (roleChanged) await this.sessions.expireAccessTokens(userId);
    return AdminUserDto.from(user);
  }
}

/** An admin who disables, locks or demotes their own account could leave nobody to undo it. */
function refuseSelfLockout(changes: UpdateUserDto): void {
  if (
    changes.disabled === true ||
    changes.locked === true ||
    (changes.role !== undefined && changes.role !== 'admin')
  ) {
    throw usersProblems.problem(
      'users.self_lockout',
      'Admins cannot disable, lock or demote their own account; ask another admin',
    );
  }
}
