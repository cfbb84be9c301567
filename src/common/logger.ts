import type { Params } from 'nestjs-pino';
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

export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.env.LOG_LEVEL,
      // Fastify already assigned (or accepted) the id; see http-app.ts.
      genReqId: (req) => String(req.headers['x-request-id']),
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      customProps: () => ({ role: config.env.APP_ROLE }),
      autoLogging: { ignore: (req) => Boolean(req.url?.startsWith('/health')) },
      serializers: {
        req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url?.split('?')[0],
        }),
      },
    },
  };
}
