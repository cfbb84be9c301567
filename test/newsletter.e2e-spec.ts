import { newWebhookSecret, signedResendWebhook, TestApp, eventually } from '@lib/testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { NewsletterUnsubscribeLinks } from '../src/modules/notifications/newsletter/newsletter-unsubscribe-links';
import { createUser, freshIp, signIn, signInAsAdmin } from './support/accounts';
import { deliveredCopy } from './support/dev-mailbox';

interface Outboxed {
  id: string;
  template: string | null;
  subject: string;
  text: string;
}

describe('Newsletter: topics and double opt-in', () => {
  const secret = newWebhookSecret();
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.create({ env: { RESEND_WEBHOOK_SECRET: secret } });
    admin = (await signInAsAdmin(t)).authorization;
  });

  afterAll(() => t?.close());

  const subscribe = (payload: object) =>
    t.inject({
      method: 'POST',
      url: '/v1/newsletter/subscribe',
      remoteAddress: freshIp(),
      payload,
    });
  const confirm = (token: string) =>
    t.inject({
      method: 'POST',
      url: '/v1/newsletter/confirm',
      remoteAddress: freshIp(),
      payload: { token },
    });
  const confirmations = async (address: string): Promise<Outboxed[]> => {
    const res = await t.inject({
      method: 'GET',
      url: `/v1/admin/outbox?to=${encodeURIComponent(address)}`,
      headers: { authorization: admin },
    });
    return res
      .json<{ items: Outboxed[] }>()
      .items.filter((m) => m.template === 'newsletter-confirmation');
  };
  const tokenOf = async (address: string) => {
    const [mail] = await eventually(async () => {
      const found = await confirmations(address);
      return found.length > 0 ? found : undefined;
    });
    const copy = await deliveredCopy(t, mail.id);
    return /newsletter\/confirm\?token=([A-Za-z0-9_-]+)/.exec(copy.text)?.[1] ?? '';
  };

  it('lists the topics', async () => {
    const res = await t.inject({ method: 'GET', url: '/v1/newsletter/topics' });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([
      'product-news',
      'career-tips',
      'job-market',
    ]);
  });

  it('subscribes only once the emailed link is confirmed, and the link works once', async () => {
    const res = await subscribe({ email: 'Reader@Example.com', topics: ['career-tips'] });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'confirmation_sent' });
    const token = await tokenOf('reader@example.com');
    expect(token).not.toBe('');
    // The stored copy (what admins see) does not carry the live link.
    const [stored] = await confirmations('reader@example.com');
    expect(stored.text).not.toContain(token);

    const confirmed = await confirm(token);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({
      email: 'reader@example.com',
      status: 'confirmed',
      topics: ['career-tips'],
    });
    const reused = await confirm(token);
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toMatchObject({ code: 'newsletter.invalid_token' });

    // Already confirmed: the same answer, no new email, topics unchanged by a stranger.
    const again = await subscribe({ email: 'reader@example.com', topics: ['job-market'] });
    expect(again.statusCode).toBe(202);
    expect(await confirmations('reader@example.com')).toHaveLength(1);
  });

  it('gives every address the same answer and mails neither suppressed nor just-asked ones', async () => {
    await t.inject({
      method: 'POST',
      url: '/v1/webhooks/resend',
      ...(() => {
        const webhook = signedResendWebhook(secret, 'email.complained', {
          id: crypto.randomUUID(),
          to: ['complainer@example.com'],
        });
        return { headers: webhook.headers, payload: webhook.payload };
      })(),
    });
    const suppressed = await subscribe({ email: 'complainer@example.com' });
    expect(suppressed.statusCode).toBe(202);
    expect(suppressed.json()).toEqual({ status: 'confirmation_sent' });

    expect((await subscribe({ email: 'twice@example.com' })).statusCode).toBe(202);
    expect((await subscribe({ email: 'twice@example.com' })).statusCode).toBe(202);
    await tokenOf('twice@example.com');
    expect(await confirmations('twice@example.com')).toHaveLength(1);
    expect(await confirmations('complainer@example.com')).toHaveLength(0);
  });

  it('refuses unknown topics and tokens', async () => {
    expect((await subscribe({ email: 'x@example.com', topics: ['gossip'] })).statusCode).toBe(400);
    expect((await confirm('not-a-real-token')).statusCode).toBe(400);
  });

  it('lets admins draft a Markdown campaign, count its audience and preview it safely', async () => {
    const draft = await t.inject({
      method: 'POST',
      url: '/v1/admin/newsletter/campaigns',
      headers: { authorization: admin },
      payload: {
        subject: 'Five CV mistakes',
        topic: 'career-tips',
        markdown:
          '# Five CV mistakes\n\n1. **No numbers.** <script>alert(1)</script>\n\n[bad](javascript:alert(1)) [good](https://career-tools.test/blog)',
      },
    });
    expect(draft.statusCode).toBe(201);
    const campaign = draft.json<{ id: string; status: string; audience: number }>();
    // reader@example.com confirmed career-tips above; nobody else has.
    expect(campaign).toMatchObject({ status: 'draft', audience: 1 });

    const preview = await t.inject({
      method: 'GET',
      url: `/v1/admin/newsletter/campaigns/${campaign.id}/preview`,
      headers: { authorization: admin },
    });
    expect(preview.statusCode).toBe(200);
    const { html, text } = preview.json<{ html: string; text: string }>();
    expect(html).toContain('<h1>Five CV mistakes</h1>');
    expect(html).toContain('<strong>No numbers.</strong>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('href="https://career-tools.test/blog"');
    expect(text).toContain('# Five CV mistakes');
    // The shared email layout (MJML) around the campaign: logo, postal address, preferences link.
    expect(html).toContain('alt="Career Tools"');
    expect(html).toContain(t.config.env.MAIL_POSTAL_ADDRESS);
    expect(html).toContain('/settings/notifications');

    const listed = await t.inject({
      method: 'GET',
      url: '/v1/admin/newsletter/campaigns',
      headers: { authorization: admin },
    });
    expect(listed.json<{ items: { id: string }[] }>().items.map((c) => c.id)).toContain(
      campaign.id,
    );
    const missing = await t.inject({
      method: 'GET',
      url: `/v1/admin/newsletter/campaigns/${'0'.repeat(8)}-0000-7000-8000-${'0'.repeat(12)}`,
      headers: { authorization: admin },
    });
    expect(missing.statusCode).toBe(404);
    const visitor = await t.inject({ method: 'GET', url: '/v1/admin/newsletter/campaigns' });
    expect(visitor.statusCode).toBe(401);
  });

  it('subscribes a signed-in user from their preference, and an unsubscribe link turns it off', async () => {
    const email = 'member-news@example.com';
    await createUser(t, { email, password: 'a-long-password-1' });
    const { authorization } = await signIn(t, email, 'a-long-password-1');
    const audience = async () => {
      const res = await t.inject({
        method: 'POST',
        url: '/v1/admin/newsletter/campaigns',
        headers: { authorization: admin },
        payload: { subject: 'Audience probe', topic: 'job-market', markdown: 'Hello' },
      });
      return res.json<{ audience: number }>().audience;
    };
    const setNewsletter = (value: boolean) =>
      t.inject({
        method: 'PUT',
        url: '/v1/me/notification-preferences',
        headers: { authorization },
        payload: { channels: { newsletter: { email: value } } },
      });
    const preference = async () =>
      (
        await t.inject({
          method: 'GET',
          url: '/v1/me/notification-preferences',
          headers: { authorization },
        })
      ).json<{ channels: { newsletter: { email: boolean } } }>().channels.newsletter.email;
    const before = await audience();

    // An unverified address is not mailed: the preference stays off.
    const unverified = await setNewsletter(true);
    expect(unverified.statusCode).toBe(409);
    expect(unverified.json<{ code: string }>().code).toBe(
      'notification.newsletter_needs_verified_email',
    );
    expect(await preference()).toBe(false);
    expect(await audience()).toBe(before);

    const em = t.get(EntityManager).fork();
    await em.execute(`update users set email_verified_at = now() where email = ?`, [email]);
    expect((await setNewsletter(true)).statusCode).toBe(200);
    expect(await preference()).toBe(true);
    expect(await audience()).toBe(before + 1);

    // The link in a campaign email ends the subscription and the preference with it.
    const [{ id }] = await em.execute<{ id: string }[]>(
      `select id from newsletter_subscribers where email = ?`,
      [email],
    );
    const path = new URL(t.get(NewsletterUnsubscribeLinks).url(id)).pathname;
    const unsubscribed = await t.inject({ method: 'POST', url: path });
    expect(unsubscribed.statusCode).toBe(200);
    expect(await preference()).toBe(false);
    expect(await audience()).toBe(before);

    // And back on from the preferences, then off again from there.
    expect((await setNewsletter(true)).statusCode).toBe(200);
    expect(await audience()).toBe(before + 1);
    expect((await setNewsletter(false)).statusCode).toBe(200);
    expect(await audience()).toBe(before);
  });
});
