import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { AppConfig } from '@lib/config';
import { Access } from '../../common/access.decorator';
import { QueueBoardSessionDto } from './dto/queue-board-session.dto';
import { boardTokenOf, QUEUE_BOARD_COOKIE } from './queue-board-auth';
import { QUEUE_BOARD_PATH } from './queue-board';

/** `/v1/admin/queues`: opening the queues console (Bull Board at /admin/queues) in a browser. */
@ApiTags('admin')
@Controller({ path: 'admin/queues', version: '1' })
@Access('admin')
export class AdminQueuesController {
  constructor(private readonly config: AppConfig) {}

  @Post('session')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Let this browser open the queues console: an HttpOnly cookie scoped to /admin/queues',
    description:
      'A browser cannot send a bearer token when it loads a page, so the caller’s access token ' +
      'is set as an HttpOnly, SameSite=Strict cookie (Secure in production) sent only to ' +
      `${QUEUE_BOARD_PATH}, and expires with it. The console checks it like any bearer token: ` +
      'admins only, revoked tokens refused. Scripts and tools may send the bearer token instead.',
  })
  @ApiOkResponse({ type: QueueBoardSessionDto })
  start(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): QueueBoardSessionDto {
    const expiresAt = principal.tokenExpiresAt ?? new Date();
    const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
    const cookie = [
      `${QUEUE_BOARD_COOKIE}=${boardTokenOf(request) ?? ''}`,
      `Path=${QUEUE_BOARD_PATH}`,
      `Max-Age=${maxAge}`,
      'HttpOnly',
      'SameSite=Strict',
      ...(this.config.isProduction ? ['Secure'] : []),
    ].join('; ');
    void reply.header('set-cookie', cookie);
    return { url: QUEUE_BOARD_PATH, expiresAt: expiresAt.toISOString() };
  }
}
