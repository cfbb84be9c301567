import { getQueueToken } from '@nestjs/bull';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bull';
import { QUEUES } from '@lib/queue';
import { eventually, ResendFake, SmtpFake, TestApp } from '@lib/testing';
import { Notifier } from '../src/modules/notifications';
import { createUser, signIn } from './support/accounts';

const PASSWORD = 'correct horse battery staple';
const ISSUE = {
  name: 'Lin',
  title: 'December issue',
  intro: 'What is new.',
  articles: [],
  link: 'https://app.career-tools.test/blog',
};

/** Subscribes a new user to the newsletter and sends them an issue through notify(). */
async function sendIssue(t: TestApp, email: string): Promise<void> {
  const userId = await createUser(t, { email, password: PASSWORD, name: 'Lin' });
  const session = await signIn(t, email, PASSWORD);
  // The newsletter preference subscribes the address, which must be verified first.
  await t
    .get(EntityManager)
    .fork()
    .execute(`update users set email_verified_at = now() where id = ?`, [userId]);
  const put = await t.inject({
    method: 'PUT',
    url: '/v1/me/notification-preferences',
    headers: { authorization: session.authorization },
    payload: { channels: { newsletter: { email: true } } },
  });
  expect(put.statusCode).toBe(200);
  await t.get(Notifier).notify(userId, 'newsletter.issue', ISSUE, { subjectId: 'issue-12' });
  const job = await t
    .get<Queue>(getQueueToken(QUEUES.notifications))
    .getJob(`newsletter.issue:issue-12:${userId}`);
  expect(await job!.finished()).toEqual({ email: 'sent' });
}

const ONE_CLICK = /^<http:\/\/localhost:3000\/v1\/unsubscribe\/[0-9a-f-]+\.newsletter\.[\w-]+>$/;

describe('RFC 8058 headers reach the mail providers', () => {
  it('Resend: the headers field of POST /emails', async () => {
    const resend = new ResendFake('re_test_123');
    const { url } = await resend.start();
    const t = await TestApp.create({
      env: { MAIL_DRIVER: 'resend', RESEND_API_KEY: 're_test_123', RESEND_BASE_URL: url },
    });
    try {
      await sendIssue(t, 'lin@resend.test');
      const request = await eventually(async () =>
        Promise.resolve(resend.requests.find((r) => r.path === '/emails')),
      );
      const body = request.body as { headers?: Record<string, string>; subject: string };
      expect(body.subject).toBe('December issue');
      expect(body.headers?.['List-Unsubscribe']).toMatch(ONE_CLICK);
      expect(body.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    } finally {
      await t.close();
      await resend.stop();
    }
  });

  it('SMTP: message headers', async () => {
    const smtp = new SmtpFake();
    const { url } = await smtp.start();
    const t = await TestApp.create({ env: { MAIL_DRIVER: 'smtp', SMTP_URL: url } });
    try {
      await sendIssue(t, 'lin@smtp.test');
      const received = await eventually(async () => Promise.resolve(smtp.received[0]));
      const headers = received.raw.slice(0, received.raw.indexOf('\r\n\r\n'));
      const unsubscribe = /^List-Unsubscribe: (.+)$/m.exec(headers.replace(/\r\n\s+/g, ' '));
      expect(unsubscribe?.[1]).toMatch(ONE_CLICK);
      expect(headers).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    } finally {
      await t.close();
      await smtp.stop();
    }
  });
});
