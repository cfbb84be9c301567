import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '@lib/config';

/** Paths whose values never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
  '*.apiKey',
  '*.otp',
];

/**
 * The one pino logger of the process: Fastify logs through it and Nest's Logger
 * is adapted onto it. Redaction is compiled here, once, not per request.
 */
export function createRootLogger(config: AppConfig, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.env.LOG_LEVEL,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { pid: process.pid, role: config.env.APP_ROLE },
      // Fastify's own req/res serializers copy headers; the access line carries what we need.
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

/**
 * One access line per request, written after the answer is sent: method, route,
 * status, duration, request id and the signed-in user. Health probes log only failures.
 */
export function registerAccessLog(fastify: FastifyInstance, logger: Logger): void {
  if (!logger.isLevelEnabled('info')) return;
  fastify.addHook('onResponse', (request, reply, done) => {
    if (reply.statusCode < 400 && request.url.startsWith('/health')) return done();
    logger.info(accessLine(request, reply), 'request completed');
    done();
  });
}

function accessLine(
  request: FastifyRequest & { principal?: { userId: string } },
  reply: FastifyReply,
): Record<string, unknown> {
  return {
    reqId: request.id,
    method: request.method,
    route: request.routeOptions.url ?? 'unmatched',
    status: reply.statusCode,
    responseTime: Math.round(reply.elapsedTime * 100) / 100,
    userId: request.principal?.userId,
  };
}

/** Nest's Logger output through the same pino logger (context as a field). */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    // Nest appends the context last; before it may come a message (pino style) or a stack.
    const params = [...rest];
    const context = typeof params.at(-1) === 'string' ? (params.pop() as string) : undefined;
    const text = params.find((param): param is string => typeof param === 'string');
    if (message instanceof Error) {
      this.logger[level]({ context, err: message }, text ?? message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, ...message }, text);
    } else {
      this.logger[level](text ? { context, stack: text } : { context }, String(message));
    }
  }
}
