import { eventually, TestApp } from '@lib/testing';
import { auditEvents, createUser, freshIp, signInAsAdmin, type Session } from './support/accounts';

const PASSWORD = 'correct-horse-battery';
const LAPTOP = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0';
const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 19_0 like Mac OS X) Safari/605.1';

describe('sign-in from a new device', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await TestApp.create();
    admin = await signInAsAdmin(t);
  });
  afterAll(() => t.close());

  const signIn = async (userAgent: string, ip = freshIp()) => {
    const res = await t.inject({
      method: 'POST',
      url: '/v1/auth/login',
      remoteAddress: ip,
      headers: { 'user-agent': userAgent },
      payload: { email: 'nina@example.test', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
  };
  const emailsTo = async (address: string) => {
    const res = await t.inject({
      method: 'GET',
      url: `/v1/admin/outbox?to=${encodeURIComponent(address)}`,
      headers: { authorization: admin.authorization },
    });
    return res.json<{ items: { template: string | null; text: string }[] }>().items;
  };

  it('is a security event with ip and user agent, and the owner is emailed once per new device', async () => {
    const userId = await createUser(t, { email: 'nina@example.test', password: PASSWORD });
    await signIn(LAPTOP); // the first device ever: nothing to compare with
    await signIn(LAPTOP); // known
    const newDevice = async () =>
      (await auditEvents(t, admin, 'security.new_device_login')).filter(
        (e) => e.payload.userId === userId,
      );
    expect(await newDevice()).toHaveLength(0);

    await signIn(PHONE, '198.51.100.23');
    const [event] = await newDevice();
    expect(event.metadata).toMatchObject({ ip: '198.51.100.23', userAgent: PHONE });
    const alert = await eventually(async () =>
      (await emailsTo('nina@example.test')).find((m) => m.template === 'new-device-login'),
    );
    expect(alert.text).toContain(PHONE);
    expect(alert.text).toContain('198.51.100.23');
    expect(alert.text).toContain('/settings/sessions');

    await signIn(PHONE); // now known
    expect(await newDevice()).toHaveLength(1);
    const alerts = (await emailsTo('nina@example.test')).filter(
      (m) => m.template === 'new-device-login',
    );
    expect(alerts).toHaveLength(1);
  });
});
