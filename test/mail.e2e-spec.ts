import { getQueueToken } from '@nestjs/bull';
import { CommandBus } from '@nestjs/cqrs';
import type { Queue } from 'bull';
import { uuidv7 } from 'uuidv7';
import { QUEUES } from '@lib/queue';
import { eventually, ResendFake, SmtpFake, TestApp } from '@lib/testing';
import { TokenService } from '../src/modules/identity';
import { QueueEmailCommand } from '../src/modules/mail';
import { createUser } from './support/accounts';

/** GET /v1/admin/outbox/{id} as a client sees it. */
interface OutboxMessage {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  template: string | null;
  status: 'queued' | 'sent' | 'failed';
  driver: string | null;
  providerMessageId: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const FROM_EMAIL = 'Career Tools Test <mail@career-tools.test>';
const WELCOME = {
  subject: 'Welcome to Career Tools',
  html: '<p>Hello <strong>Ada</strong></p>',
  text: 'Hello Ada',
};

/** Queues mail through the command bus and reads it back through the admin API. */
class MailDriverHarness {
  private constructor(
    readonly t: TestApp,
    readonly authorization: string,
  ) {}

  static async for(t: TestApp): Promise<MailDriverHarness> {
    return new MailDriverHarness(t, await t.adminAuthorization());
  }

  async queue(to: string[], template = 'welcome'): Promise<string> {
    const command = new QueueEmailCommand(
      to,
      WELCOME.subject,
      WELCOME.html,
      WELCOME.text,
      template,
    );
    const { messageId } = await this.t.get(CommandBus).execute(command);
    return messageId;
  }

  fetch(url: string, authorization = this.authorization) {
    return this.t.inject({ method: 'GET', url, headers: authorization ? { authorization } : {} });
  }

  async list(query: Record<string, string | number>): Promise<Page<OutboxMessage>> {
    const search = new URLSearchParams(
      Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
    );
    const response = await this.fetch(`/v1/admin/outbox?${search.toString()}`);
    expect(response.statusCode).toBe(200);
    return response.json<Page<OutboxMessage>>();
  }

  /** Waits until delivery is over (sent, or failed for good) and returns the message. */
  settled(id: string): Promise<OutboxMessage> {
    return eventually(async () => {
      const message = (await this.fetch(`/v1/admin/outbox/${id}`)).json<OutboxMessage>();
      return message.status === 'queued' ? undefined : message;
    });
  }

