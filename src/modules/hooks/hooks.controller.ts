import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseEnumPipe,
  Post,
  Query as QueryParams,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { CursorQueryDto } from '../../common/pagination';
import { SubscribeHookCommand } from './commands/subscribe/subscribe-hook.command';
import { UnsubscribeHookCommand } from './commands/unsubscribe/unsubscribe-hook.command';
import {
  CreatedHookDto,
  HookDeliveryPageDto,
  HookPageDto,
  HookSampleListDto,
  SubscribeHookDto,
} from './dto/hook.dto';
import { HOOK_EVENTS, type HookEventName } from './hook-events';
import { ListHookDeliveriesQuery } from './queries/list-deliveries/list-deliveries.query';
import { ListHooksQuery } from './queries/list-hooks/list-hooks.query';
import { HookSamplesQuery } from './queries/samples/hook-samples.query';

const EVENT_VALUES = Object.fromEntries(HOOK_EVENTS.map((event) => [event, event]));

/**
 * Zapier REST hooks: subscribe, unsubscribe, list, sample records ("perform
 * list") and the delivery log. Premium (API access); API keys need `hooks:write`.
 */
@ApiTags('hooks')
@Controller({ path: 'hooks', version: '1' })
@Access('user', { feature: 'apiAccess' })
export class HooksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiKeyScope('hooks:write')
  @ApiOperation({
    summary: 'Subscribe a target URL to an event (the signing secret is shown only here)',
    description:
      'Deliveries are POSTs of `{type, timestamp, data}` signed the Standard Webhooks way ' +
      '(`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>` with ' +
      '`secret`). Timeouts, 429 and 5xx are retried with backoff and jitter; 410 Gone ' +
      'deactivates the subscription. The target must be https and resolve to public addresses ' +
      '(422 `hooks.unsafe_target`). `user.registered` is for administrators.',
  })
  @ApiCreatedResponse({ type: CreatedHookDto })
  @ApiProblems(400, 409, 422)
  subscribe(
    @CurrentPrincipal() principal: Principal,
    @Body() body: SubscribeHookDto,
  ): Promise<CreatedHookDto> {
    return this.commands.execute(new SubscribeHookCommand(principal, body.event, body.target_url));
  }

  @Get()
  @ApiKeyScope('hooks:write')
  @ApiOperation({ summary: 'The caller’s hook subscriptions, newest first (never their secrets)' })
  @ApiOkResponse({ type: HookPageDto })
  @ApiProblems(400)
  list(
    @CurrentPrincipal() principal: Principal,
    @QueryParams() query: CursorQueryDto,
  ): Promise<HookPageDto> {
    return this.queries.execute(new ListHooksQuery(principal.userId, query.limit, query.cursor));
  }

  @Get('samples/:event')
  @ApiKeyScope('hooks:write')
  @ApiParam({ name: 'event', enum: HOOK_EVENTS })
  @ApiOperation({
    summary: 'Recent records of an event, shaped exactly like its deliveries (perform list)',
    description:
      'The caller’s three most recent records of the event, as deliveries would carry them; a ' +
      'sample record when there are none yet (always for `subscription.started`).',
  })
  @ApiOkResponse({ type: HookSampleListDto })
  @ApiProblems(400)
  samples(
    @CurrentPrincipal() principal: Principal,
    @Param('event', new ParseEnumPipe(EVENT_VALUES)) event: HookEventName,
  ): Promise<HookSampleListDto> {
    return this.queries.execute(new HookSamplesQuery(principal, event));
  }

  @Get(':id/deliveries')
  @ApiKeyScope('hooks:write')
  @ApiOperation({
    summary: 'Every delivery attempt of a subscription, newest first',
    description:
      'Time, HTTP status, duration, error, attempt number and, while retrying, the next retry.',
  })
  @ApiOkResponse({ type: HookDeliveryPageDto })
  @ApiProblems(400, 404)
  deliveries(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @QueryParams() query: CursorQueryDto,
  ): Promise<HookDeliveryPageDto> {
    return this.queries.execute(
      new ListHookDeliveriesQuery(principal.userId, id, query.limit, query.cursor),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiKeyScope('hooks:write')
  @ApiOperation({ summary: 'Unsubscribe: nothing more is delivered to the target' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 404)
  async unsubscribe(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
  ): Promise<void> {
    await this.commands.execute(new UnsubscribeHookCommand(principal.userId, id));
  }
}
