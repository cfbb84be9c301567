import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type Redis from 'ioredis';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { AppConfig } from '@lib/config';
import { InjectRedis } from '@lib/queue';
import { Access } from '../../common/access.decorator';
import { QueueBoardSessionDto } from './dto/queue-board-session.dto';
import { QUEUE_BOARD_COOKIE } from './queue-board-auth';
import { QueueBoardSessions, QUEUE_BOARD_SESSION_MAX_SECONDS } from './queue-board-sessions';
import { QUEUE_BOARD_PATH } from './queue-board';

/** `/v1/admin/queues`: opening the queues console (Bull Board at /admin/queues) in a browser. */
@ApiTags('admin')
@Controller({ path: 'admin/queues', version: '1' })
@Access('admin')
export class AdminQueuesController {
  private readonly sessions: QueueBoardSessions;

  constructor(
    private readonly config: AppConfig,
    @InjectRedis() redis: Redis,
  ) {
    this.sessions = new QueueBoardSessions(redis);
  }

  @Post('session')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Let this browser open the queues console: an HttpOnly cookie scoped to /admin/queues',
    description:
      'A browser cannot send a bearer token when it loads a page, so this opens a console session: ' +
      'an opaque random id (never the access token) in an HttpOnly, SameSite=Strict cookie (Secure in ' +
      `production) sent only to ${QUEUE_BOARD_PATH}, kept in Redis for ${QUEUE_BOARD_SESSION_MAX_SECONDS / 60} ` +
      'minutes at most and never past the access token it was opened with. Each console request ' +
      're-checks it: admins only, and refused once that access token is revoked (sign-out) or the ' +
      'account is locked or disabled. Scripts and tools may send the bearer token instead.',
  })
  @ApiOkResponse({ type: QueueBoardSessionDto })
  async start(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<QueueBoardSessionDto> {
    const now = Date.now();
    const { id, expiresAt } = await this.sessions.open(principal, now);
    const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now) / 1000));
    const cookie = [
      `${QUEUE_BOARD_COOKIE}=${id}`,
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