  /** Waits until the Bull job is done with (completed, failed, or waiting for a retry). */
  jobState(id: string): Promise<string> {
    const queue = this.t.get<Queue>(getQueueToken(QUEUES.mail));
    return eventually(async () => {
      const state = await (await queue.getJob(id))?.getState();
      return state === 'completed' || state === 'failed' || state === 'delayed' ? state : undefined;
    });
  }
}

describe('mail through the outbox driver (default)', () => {
  let t: TestApp;
  let mail: MailDriverHarness;
  beforeAll(async () => {
    t = await TestApp.create({ env: { FROM_EMAIL } });
    mail = await MailDriverHarness.for(t);
  });
  afterAll(() => t.close());

  it('stores the message and the outbox driver marks it sent', async () => {
    const id = await mail.queue(['Ada@Example.com']);

    const listed = await eventually(async () => {
      const page = await mail.list({ limit: 100 });
      return page.items.find((m) => m.id === id && m.status === 'sent');
    });
    expect(listed).toMatchObject({
      from: FROM_EMAIL,
      to: ['ada@example.com'],
      ...WELCOME,
      template: 'welcome',
      driver: 'outbox',
      providerMessageId: `outbox:${id}`,
      attempts: 1,
      lastError: null,
    });
    expect(Date.parse(listed.sentAt ?? '')).toBeGreaterThanOrEqual(Date.parse(listed.createdAt));

    const one = await mail.fetch(`/v1/admin/outbox/${id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(listed);
  });

  it('records mail.message_sent raised on a message LOADED from the database (MikroORM pitfall)', async () => {
    const id = await mail.queue(['audit@example.com']);
    expect((await mail.settled(id)).status).toBe('sent');

    const response = await mail.fetch(`/v1/admin/audit/events?streamId=${id}`);
    expect(response.statusCode).toBe(200);
    const events = response.json<Page<{ type: string; streamType: string; version: number }>>();
    const byVersion = [...events.items].sort((a, b) => a.version - b.version);
    expect(byVersion.map((e) => [e.streamType, e.version, e.type])).toEqual([
      ['mail_message', 1, 'mail.message_queued'],
      ['mail_message', 2, 'mail.message_sent'],
    ]);
  });

  it('answers an unknown id with a 404 problem and a malformed one with a 400', async () => {
    const unknown = await mail.fetch(`/v1/admin/outbox/${uuidv7()}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({ status: 404, code: 'resource.not_found' });

    const malformed = await mail.fetch('/v1/admin/outbox/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
  });

  it('is for admins only: 401 without a token, 403 for a signed-in user', async () => {
    const anonymous = await mail.fetch('/v1/admin/outbox', '');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('auth.unauthenticated');

    // A real account: a token whose user does not exist is refused as revoked (401).
    const id = await createUser(t, { email: 'not-an-admin@example.test', password: 'irrelevant' });
    const { token } = await t
      .get(TokenService)
      .issueAccessToken({ id, role: 'user', tier: 'free' });
    for (const url of ['/v1/admin/outbox', `/v1/admin/outbox/${uuidv7()}`]) {
      const user = await mail.fetch(url, `Bearer ${token}`);
      expect(user.statusCode).toBe(403);
      expect(user.json().code).toBe('auth.forbidden');
    }
  });

  it('pages newest first with nextCursor, filtered by recipient', async () => {
    const recipient = 'pages@example.com';
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push(await mail.queue([recipient]));
    await mail.queue(['someone-else@example.com']);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page<OutboxMessage> = await mail.list({
        to: recipient,
        limit: 1,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.items).toHaveLength(1);
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 5);

    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it('filters by status', async () => {
    const id = await mail.queue(['status@example.com']);
    await mail.settled(id);

    const sent = await mail.list({ status: 'sent', to: 'status@example.com' });
    expect(sent.items.map((m) => m.id)).toEqual([id]);
    const failed = await mail.list({ status: 'failed', limit: 100 });
    expect(failed.items).toEqual([]);

    const invalid = await mail.fetch('/v1/admin/outbox?status=bounced');
    expect(invalid.statusCode).toBe(400);
  });
});

describe('mail through the SMTP driver', () => {
  const smtp = new SmtpFake();
  let t: TestApp;
  let mail: MailDriverHarness;
  beforeAll(async () => {
    const { url } = await smtp.start();
    t = await TestApp.create({ env: { MAIL_DRIVER: 'smtp', SMTP_URL: url, FROM_EMAIL } });
    mail = await MailDriverHarness.for(t);
  });
  beforeEach(() => smtp.reset());
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  it('delivers to a real SMTP server with from, to, subject, and text and html parts', async () => {
    const id = await mail.queue(['grace@example.com']);
    const message = await mail.settled(id);
    expect(message).toMatchObject({
      status: 'sent',
      driver: 'smtp',
      providerMessageId: `<${id}@career-tools>`,
      attempts: 1,
    });

    expect(smtp.received).toHaveLength(1);
    const [received] = smtp.received;
    expect(received.envelope).toEqual({
      from: 'mail@career-tools.test',
      to: ['grace@example.com'],
    });
    const headers = received.raw.slice(0, received.raw.indexOf('\r\n\r\n'));
    expect(headers).toContain(`From: ${FROM_EMAIL}`);
    expect(headers).toContain('To: grace@example.com');
    expect(headers).toContain(`Subject: ${WELCOME.subject}`);
    expect(headers).toContain(`Message-ID: <${id}@career-tools>`);
    expect(headers).toMatch(/Content-Type: multipart\/alternative/);
    expect(received.raw).toMatch(/Content-Type: text\/plain[^]*Hello Ada/);
    expect(received.raw).toMatch(/Content-Type: text\/html[^]*<p>Hello <strong>Ada<\/strong><\/p>/);
  });

  it('retries a temporary 4xx reply', async () => {
    smtp.rejectNext(451, 'Try again later');
    const id = await mail.queue(['retry@example.com']);
    expect(await mail.settled(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });

  it('gives up at once on a permanent 5xx reply', async () => {
    smtp.rejectNext(550, 'Mailbox unavailable');
    const id = await mail.queue(['gone@example.com']);
    const message = await mail.settled(id);
    expect(message).toMatchObject({ status: 'failed', attempts: 1 });
    expect(message.lastError).toContain('Mailbox unavailable');
    expect(await mail.jobState(id)).toBe('failed');
    expect(smtp.received).toHaveLength(0);
  });
});

describe('mail through the Resend driver', () => {
  const resend = new ResendFake('re_test_123');
  let t: TestApp;
  let mail: MailDriverHarness;
  beforeAll(async () => {
    const { url } = await resend.start();
    t = await TestApp.create({
      env: {
        MAIL_DRIVER: 'resend',
        RESEND_API_KEY: 're_test_123',
        RESEND_BASE_URL: url,
        FROM_EMAIL,
        MAIL_TIMEOUT_MS: '300',
        // Retries at ~550 ms and ~1300 ms: the last one outlasts a first answer held for 1 s.
        QUEUE_BACKOFF_MS: '250',
      },
    });
    mail = await MailDriverHarness.for(t);
  });
  beforeEach(() => {
    resend.reset();
    resend.apiKey = 're_test_123';
  });
  afterAll(async () => {
    await t?.close();
    await resend.stop();
  });

  it('POSTs /emails with the JSON body and headers of the Resend API', async () => {
    const id = await mail.queue(['lin@example.com']);
    const message = await mail.settled(id);

    expect(resend.requests).toHaveLength(1);
    const [request] = resend.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/emails' });
    expect(request.headers).toMatchObject({
      authorization: 'Bearer re_test_123',
      'idempotency-key': id,
      'content-type': 'application/json',
    });
    expect(request.body).toEqual({
      from: FROM_EMAIL,
      to: ['lin@example.com'],
      subject: WELCOME.subject,
      html: WELCOME.html,
      text: WELCOME.text,
      tags: [{ name: 'template', value: 'welcome' }],
    });
    expect(resend.deliveries).toHaveLength(1);
    expect(message).toMatchObject({
      status: 'sent',
      driver: 'resend',
      providerMessageId: resend.deliveries[0].id,
      attempts: 1,
    });
  });

  it('retries a 429 and sends exactly once', async () => {
    resend.failNext(429);
    const id = await mail.queue(['rate@example.com']);
    const message = await mail.settled(id);

    expect(message).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(resend.requests.map((r) => r.headers['idempotency-key'])).toEqual([id, id]);
    expect(resend.deliveries).toHaveLength(1);
    expect(message.providerMessageId).toBe(resend.deliveries[0].id);
  });

  it('does not retry a 422 validation error', async () => {
    const id = await mail.queue(['not-an-email']);
    const message = await mail.settled(id);

    expect(message).toMatchObject({ status: 'failed', attempts: 1 });
    expect(message.lastError).toContain('Invalid `to` field');
    expect(await mail.jobState(id)).toBe('failed');
    expect(resend.requests).toHaveLength(1);
    expect(resend.deliveries).toHaveLength(0);
  });

  it('does not retry when the API key is rejected', async () => {
    resend.apiKey = 're_rotated_key';
    const id = await mail.queue(['key@example.com']);
    const message = await mail.settled(id);

    expect(message).toMatchObject({ status: 'failed', attempts: 1 });
    expect(message.lastError).toContain('API key is invalid');
    expect(await mail.jobState(id)).toBe('failed');
    expect(resend.deliveries).toHaveLength(0);

    const failed = await mail.list({ status: 'failed', to: 'key@example.com' });
    expect(failed.items.map((m) => m.id)).toEqual([id]);
  });

  it('retries when the same key is still in progress (409 concurrent_idempotent_requests)', async () => {
    resend.failNext(409);
    const id = await mail.queue(['concurrent@example.com']);
    expect(await mail.settled(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(resend.deliveries).toHaveLength(1);
  });

  it('retries after a timeout, and the idempotency key keeps it to one email', async () => {
    resend.delayNext(1000);
    const id = await mail.queue(['slow@example.com']);
    const message = await mail.settled(id);

    expect(message.status).toBe('sent');
    expect(message.attempts).toBeGreaterThanOrEqual(2);
    expect(resend.requests.every((r) => r.headers['idempotency-key'] === id)).toBe(true);
    expect(resend.deliveries).toHaveLength(1);
    expect(message.providerMessageId).toBe(resend.deliveries[0].id);
  });

  it('retries a malformed 200 answer and gets the first id back', async () => {
    resend.malformedNext();
    const id = await mail.queue(['garbled@example.com']);
    const message = await mail.settled(id);

    expect(message).toMatchObject({ status: 'sent', attempts: 2 });
    expect(resend.deliveries).toHaveLength(1);
    expect(message.providerMessageId).toBe(resend.deliveries[0].id);
  });

  it('marks the message failed after QUEUE_ATTEMPTS server errors', async () => {
    resend.failNext(500, 3);
    const id = await mail.queue(['down@example.com']);
    const message = await mail.settled(id);

    expect(message).toMatchObject({ status: 'failed', attempts: 3 });
    expect(message.lastError).toContain('An unexpected error occurred');
    expect(resend.requests).toHaveLength(3);
    expect(resend.deliveries).toHaveLength(0);
  });
});
