import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ImpersonateUserHandler } from './commands/impersonate-user/impersonate-user.handler';
import { UpdateUserHandler } from './commands/update-user/update-user.handler';
import { ListUsersHandler } from './queries/list-users/list-users.handler';
import { AdminUsersController } from './admin-users.controller';

/** User administration (admins only): search accounts, change plan, role, lock and status. */
@Module({
  imports: [CqrsModule],
  controllers: [AdminUsersController],
  providers: [ListUsersHandler, UpdateUserHandler, ImpersonateUserHandler],
})
export class UsersModule {}
