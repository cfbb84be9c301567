import { Client } from 'pg';
import { eventually, ResendFake, TestApp, WorkerProcess, type ResendDelivery } from '@lib/testing';
import { signInAsAdmin } from './support/accounts';

interface Campaign {
  id: string;
  status: string;
  recipients: { total: number; pending: number; sent: number; failed: number; suppressed: number };
}

const TOTAL = 10_000;

describe('Newsletter campaigns: sent in batches through Resend, once per recipient', () => {
  const resend = new ResendFake();
  let api: TestApp;
  let db: Client;
  let admin: string;
  let env: Record<string, string>;
  /** One worker process at a time; the big campaign kills it and starts another. */
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    const { url } = await resend.start();
    env = {
      MAIL_DRIVER: 'resend',
      RESEND_API_KEY: resend.apiKey,
      RESEND_BASE_URL: url,
      // Faster than the fake allows (4 per second below), so 429s come and must be waited out.
      NEWSLETTER_SEND_RATE: '8',
      QUEUE_LOCK_DURATION_MS: '4000',
      QUEUE_STALLED_INTERVAL_MS: '1000',
    };
    api = await TestApp.create({ role: 'api', env });
    db = new Client({ connectionString: api.config.env.DATABASE_URL });
    await db.connect();
    admin = (await signInAsAdmin(api)).authorization;
    worker = await WorkerProcess.start(api, env);
  }, 120_000);

  afterAll(async () => {
    await worker?.kill();
    await db?.end();
    await api?.close();
    await resend.stop();
  });

  /** `count` confirmed subscribers of `topic` in one INSERT (reader-<prefix>-<n>@example.com). */
  const seed = (prefix: string, count: number, topic: string, status = 'confirmed') =>
    db.query(
      `insert into newsletter_subscribers
         (id, email, status, topics, requested_topics, created_at, confirmed_at)
       select gen_random_uuid(), 'reader-' || $1 || '-' || g || '@example.com', $3,
              jsonb_build_array($2::text), '[]'::jsonb, now(), now()
         from generate_series(1, $4::int) g`,
      [prefix, topic, status, count],
    );
  const draft = async (topic: string): Promise<Campaign> => {
    const res = await api.inject({
      method: 'POST',
      url: '/v1/admin/newsletter/campaigns',
      headers: { authorization: admin },
      payload: { subject: `News about ${topic}`, markdown: '# Hello\n\nFive tips.', topic },
    });
    expect(res.statusCode).toBe(201);
    return res.json<Campaign>();
  };
  const send = (id: string, payload: object = {}) =>
    api.inject({
      method: 'POST',
      url: `/v1/admin/newsletter/campaigns/${id}/send`,
      headers: { authorization: admin },
      payload,
    });
  const get = async (id: string): Promise<Campaign> => {
    const res = await api.inject({
      method: 'GET',
      url: `/v1/admin/newsletter/campaigns/${id}`,
      headers: { authorization: admin },
    });
    expect(res.statusCode).toBe(200);
    return res.json<Campaign>();
  };
  const finished = (id: string, timeoutMs: number) =>
    eventually(async () => {
      const campaign = await get(id);
      return ['sent', 'failed'].includes(campaign.status) ? campaign : undefined;
    }, timeoutMs).catch((error: Error) => {
      throw new Error(`${error.message}; the worker printed:\n${worker?.log() ?? ''}`);
    });
  const deliveriesOf = (id: string): ResendDelivery[] =>
    resend.deliveries.filter((d) =>
      d.email.tags?.some((tag) => tag.name === 'campaign' && tag.value === id),
    );
  const batchRequestsOf = (id: string) =>
    resend.requests.filter(
      (r) =>
        r.path === '/emails/batch' &&
        String(r.headers['idempotency-key']).startsWith(`newsletter/${id}/`),
    );

  it('leaves out suppressed and unsubscribed addresses, carries one-click unsubscribe, sends once', async () => {
    await seed('small', 5, 'job-market');
    await seed('gone', 2, 'job-market', 'unsubscribed');
    await seed('pending', 2, 'job-market', 'pending');
    await db.query(
      `insert into email_suppressions (id, email, reason, created_at)
       values (gen_random_uuid(), 'reader-small-5@example.com', 'bounce', now())`,
    );
    const campaign = await draft('job-market');
    expect(campaign.recipients).toEqual({
      total: 0,
      pending: 0,
      sent: 0,
      failed: 0,
      suppressed: 0,
    });

    const accepted = await send(campaign.id);
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json<Campaign>()).toMatchObject({
      status: 'sending',
      recipients: { total: 5, pending: 4, suppressed: 1 },
    });
    const done = await finished(campaign.id, 30_000);
    expect(done).toMatchObject({
      status: 'sent',
      recipients: { total: 5, pending: 0, sent: 4, failed: 0, suppressed: 1 },
    });

    const mails = deliveriesOf(campaign.id);
    expect(mails.map((m) => m.email.to).sort()).toEqual(
      [1, 2, 3, 4].map((n) => [`reader-small-${n}@example.com`]),
    );
    expect(batchRequestsOf(campaign.id).filter((r) => r.status === 200)).toHaveLength(1);
    const headers = mails[0].email.headers as Record<string, string>;
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const link = /^<(.+)>$/.exec(headers['List-Unsubscribe'])?.[1] ?? '';
    const path = new URL(link).pathname;
    expect(path).toMatch(/^\/v1\/newsletter\/unsubscribe\/[^/]+$/);
    expect(mails[0].email.text).toContain(link);

    // Sent once: a second send is refused.
    const again = await send(campaign.id);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('newsletter.campaign_not_draft');

    // The link: a page that changes nothing, then a one-click POST without login.
    const page = await api.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('method="post"');
    const tampered = await api.inject({ method: 'POST', url: `${path.slice(0, -2)}xx` });
    expect(tampered.statusCode).toBe(400);
    const recipient = mails[0].email.to as string[];
    const status = async () =>
      (
        await db.query<{ status: string }>(
          'select status from newsletter_subscribers where email = $1',
          [recipient[0]],
        )
      ).rows[0].status;
    expect(await status()).toBe('confirmed');
    const unsubscribed = await api.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.statusCode).toBe(200);
    expect(unsubscribed.body).toBe('');
    expect(await status()).toBe('unsubscribed');
    const next = await send((await draft('job-market')).id);
    expect(next.json<Campaign>().recipients).toMatchObject({ total: 4, suppressed: 1 });
  }, 60_000);

  it('sends a batch the provider refused one email at a time, so only the bad address fails', async () => {
    await seed('mixed', 3, 'product-news');
    // An address that slipped past validation years ago: Resend refuses the whole batch for it.
    await db.query(
      `insert into newsletter_subscribers (id, email, status, topics, requested_topics, created_at, confirmed_at)
       values (gen_random_uuid(), 'broken address@example', 'confirmed', '["product-news"]', '[]', now(), now())`,
    );
    const campaign = await draft('product-news');
    expect((await send(campaign.id)).statusCode).toBe(202);
    const done = await finished(campaign.id, 30_000);
    expect(done).toMatchObject({
      status: 'sent',
      recipients: { total: 4, pending: 0, sent: 3, failed: 1 },
    });
    expect(batchRequestsOf(campaign.id).map((r) => r.status)).toEqual([422]);
    expect(
      deliveriesOf(campaign.id)
        .map((m) => m.email.to)
        .sort(),
    ).toEqual([1, 2, 3].map((n) => [`reader-mixed-${n}@example.com`]));
  }, 60_000);

  it('10,000 recipients: every address mailed once under the rate limit, through a worker SIGKILL', async () => {
    await seed('big', TOTAL, 'career-tips');
    resend.limitRate(4, 1000);
    const campaign = await draft('career-tips');
    expect((await send(campaign.id)).statusCode).toBe(202);

    // Mid-way, Resend accepts a batch and the worker dies before it hears the answer.
    await eventually(() => Promise.resolve(deliveriesOf(campaign.id).length >= 3000), 60_000);
    resend.delayNext(5000);
    await eventually(() => Promise.resolve(resend.heldReplyCount === 1), 10_000);
    const sentBeforeKill = deliveriesOf(campaign.id).length;
    // The worker waits for that answer, so the held request is the last one Resend accepted.
    const heldKey = batchRequestsOf(campaign.id)
      .filter((r) => r.status === 200)
      .at(-1)?.headers['idempotency-key'];
    await worker?.kill();
    expect((await get(campaign.id)).status).toBe('sending');
    worker = await WorkerProcess.start(api, env);

    const done = await finished(campaign.id, 180_000);
    expect(done).toMatchObject({
      status: 'sent',
      recipients: { total: TOTAL, pending: 0, sent: TOTAL, failed: 0, suppressed: 0 },
    });
    expect(sentBeforeKill).toBeLessThan(TOTAL);

    // 10,000 distinct emails, none twice: the batch in flight at the kill was replayed by key.
    const mails = deliveriesOf(campaign.id);
    expect(mails).toHaveLength(TOTAL);
    expect(new Set(mails.map((m) => (m.email.to as string[])[0])).size).toBe(TOTAL);
    const withHeldKey = batchRequestsOf(campaign.id).filter(
      (r) => r.headers['idempotency-key'] === heldKey,
    );
    expect(withHeldKey.length).toBeGreaterThan(1);
    const { rows } = await db.query<{ provider_message_id: string }>(
      'select provider_message_id from newsletter_campaign_recipients where campaign_id = $1',
      [campaign.id],
    );
    expect(new Set(rows.map((r) => r.provider_message_id))).toEqual(
      new Set(mails.map((m) => m.id)),
    );

    // The fake refused calls beyond its limit; each refusal was waited out, never ignored.
    expect(resend.rateLimited.length).toBeGreaterThan(0);
    expect(resend.retriesTooEarly).toBe(0);
  }, 300_000);
});
