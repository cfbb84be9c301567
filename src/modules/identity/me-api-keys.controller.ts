import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Query as QueryParams,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { CursorQueryDto } from '../../common/pagination';
import { CreateApiKeyCommand } from './commands/create-api-key/create-api-key.command';
import { MAX_LIVE_API_KEYS } from './commands/create-api-key/create-api-key.handler';
import { RevokeApiKeyCommand } from './commands/revoke-api-key/revoke-api-key.command';
import { ApiKeyPageDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';
import { ApiKeyUsageDto, ApiKeyUsageQueryDto } from './dto/api-key-usage.dto';
import { GetApiKeyUsageQuery } from './queries/get-api-key-usage/get-api-key-usage.query';
import { ListApiKeysQuery } from './queries/list-api-keys/list-api-keys.query';

/**
 * Managing keys needs a signed-in user (JWT): no route here declares an API-key
 * scope, so a key can neither mint nor revoke keys. Only creating one needs
 * Premium; listing and revoking stay open so a downgraded user can clean up.
 */
@ApiTags('me')
@Controller({ path: 'me/api-keys', version: '1' })
@Access('user')
export class ApiKeysController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  // Not @Idempotent: a replay would need the key's secret stored in idempotency_records.
  // The plan gate (the policies guard) refuses callers without API access with plan.upgrade_required.
  @Access('user', { feature: 'apiAccess' })
  @ApiOperation({
    summary: 'Create an API key (the secret is shown only in this response)',
    description:
      `Premium only (403 \`plan.upgrade_required\` otherwise). At most ${MAX_LIVE_API_KEYS} ` +
      'active keys (409 `api_key.limit_reached`). A key works only while its owner is on ' +
      'Premium: after a downgrade every key is refused at once, and works again on upgrade ' +
      'unless revoked or expired.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiProblems(400, 409)
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateApiKeyDto,
  ): Promise<CreatedApiKeyDto> {
    return this.commands.execute(
      new CreateApiKeyCommand(principal.userId, body.name, body.scopes, body.expiresAt ?? null),
    );
  }

  @Get()
  @ApiOperation({ summary: 'The caller’s API keys, newest first (never their secrets)' })
  @ApiOkResponse({ type: ApiKeyPageDto })
  @ApiProblems(400)
  list(
    @CurrentPrincipal() principal: Principal,
    @QueryParams() query: CursorQueryDto,
  ): Promise<ApiKeyPageDto> {
    return this.queries.execute(new ListApiKeysQuery(principal.userId, query.limit, query.cursor));
  }

  @Get(':id/usage')
  @ApiOperation({
    summary: 'Requests, errors and rate-limited calls of one of your keys, per UTC day',
    description:
      'Counted as the answers go out (may lag a request by a moment); kept 90 days. ' +
      'A key that is not yours: 404.',
  })
  @ApiOkResponse({ type: ApiKeyUsageDto })
  @ApiProblems(400, 404)
  usage(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @QueryParams() query: ApiKeyUsageQueryDto,
  ): Promise<ApiKeyUsageDto> {
    return this.queries.execute(new GetApiKeyUsageQuery(principal.userId, id, query.days));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key: it stops working immediately' })
  @ApiNoContentResponse({ description: 'Revoked (or already revoked)' })
  @ApiProblems(400, 404)
  revoke(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<void> {
    return this.commands.execute(new RevokeApiKeyCommand(principal.userId, id));
  }
}
