import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import JSZip from 'jszip';
import { BILLING_PORT, STORAGE_PORT, type BillingPort, type StoragePort } from '@lib/providers';
import { eventually, TestApp } from '@lib/testing';
import { AiUsageEntry } from '../src/modules/ai-usage';
import { AnalyticsEvent } from '../src/modules/analytics';
import { BillingCustomer, BillingSubscription } from '../src/modules/billing';
import { BlogComment, BlogPostLike } from '../src/modules/blog';
import { HookDeliveryAttempt, HookSubscription } from '../src/modules/hooks';
import { CoverLetter } from '../src/modules/cover-letters';
import { DataExport, ExpireDataExports } from '../src/modules/data-export';
import { StoredFile } from '../src/modules/files';
import { Job, JobAlert, JobAlertDelivery, JobApplication, SavedJob } from '../src/modules/jobs';
import { MailMessage } from '../src/modules/mail';
import {
  Notification,
  NotificationDelivery,
  NotificationPreferences,
} from '../src/modules/notifications';
import { EmailSuppression } from '../src/modules/notifications/deliverability';
import { NewsletterSubscriber } from '../src/modules/notifications/newsletter';
import { PushDevice } from '../src/modules/notifications/push';
import {
  SocialAccount,
  SocialMetricSnapshot,
  SocialPost,
  SocialPostTarget,
} from '../src/modules/social';
import { call, createUser, signIn, signInAsAdmin, type Session } from './support/accounts';

const PASSWORD = 'a-long-password-for-tests';

interface Person {
  id: string;
  email: string;
  marker: string;
  session: Session;
}

interface ExportStatus {
  id: string;
  status: string;
  downloadUrl?: string;
  size?: number;
  expiresAt?: string;
}

/** The modules whose data every export holds, one folder each. */
const MODULES = [
  'ai-usage',
  'analytics',
  'audit',
  'billing',
  'blog',
  'cover-letters',
  'cv',
  'files',
  'hooks',
  'identity',
  'jobs',
  'mail',
  'newsletter',
  'notifications',
  'social',
  'teams',
];

