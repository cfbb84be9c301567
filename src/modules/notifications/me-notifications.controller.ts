import {
  Controller,
  Get,
  Headers,
  HttpCode,
  Post,
  Query as QueryParams,
  Req,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { ArchiveNotificationCommand } from './commands/archive-notification/archive-notification.command';
import { MarkAllNotificationsReadCommand } from './commands/mark-all-read/mark-all-read.command';
import { MarkNotificationReadCommand } from './commands/mark-read/mark-read.command';
import {
  ListNotificationsQueryDto,
  NotificationDto,
  NotificationPageDto,
  ReadAllResultDto,
  StreamTicketDto,
  UnreadCountDto,
} from './dto/notification.dto';
import { NotificationStreams } from './notification-streams';
import { ListNotificationsQuery } from './queries/list-notifications/list-notifications.query';
import { UnreadCountQuery } from './queries/unread-count/unread-count.query';

@ApiTags('notifications')
@Controller({ path: 'me/notifications', version: '1' })
export class MeNotificationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly streams: NotificationStreams,
  ) {}

  @Get()
  @Access('user')
  @ApiKeyScope('me:read')
  @ApiOperation({
    summary: 'The caller’s in-app notifications, newest first',
    description: '`filter`: `inbox` (not archived, default), `unread` or `archived`.',
  })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiProblems(400)
  list(
    @CurrentPrincipal() principal: Principal,
    @QueryParams() query: ListNotificationsQueryDto,
  ): Promise<NotificationPageDto> {
    return this.queries.execute(
      new ListNotificationsQuery(principal.userId, query.filter, query.limit, query.cursor),
    );
  }

  @Get('unread-count')
  @Access('user')
  @ApiKeyScope('me:read')
  @ApiOperation({ summary: 'How many notifications are unread (a badge shows "99+" beyond 99)' })
  @ApiOkResponse({ type: UnreadCountDto })
  unreadCount(@CurrentPrincipal() principal: Principal): Promise<UnreadCountDto> {
    return this.queries.execute(new UnreadCountQuery(principal.userId));
  }

  @Post('read-all')
  @HttpCode(200)
  @Access('user')
  @ApiOperation({ summary: 'Mark every unread notification read' })
  @ApiOkResponse({ type: ReadAllResultDto })
  readAll(@CurrentPrincipal() principal: Principal): Promise<ReadAllResultDto> {
    return this.commands.execute(new MarkAllNotificationsReadCommand(principal.userId));
  }

  @Post(':id/read')
  @HttpCode(200)
  @Access('user')
  @ApiOperation({ summary: 'Mark one notification read', description: 'Another user’s id: 404.' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiProblems(400, 404)
  read(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<NotificationDto> {
    return this.commands.execute(new MarkNotificationReadCommand(principal.userId, id));
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Access('user')
  @ApiOperation({
    summary: 'Archive one notification',
    description:
      'It leaves the inbox and the unread count; `filter=archived` lists it. Another user’s id: 404.',
  })
  @ApiOkResponse({ type: NotificationDto })
  @ApiProblems(400, 404)
  archive(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
  ): Promise<NotificationDto> {
    return this.commands.execute(new ArchiveNotificationCommand(principal.userId, id));
  }

  @Get('stream')
  @Access('user')
  @ApiOperation({
    summary: 'Live notifications and unread counts (Server-Sent Events)',
    description:
      'A `text/event-stream`: `event: notification` (id = the notification id, data = the ' +
      'notification), `event: unread-count` (data = the unread count, also sent on connect), ' +
      '`: heartbeat` comments while idle, and `event: closed` before the server ends it ' +
      '(`too_many_streams` when the user opens more than the limit, `shutdown`). ' +
      'Authenticate with the bearer token, or, from a browser `EventSource` (which cannot ' +
      'send headers), with `?ticket=` from `POST /v1/me/notifications/stream-ticket` (single ' +
      'use: reconnect with a new ticket and `lastEventId`). `Last-Event-ID` (or `lastEventId`) ' +
      'resumes: the stream first sends the notifications created after it.',
  })
  @ApiQuery({ name: 'ticket', required: false, description: 'Single-use stream ticket' })
  @ApiQuery({ name: 'lastEventId', required: false, description: 'Resume after this id' })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this id' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'The event stream (stays open)',
    content: {
      'text/event-stream': {
        schema: { type: 'string' },
        example:
          'id: 0193b0a4-5a7e-7c3e-9a51-3f0b2a6c9d10\nevent: notification\ndata: {"id":"0193b0a4-…"}\n\n',
      },
    },
  })
  async stream(
    @CurrentPrincipal() principal: Principal,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @QueryParams('lastEventId') lastEventIdQuery: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    await this.streams.open(
      principal.userId,
      reply.raw,
      lastEventIdHeader ?? lastEventIdQuery ?? null,
    );
  }

  @Post('stream-ticket')
  @Access('user')
  @ApiOperation({
    summary: 'A single-use ticket that opens the live stream without headers',
    description: 'For `new EventSource("/v1/me/notifications/stream?ticket=…")`; expires quickly.',
  })
  @ApiCreatedResponse({ type: StreamTicketDto })
  streamTicket(@Req() request: FastifyRequest): Promise<StreamTicketDto> {
    const token = (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    return this.streams.issueTicket(token);
  }
}
