import { trace } from '@opentelemetry/api';
import type { ErrorEvent } from '@sentry/node';
import type { AppConfig } from '@lib/config';
import { scrub } from './scrub';

export interface ErrorContext {
  requestId?: string;
  userId?: string;
  /** The request that failed; the query string is dropped, headers are scrubbed. */
  request?: { method: string; url: string; headers: Record<string, unknown> };
  /** The job that failed for good. Its data is not sent: it may hold personal data. */
  job?: { queue: string; name: string; id: string; attempts: number };
}

/** Sends unexpected errors (5xx, jobs that failed for good) to an error tracker. */
export abstract class ErrorReporter {
  abstract report(error: unknown, context: ErrorContext): void;
  /** Sends what is still queued; called on shutdown. */
  abstract flush(): Promise<void>;
}

/** Without SENTRY_DSN: reports go nowhere (the log line of the error stays). */
export class NoErrorReporter extends ErrorReporter {
  report(): void {}
  flush(): Promise<void> {
    return Promise.resolve();
  }
}

type SentrySdk = typeof import('@sentry/node');

/**
 * Sentry without its own tracing or auto-instrumentation (traces are
 * OpenTelemetry's job): only the errors we hand it, each tagged with the request
 * id, the user id and the trace id, and scrubbed of credentials before sending.
 */
export class SentryErrorReporter extends ErrorReporter {
  private readonly sentry: SentrySdk;

  constructor(config: AppConfig, dsn: string) {
    super();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only with a DSN
    this.sentry = require('@sentry/node') as SentrySdk;
    this.sentry.init({
      dsn,
      environment: config.env.SENTRY_ENVIRONMENT ?? config.env.NODE_ENV,
      defaultIntegrations: false,
      integrations: [this.sentry.linkedErrorsIntegration()],
      skipOpenTelemetrySetup: true,
      registerEsmLoaderHooks: false,
      sendDefaultPii: false,
      beforeSend: scrubEvent,
      beforeBreadcrumb: () => null,
    });
  }

  report(error: unknown, context: ErrorContext): void {
    const traceId = trace.getActiveSpan()?.spanContext().traceId;
    this.sentry.captureException(error, (scope) => {
      scope.setTags({
        ...(context.requestId ? { request_id: context.requestId } : {}),
        ...(traceId ? { trace_id: traceId } : {}),
        ...(context.job ? { queue: context.job.queue, job_name: context.job.name } : {}),
      });
      if (context.userId) scope.setUser({ id: context.userId });
      if (context.job) scope.setContext('job', context.job);
      const request = context.request;
      if (request) {
        scope.addEventProcessor((event) => ({
          ...event,
          request: {
            method: request.method,
            url: request.url.split('?')[0],
            headers: request.headers as Record<string, string>,
          },
        }));
      }
      return scope;
    });
  }

  async flush(): Promise<void> {
    await this.sentry.close(2000);
  }
}

/** Scrubs every part of an event that can carry data of ours (beforeSend). */
export function scrubEvent(event: ErrorEvent): ErrorEvent {
  const { exception, message, logentry, request, extra, contexts, tags, user, breadcrumbs } = event;
  return {
    ...event,
    ...scrub({ exception, message, logentry, request, extra, contexts, tags, user, breadcrumbs }),
  };
}

export function createErrorReporter(config: AppConfig): ErrorReporter {
  const dsn = config.env.SENTRY_DSN;
  return dsn ? new SentryErrorReporter(config, dsn) : new NoErrorReporter();
}
