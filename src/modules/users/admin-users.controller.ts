import {
  Body,
  Controller,
  Get,
  HttpCode,
  Patch,
  Post,
  Query as QueryParams,
  Req,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { DataExportAcceptedDto, RequestDataExportCommand } from '../data-export';
import { ImpersonateUserCommand } from './commands/impersonate-user/impersonate-user.command';
import {
  IMPERSONATION_DEFAULT_MINUTES,
  ImpersonationDto,
  StartImpersonationDto,
} from './dto/impersonation.dto';
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

  @Post(':id/impersonation')
  @ApiOperation({
    summary:
      'Start a read-only session as the user (support), with a reason, for 30 minutes at most',
    description:
      'Returns an access token for the user that cannot be refreshed and refuses every ' +
      'request but GET and HEAD (403 auth.impersonation_read_only). The session is listed ' +
      'in the user’s GET /v1/me/sessions (with the admin and the reason), the user can end ' +
      'it there, and identity.impersonation_started records it on the audit trail. Admin ' +
      'and disabled accounts cannot be impersonated (409 users.impersonation_refused).',
  })
  @ApiCreatedResponse({ type: ImpersonationDto })
  @ApiProblems(400, 404, 409)
  impersonate(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Body() body: StartImpersonationDto,
    @Req() request: FastifyRequest,
  ): Promise<ImpersonationDto> {
    return this.commands.execute(
      new ImpersonateUserCommand(
        principal.userId,
        id,
        body.reason,
        body.minutes ?? IMPERSONATION_DEFAULT_MINUTES,
        { ip: request.ip, userAgent: request.headers['user-agent'] },
      ),
    );
  }

  @Post(':id/export')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Export all of a user’s data (a GDPR request received by support)',
    description:
      'Same export as POST /v1/me/export: built in the background, the signed link is emailed ' +
      'to the user, never to the admin; data_export.requested records which admin asked.',
  })
  @ApiAcceptedResponse({ type: DataExportAcceptedDto })
  @ApiProblems(400, 404, 503)
  export(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
  ): Promise<DataExportAcceptedDto> {
    return this.commands.execute(new RequestDataExportCommand(id, principal.userId));
  }
}
