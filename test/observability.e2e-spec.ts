import Bull from 'bull';
import { Client } from 'pg';
import { QUEUES } from '@lib/queue';
import {
  AppProcess,
  eventually,
  OtlpReceiverFake,
  SentryFake,
  type ReceivedSpan,
} from '@lib/testing';

// OpenTelemetry patches pg, ioredis and http through Node's require, which Jest bypasses:
// the app runs as a child process with its production boot (src/main.ts → src/instrumentation.ts).
jest.setTimeout(180_000);

const SPAN_KIND = { server: 2, consumer: 5 };

/** `db.system.name` in the stable database conventions, `db.system` before them. */
const dbSystem = (span: ReceivedSpan) =>
  span.attributes['db.system.name'] ?? span.attributes['db.system'];
const PASSWORD = 'observability-password-1a';

describe('observability: traces over OTLP and error reports to Sentry', () => {
  const otlp = new OtlpReceiverFake();
  const sentry = new SentryFake();
  let app: AppProcess;
  let userId: string;
  let authorization: string;
  let accessToken: string;

  beforeAll(async () => {
    const [receiver, ingest] = await Promise.all([otlp.start(), sentry.start()]);
    app = await AppProcess.start({
      APP_ROLE: 'all', // the worker runs in the same process: the job's span is exported too
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_SERVICE_NAME: 'career-tools-test',
      SENTRY_DSN: ingest.dsn,
      SENTRY_ENVIRONMENT: 'e2e',
      CV_EXPORT_JOB_ATTEMPTS: '1',
    });
    const registered = await post('/v1/auth/register', {
      email: 'traced@example.com',
      password: PASSWORD,
      name: 'Traced User',
    });
    expect(registered.status).toBe(201);
    const body = (await registered.json()) as { accessToken: string; user: { id: string } };
    accessToken = body.accessToken;
    authorization = `Bearer ${accessToken}`;
    userId = body.user.id;
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all([otlp.stop(), sentry.stop()]);
  });

  function post(path: string, body: object, headers: Record<string, string> = {}) {
    return app.fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  }

  it('one trace holds the HTTP span, SQL spans and the export job span of POST /v1/cvs/{id}/exports', async () => {
    const created = await post(
      '/v1/cvs',
      { title: 'Traced CV', document: { basics: { name: 'Traced User' } }, layout: {} },
      { authorization },
    );
    expect(created.status).toBe(201);
    const cvId = ((await created.json()) as { id: string }).id;

    const requested = await post(
      `/v1/cvs/${cvId}/exports`,
      { format: 'json-resume' },
      { authorization },
    );
    expect(requested.status).toBe(202);
    const { exportId } = (await requested.json()) as { exportId: string };
    await eventually(async () => {
      const response = await app.fetch(`/v1/cv-exports/${exportId}`, {
        headers: { authorization },
      });
      const { status } = (await response.json()) as { status: string };
      return status === 'ready';
    }, 60_000);

    const route = '/v1/cvs/:id/exports';
    const serverSpan = await eventually(
      () =>
        Promise.resolve(
          otlp.spans.find(
            (span) => span.kind === SPAN_KIND.server && span.attributes['http.route'] === route,
          ),
        ),
      30_000,
    );
    expect(serverSpan.name).toBe(`POST ${route}`);
    expect(serverSpan.serviceName).toBe('career-tools-test');
    const jobSpan = await eventually(
      () =>
        Promise.resolve(
          otlp
            .trace(serverSpan.traceId)
            .find(
              (span) =>
                span.kind === SPAN_KIND.consumer &&
                span.attributes['messaging.destination.name'] === QUEUES.cvExports,
            ),
        ),
      30_000,
    );
    expect(jobSpan.attributes['messaging.message.id']).toBe(exportId);

    const trace = otlp.trace(serverSpan.traceId);
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const underServer = (span: ReceivedSpan): boolean => {
      for (let parent = span.parentSpanId; parent; parent = byId.get(parent)?.parentSpanId) {
        if (parent === serverSpan.spanId) return true;
      }
      return false;
    };
    const sqlSpans = trace.filter((span) => dbSystem(span) === 'postgresql');
    expect(sqlSpans.length).toBeGreaterThan(0);
    expect(sqlSpans.some(underServer)).toBe(true); // the request's own queries
    expect(underServer(jobSpan)).toBe(true); // the job continues the request's trace
    const jobSqlSpans = sqlSpans.filter((span) => span.parentSpanId === jobSpan.spanId);
    expect(jobSqlSpans.length).toBeGreaterThan(0); // the job's queries sit under the job span
    expect(trace.some((span) => dbSystem(span) === 'redis')).toBe(true);
    // Statements keep their shape but lose their values: MikroORM inlines them, and with
    // them emails, password hashes and tokens; Redis spans keep only the command.
    expect(jobSqlSpans.map((span) => span.attributes['db.query.text'])).toContainEqual(
      expect.stringMatching(/from "cv_exports" as "c0" where "c0"."id" = \?/),
    );
    const exported = JSON.stringify(otlp.spans);
    for (const secret of ['Traced User', 'traced@example.com', '$2b$', accessToken, userId]) {
      expect(exported).not.toContain(secret);
    }
  });

  describe('with the database failing under the app', () => {
    beforeAll(async () => {
      // A real dependency failure: the table the exports routes and jobs use disappears.
      const db = new Client({ connectionString: app.config.env.DATABASE_URL });
      await db.connect();
      try {
        await db.query('alter table cv_exports rename to cv_exports_gone');
      } finally {
        await db.end();
      }
    });

    it('a 5xx reaches Sentry with the request id and user id, and without the bearer token', async () => {
      sentry.reset();
      const requestId = 'observability-request-1';
      const response = await app.fetch('/v1/cv-exports/018f3b5e-0000-7000-8000-000000000001', {
        headers: {
          authorization,
          cookie: `session=${accessToken}`,
          'x-request-id': requestId,
          'user-agent': 'observability-e2e',
        },
      });
      expect(response.status).toBe(500);

      const event = await eventually(
        () => Promise.resolve(sentry.events.find((e) => e.tags?.request_id === requestId)),
        30_000,
      );
      expect(event.user?.id).toBe(userId);
      expect(event.environment).toBe('e2e');
      expect(event.exception?.values?.[0]?.value).toContain('cv_exports');
      expect(event.tags?.trace_id).toMatch(/^[0-9a-f]{32}$/);
      expect(event.request?.url).toBe('/v1/cv-exports/018f3b5e-0000-7000-8000-000000000001');
      expect(event.request?.headers?.['user-agent']).toBe('observability-e2e');
      expect(event.request?.headers?.authorization).toBe('[redacted]');
      for (const envelope of sentry.envelopes) {
        expect(envelope.raw).not.toContain(accessToken);
        expect(envelope.raw).not.toContain(PASSWORD);
      }
    });

    it('a job that failed for good reaches Sentry with its queue and id', async () => {
      sentry.reset();
      const queue = new Bull(QUEUES.cvExports, app.config.env.REDIS_URL, {
        prefix: `${app.config.env.REDIS_PREFIX}:bull`,
      });
      try {
        await queue.add(
          'run-export',
          { exportId: '018f3b5e-0000-7000-8000-000000000002' },
          { jobId: 'observability-failing-job', attempts: 1 },
        );
      } finally {
        await queue.close();
      }
      const event = await eventually(
        () => Promise.resolve(sentry.events.find((e) => e.tags?.queue === QUEUES.cvExports)),
        30_000,
      );
      expect(event.tags?.job_name).toBe('run-export');
      expect(event.contexts?.job).toMatchObject({ id: 'observability-failing-job', attempts: 1 });
      expect(event.exception?.values?.[0]?.value).toContain('cv_exports');
    });
  });
});