describe('GDPR data export (POST /v1/me/export)', () => {
  let t: TestApp;
  let admin: Session;
  let alpha: Person;
  let bravo: Person;

  /** Data of `person` in every module, each carrying their marker. */
  async function seed(person: Person): Promise<void> {
    const { marker, id: userId } = person;
    const key = await call(t, 'POST', '/v1/me/api-keys', person.session.authorization, {
      name: `${marker} key`,
      scopes: ['me:read'],
    });
    expect(key.statusCode).toBe(201);
    const cv = await call(t, 'POST', '/v1/cvs', person.session.authorization, {
      title: `${marker} CV`,
      document: { basics: { name: `${marker} Person` } },
    });
    expect(cv.statusCode).toBe(201);
    const cvId = cv.json<{ id: string }>().id;
    const team = await call(t, 'POST', '/v1/teams', person.session.authorization, {
      name: `${marker} team`,
    });
    expect(team.statusCode).toBe(201);

    const storage = t.get<StoragePort>(STORAGE_PORT);
    const path = `${userId}/${marker}.pdf`;
    await storage.put('cv-files', path, Buffer.from(`%PDF-1.4 ${marker} file body`), {
      contentType: 'application/pdf',
    });
    const em = t.get(EntityManager).fork();
    const now = new Date();
    em.create(StoredFile, {
      userId,
      kind: 'cv-file',
      fileName: `${marker}.pdf`,
      originalName: `${marker}.pdf`,
      mimeType: 'application/pdf',
      size: 20,
      bucket: 'cv-files',
      path,
      isPublic: false,
      status: 'ready',
      checksum: `${marker}-checksum`,
    } as never);
    em.create(CoverLetter, {
      ownerId: userId,
      cvId,
      title: `${marker} letter`,
      jobDescription: 'A job',
      tone: 'professional',
      language: 'en',
      body: `${marker} letter body`,
      provider: 'local',
      model: 'local',
    } as never);
    em.create(BillingCustomer, { userId, customerId: `cus_${marker}`, driver: 'local' } as never);
    em.create(BillingSubscription, {
      id: `sub_${marker}`,
      userId,
      customerId: `cus_${marker}`,
      status: 'active',
    } as never);
    const alert = em.create(JobAlert, {
      userId,
      name: `${marker} alert`,
      frequency: 'daily',
      hour: 8,
      timezone: 'UTC',
      watermark: now,
      nextRunAt: now,
    } as never);
    em.create(JobAlertDelivery, {
      alert,
      userId,
      runAt: now,
      digestId: randomUUID(),
      status: 'skipped',
      reason: `${marker}-alert-run`,
    } as never);
    const job = em.create(Job, {
      title: 'Backend engineer',
      company: 'Public Co',
      companyKey: 'public-co',
      descriptionHtml: '<p>Public listing</p>',
      descriptionText: 'Public listing',
      postedAt: now,
      fingerprint: `fp-${marker}`,
    } as never);
    em.create(SavedJob, { userId, job } as never);
    em.create(JobApplication, { userId, job, notes: `${marker} application` } as never);
    const account = em.create(SocialAccount, {
      userId,
      network: 'linkedin',
      remoteId: `${marker}-remote`,
      name: `${marker} page`,
      kind: 'member',
      accessTokenSealed: `sealed-secret-${marker}`,
    } as never);
    const post = em.create(SocialPost, { userId, text: `${marker} post` } as never);
    const target = em.create(SocialPostTarget, {
      post,
      account,
      userId,
      network: 'linkedin',
      status: 'published',
      scheduledAt: now,
    } as never);
    em.create(SocialMetricSnapshot, {
      target,
      userId,
      accountId: (account as unknown as { id: string }).id,
      likes: person.marker === 'ALPHA' ? 4242 : 9191,
      comments: 1,
      shares: 2,
    } as never);
    em.create(PushDevice, {
      userId,
      platform: 'webpush',
      token: `https://push.example.test/endpoint-secret-${marker}`,
      p256dh: `p256dh-secret-${marker}`,
      auth: `auth-secret-${marker}`,
      name: `${marker} laptop`,
    } as never);
    em.create(NotificationDelivery, {
      userId,
      type: 'system.test',
      subjectId: `${marker}-subject`,
      channel: 'email',
      status: 'skipped',
      detail: `${marker}-delivery`,
    } as never);
    em.create(EmailSuppression, {
      email: person.email,
      reason: 'complaint',
      detail: `${marker} complained`,
    } as never);
    em.create(NewsletterSubscriber, {
      email: person.email,
      status: 'confirmed',
      topics: ['product'],
      confirmationTokenHash: `hash-secret-${marker}`,
    } as never);
    em.persist(
      MailMessage.queue({
        from: 'Career Tools <hello@example.test>',
        to: [person.email],
        subject: `${marker} mail subject`,
        html: `<p>${marker} mail body</p>`,
        text: `${marker} mail body`,
        template: 'test-mail',
      }),
    );
    em.create(BlogComment, {
      postId: randomUUID(),
      userId,
      authorName: `${marker} Reader`,
      body: `${marker} comment body`,
      status: 'approved',
    } as never);
    em.create(BlogPostLike, { postId: randomUUID(), userId } as never);
    const hook = em.create(HookSubscription, {
      userId,
      event: 'cv.completed',
      targetUrl: `https://hooks.example.test/${marker}`,
      secretSealed: `sealed-secret-hook-${marker}`,
    } as never);
    em.create(HookDeliveryAttempt, {
      hookId: (hook as unknown as { id: string }).id,
      eventId: randomUUID(),
      eventType: 'cv.completed',
      attempt: 1,
      statusCode: 200,
      durationMs: 12,
      outcome: 'delivered',
    } as never);
    // A paid invoice at the (local) billing provider, for the seeded customer.
    const billing = t.get<BillingPort>(BILLING_PORT);
    const checkout = await billing.createCheckoutSession(
      {
        mode: 'payment',
        customerId: `cus_${marker}`,
        priceId: 'price_local_ai_credits',
        quantity: person.marker === 'ALPHA' ? 3 : 7,
        successUrl: 'https://example.test/ok',
        cancelUrl: 'https://example.test/cancel',
        clientReferenceId: userId,
        metadata: {},
      },
      `export-test-${marker}`,
    );
    await (
      billing as BillingPort & { confirmCheckout(id: string): Promise<unknown> }
    ).confirmCheckout(checkout.id);
    em.create(Notification, {
      userId,
      type: 'system.test',
      category: 'system',
      title: `${marker} notice`,
      body: 'Hello',
    } as never);
    em.create(NotificationPreferences, { userId, timezone: 'Europe/Berlin' } as never);
    em.create(AiUsageEntry, {
      userId,
      operation: 'coverLetter',
      provider: 'local',
      model: `${marker}-model`,
      promptTokens: 321,
      completionTokens: 123,
    } as never);
    em.create(AnalyticsEvent, {
      userId,
      name: 'test.seeded',
      properties: { marker },
      occurredAt: now,
    } as never);
    await em.flush();
  }

  async function person(marker: string): Promise<Person> {
    const email = `${marker.toLowerCase()}@example.test`;
    const id = await createUser(t, { email, password: PASSWORD, tier: 'premium' });
    return { id, email, marker, session: await signIn(t, email, PASSWORD) };
  }

  async function readyExport(session: Session, exportId: string): Promise<ExportStatus> {
    return eventually(async () => {
      const response = await call(t, 'GET', `/v1/me/export/${exportId}`, session.authorization);
      expect(response.statusCode).toBe(200);
      const status = response.json<ExportStatus>();
      expect(status.status).not.toBe('failed');
      return status.status === 'ready' ? status : undefined;
    }, 30_000);
  }

  async function download(url: string): Promise<JSZip> {
    const { pathname, search } = new URL(url);
    const response = await t.inject({ method: 'GET', url: `${pathname}${search}` });
    expect(response.statusCode).toBe(200);
    return JSZip.loadAsync(response.rawPayload);
  }

  async function textOf(zip: JSZip): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const file of Object.values(zip.files).filter((f) => !f.dir)) {
      out.set(file.name, await file.async('string'));
    }
    return out;
  }

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await signInAsAdmin(t);
    alpha = await person('ALPHA');
    bravo = await person('BRAVO');
    await seed(alpha);
    await seed(bravo);
  });
  afterAll(async () => {
    await t?.close();
  });

  let alphaExport: ExportStatus;
  let files: Map<string, string>;

  it('builds a ZIP of every module’s data for the user and nothing of anyone else', async () => {
    const accepted = await call(t, 'POST', '/v1/me/export', alpha.session.authorization);
    expect(accepted.statusCode).toBe(202);
    const { exportId } = accepted.json<{ exportId: string; status: string }>();
    alphaExport = await readyExport(alpha.session, exportId);
    expect(alphaExport.downloadUrl).toBeDefined();
    files = await textOf(await download(alphaExport.downloadUrl!));

    const manifest = JSON.parse(files.get('manifest.json')!) as { modules: { name: string }[] };
    expect(manifest.modules.map((m) => m.name)).toEqual(MODULES);
    const expectations: [file: string, contains: string][] = [
      ['identity/profile.json', alpha.email],
      ['identity/api-keys.json', 'ALPHA key'],
      ['identity/api-keys.json', '"prefix"'],
      ['identity/sessions.json', alpha.id],
      ['cv/cvs.json', 'ALPHA CV'],
      ['cv/versions.json', '"version": 1'],
      ['cover-letters/cover-letters.json', 'ALPHA letter body'],
      ['files/files.json', 'ALPHA.pdf'],
      [`files/objects/`, '%PDF-1.4 ALPHA file body'],
      ['billing/customer.json', 'cus_ALPHA'],
      ['billing/subscriptions.json', 'sub_ALPHA'],
      ['billing/invoices.json', '"amountPaid": 2997'], // 3 credit packs at 9.99
      ['blog/comments.json', 'ALPHA comment body'],
      ['blog/likes.json', alpha.id],
      ['hooks/subscriptions.json', 'https://hooks.example.test/ALPHA'],
      ['hooks/delivery-attempts.json', '"outcome": "delivered"'],
      ['mail/messages.json', 'ALPHA mail subject'],
      ['newsletter/subscription.json', '"status": "confirmed"'],
      ['notifications/push-devices.json', 'ALPHA laptop'],
      ['notifications/deliveries.json', 'ALPHA-delivery'],
      ['notifications/email-suppression.json', 'ALPHA complained'],
      ['jobs/alert-deliveries.json', 'ALPHA-alert-run'],
      ['social/metrics.json', '"likes": 4242'],
      ['jobs/alerts.json', 'ALPHA alert'],
      ['jobs/saved-jobs.json', alpha.id],
      ['jobs/applications.json', 'ALPHA application'],
      ['social/accounts.json', 'ALPHA page'],
      ['social/posts.json', 'ALPHA post'],
      ['notifications/inbox.json', 'ALPHA notice'],
      ['notifications/preferences.json', 'Europe/Berlin'],
      ['analytics/events.json', 'ALPHA'],
      ['ai-usage/usage.json', '"promptTokens": 321'],
      ['audit/events.json', 'identity.api_key_created'],
      ['teams/teams-owned.json', 'ALPHA team'],
      ['teams/memberships.json', '"role": "owner"'],
    ];
    for (const [name, contains] of expectations) {
      const matching = [...files].filter(([path]) =>
        name.endsWith('/') ? path.startsWith(name) : path === name,
      );
      expect(matching.map(([path]) => path)).not.toEqual([]);
      expect(matching.some(([, text]) => text.includes(contains))).toBe(true);
    }

    const everything = [...files.values()].join('\n');
    expect(everything).not.toContain('BRAVO');
    expect(everything).not.toContain(bravo.id);
    expect(everything).not.toContain(bravo.email);
    // Never secrets, hashes or tokens.
    expect(everything).not.toContain('sealed-secret');
    expect(everything).not.toContain('9191'); // BRAVO's metrics
    expect(everything).not.toContain('endpoint-secret'); // Web Push endpoint and keys
    expect(everything).not.toContain('p256dh-secret');
    expect(everything).not.toContain('auth-secret');
    expect(everything).not.toContain('hash-secret');
    expect(everything).not.toContain('whsec_');
    expect(everything).not.toMatch(/\$2[aby]\$\d{2}\$/);
    expect(everything).not.toMatch(/password|tokenHash|secretHash|Ciphertext|Sealed/i);
  });

  it('emails the user a signed link to the ZIP through the outbox', async () => {
    const sent = await t
      .get(EntityManager)
      .fork()
      .find(MailMessage, { template: 'data-export-ready' });
    const toAlpha = sent.filter((m) => JSON.stringify(m).includes(alpha.email));
    expect(toAlpha).toHaveLength(1);
  });

  it('allows one export an hour, and keeps each user’s exports their own', async () => {
    const again = await call(t, 'POST', '/v1/me/export', alpha.session.authorization);
    expect(again.statusCode).toBe(429);
    const foreign = await call(
      t,
      'GET',
      `/v1/me/export/${alphaExport.id}`,
      bravo.session.authorization,
    );
    expect(foreign.statusCode).toBe(404);
    const anonymous = await call(t, 'POST', '/v1/me/export');
    expect(anonymous.statusCode).toBe(401);
  });

  it('lets an admin export a user’s data (the link goes to the user)', async () => {
    const accepted = await call(
      t,
      'POST',
      `/v1/admin/users/${bravo.id}/export`,
      admin.authorization,
    );
    expect(accepted.statusCode).toBe(202);
    const { exportId } = accepted.json<{ exportId: string }>();
    const ready = await readyExport(bravo.session, exportId);
    const text = [...(await textOf(await download(ready.downloadUrl!))).values()].join('\n');
    expect(text).toContain('BRAVO post');
    expect(text).not.toContain('ALPHA');
    const byUser = await call(
      t,
      'POST',
      `/v1/admin/users/${bravo.id}/export`,
      bravo.session.authorization,
    );
    expect(byUser.statusCode).toBe(403);
    const unknown = await call(
      t,
      'POST',
      '/v1/admin/users/01900000-0000-7000-8000-000000000000/export',
      admin.authorization,
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('deletes the ZIP once the export expires', async () => {
    const expired = await t
      .get(ExpireDataExports)
      // Just past alpha's expiry: bravo's export, made moments later, must outlive this run.
      .run(new Date(Date.parse(alphaExport.expiresAt!) + 1));
    expect(expired).toBeGreaterThanOrEqual(1);
    const status = await call(
      t,
      'GET',
      `/v1/me/export/${alphaExport.id}`,
      alpha.session.authorization,
    );
    expect(status.json<ExportStatus>()).toMatchObject({ status: 'expired' });
    expect(status.json<ExportStatus>().downloadUrl).toBeUndefined();
    const { pathname, search } = new URL(alphaExport.downloadUrl!);
    const gone = await t.inject({ method: 'GET', url: `${pathname}${search}` });
    expect(gone.statusCode).toBe(404);
  });

  it('erases the user’s exports, ZIPs included, with the account', async () => {
    const em = () => t.get(EntityManager).fork();
    const exports = await em().find(DataExport, { userId: bravo.id });
    expect(exports.length).toBeGreaterThan(0);
    const storage = t.get<StoragePort>(STORAGE_PORT);
    const keys = exports.map((e) => e.storageKey).filter((key): key is string => !!key);
    expect(keys.length).toBeGreaterThan(0);
    const deleted = await t.inject({
      method: 'DELETE',
      url: '/v1/me',
      headers: { authorization: bravo.session.authorization },
      payload: { password: PASSWORD },
    });
    expect(deleted.statusCode).toBe(204);
    await eventually(
      async () => (await em().count(DataExport, { userId: bravo.id })) === 0,
      30_000,
    );
    for (const key of keys) expect(await storage.exists('data-exports', key)).toBe(false);
    expect(await em().count(DataExport, { userId: alpha.id })).toBeGreaterThan(0);
  });
});
