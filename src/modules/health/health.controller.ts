import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  MikroOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import Redis from 'ioredis';
import { InjectRedis, Queues } from '@lib/queue';
import { Access, ApiProblems } from '../../common/access.decorator';

const PING_TIMEOUT_MS = 2000;

/**
 * Whether a Redis PING answered in time. While Redis is down a client keeps the
 * command queued through its reconnect attempts (Bull's clients for ever), so
 * without a deadline the probe would hang instead of answering 503.
 */
async function answers(ping: Promise<string>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      ping.then((answer) => answer === 'PONG').catch(() => false),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
@Access('public')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly db: MikroOrmHealthIndicator,
    @InjectRedis() private readonly redis: Redis,
    private readonly queues: Queues,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({
    schema: { type: 'object', properties: { status: { type: 'string', example: 'ok' } } },
  })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  // Terminus documents its own JSON 503, but our error filter answers a problem document.
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Readiness: PostgreSQL, Redis and the queues answer' })
  @ApiOkResponse({
    description: 'Every dependency answers',
    schema: {
      type: 'object',
      required: ['status'],
      properties: {
        status: { type: 'string', example: 'ok' },
        info: {
          type: 'object',
          additionalProperties: true,
          example: { postgres: { status: 'up' } },
        },
        error: { type: 'object', additionalProperties: true, example: {} },
        details: { type: 'object', additionalProperties: true },
      },
    },
  })
  @ApiProblems(503)
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.db.pingCheck('postgres', { timeout: PING_TIMEOUT_MS }),
      async () => {
        const check = this.indicator.check('redis');
        return (await answers(this.redis.ping())) ? check.up() : check.down();
      },
      async () => {
        const check = this.indicator.check('queues');
        const queues = this.queues.all();
        const states = await Promise.all(queues.map((queue) => answers(queue.client.ping())));
        return states.every(Boolean) ? check.up({ queues: queues.length }) : check.down();
      },
    ]);
  }
}
