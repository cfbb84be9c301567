import { Body, Controller, Get, Patch, Query as QueryParams } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { UpdateUserCommand } from './commands/update-user/update-user.command';
import {
  AdminUserDto,
  AdminUserPageDto,
  ListUsersQueryDto,
  UpdateUserDto,
} from './dto/admin-user.dto';
import { ListUsersQuery } from './queries/list-users/list-users.query';

@ApiTags('admin')
@Controller({ path: 'admin/users', version: '1' })
@Access('admin')
export class AdminUsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Find users by email or name, plan and role, newest first' })
  @ApiOkResponse({ type: AdminUserPageDto })
  @ApiProblems(400)
  list(@QueryParams() query: ListUsersQueryDto): Promise<AdminUserPageDto> {
    return this.queries.execute(new ListUsersQuery(query));
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change a user's plan or role, lock or unlock sign-in, disable or enable the account",
    description:
      'Each change is recorded on the user’s audit stream (identity.user_tier_changed, ' +
      'identity.user_role_changed, identity.user_locked, identity.user_unlocked, ' +
      'identity.user_disabled, identity.user_enabled). A new role or plan takes effect at once: ' +
      'the user’s access tokens stop working and their next refresh carries it. Disabling ' +
      'ends every session. Admins cannot disable, lock or demote themselves (409 users.self_lockout).',
  })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiProblems(400, 404, 409)
  update(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Body() body: UpdateUserDto,
  ): Promise<AdminUserDto> {
    return this.commands.execute(new UpdateUserCommand(principal.userId, id, body));
  }
}
