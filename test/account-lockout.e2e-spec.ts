import { eventually, TestApp } from '@lib/testing';
import { NotifyAccountLockedHandler } from '../src/modules/identity/event-handlers/notify-account-locked.handler';
import { AccountLocked } from '../src/modules/identity/events/account.events';
import {
  auditEvents,
  call,
  createUser,
  login,
  signInAsAdmin,
  type Session,
} from './support/accounts';

const PASSWORD = 'a-long-password-for-tests';
const MAX_FAILURES = 3;
const LOCK_SECONDS = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The parts of a problem that are the same for every request (not its id). */
function answer(response: { statusCode: number; json: () => Record<string, unknown> }) {
  const { requestId: _id, ...problem } = response.json();
  return { status: response.statusCode, ...problem };
}

describe('account lockout', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await TestApp.create({
      role: 'api',
      env: { LOGIN_MAX_FAILURES: String(MAX_FAILURES), LOGIN_LOCK_SECONDS: String(LOCK_SECONDS) },
    });
    admin = await signInAsAdmin(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const adminView = async (email: string) => {
    const response = await call(t, 'GET', `/v1/admin/users?q=${email}`, admin.authorization);
    return response.json().items[0] as {
      id: string;
      locked: boolean;
      lockedUntil: string | null;
      failedLogins: number;
    };
  };
  const failTimes = async (email: string, times: number) => {
    for (let i = 0; i < times; i += 1) {
      expect((await login(t, email, `wrong-password-${i}`)).statusCode).toBe(401);
    }
  };

  it('locks after N failures in a row: even the right password is refused until the lock ends', async () => {
    const id = await createUser(t, { email: 'ada@example.test', password: PASSWORD });
    const wrong = await login(t, 'ada@example.test', 'wrong-password');
    await failTimes('ada@example.test', MAX_FAILURES - 1);

    const view = await adminView('ada@example.test');
    expect(view).toMatchObject({ locked: true, failedLogins: 0 });
    const refused = await login(t, 'ada@example.test', PASSWORD);
    // Exactly what a wrong password or an unknown email gets: the lock reveals nothing.
    expect(answer(refused)).toEqual(answer(wrong));
    expect(answer(refused)).toMatchObject({ status: 401, code: 'auth.invalid_credentials' });
    const unknown = await login(t, 'nobody@example.test', PASSWORD);
    expect(answer(unknown)).toEqual(answer(wrong));

    // Attempts during the lock do not extend it: an attacker cannot keep the owner out.
    await failTimes('ada@example.test', MAX_FAILURES + 1);
    expect((await adminView('ada@example.test')).lockedUntil).toBe(view.lockedUntil);

    await sleep(new Date(view.lockedUntil!).getTime() - Date.now() + 100);
    expect((await login(t, 'ada@example.test', PASSWORD)).statusCode).toBe(200);
    expect(await adminView('ada@example.test')).toMatchObject({ locked: false, failedLogins: 0 });

    const locked = await auditEvents(t, admin, 'security.account_locked', id);
    expect(locked).toHaveLength(1);
    expect(locked[0]).toMatchObject({
      streamId: id,
      payload: { failures: MAX_FAILURES, lockedUntil: view.lockedUntil },
      metadata: { ip: expect.any(String) },
    });
    const failed = await auditEvents(t, admin, 'security.login_failed');
    expect(failed.filter((e) => e.payload.reason === 'account_locked').length).toBeGreaterThan(0);
  });

  it('emails the owner once per lock, even if the event is delivered again', async () => {
    const id = await createUser(t, { email: 'grace@example.test', password: PASSWORD });
    await failTimes('grace@example.test', MAX_FAILURES);
    const [stored] = await auditEvents(t, admin, 'security.account_locked', id);
    // At-least-once delivery: the outbox relay may hand the handler the same event twice.
    const again = Object.assign(new AccountLocked(id, stored.payload as never), {
      eventId: stored.id,
      metadata: stored.metadata,
    });
    await t.get(NotifyAccountLockedHandler).handle(again);

    const messages = await eventually(async () => {
      const response = await call(
        t,
        'GET',
        '/v1/admin/outbox?to=grace@example.test',
        admin.authorization,
      );
      const items = response.json().items as { subject: string; text: string; template: string }[];
      return items.length > 0 ? items : undefined;
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      template: 'account-locked',
      subject: 'Sign-in to your Career Tools account was locked',
    });
    expect(messages[0].text).toContain(`after ${MAX_FAILURES} failed sign-in attempts`);
    expect(messages[0].text).not.toMatch(/wrong-password/);
  });

  it('counts consecutive failures only: a successful sign-in resets the count', async () => {
    await createUser(t, { email: 'alan@example.test', password: PASSWORD });
    await failTimes('alan@example.test', MAX_FAILURES - 1);
    expect((await adminView('alan@example.test')).failedLogins).toBe(MAX_FAILURES - 1);
    expect((await login(t, 'alan@example.test', PASSWORD)).statusCode).toBe(200);
    expect((await adminView('alan@example.test')).failedLogins).toBe(0);
    await failTimes('alan@example.test', MAX_FAILURES - 1);
    expect((await login(t, 'alan@example.test', PASSWORD)).statusCode).toBe(200);
  });

  it('an admin can lift the lock at once', async () => {
    const id = await createUser(t, { email: 'edsger@example.test', password: PASSWORD });
    await failTimes('edsger@example.test', MAX_FAILURES);
    expect((await login(t, 'edsger@example.test', PASSWORD)).statusCode).toBe(401);

    const unlocked = await call(t, 'PATCH', `/v1/admin/users/${id}`, admin.authorization, {
      locked: false,
    });
    expect(unlocked.json()).toMatchObject({ locked: false, failedLogins: 0 });
    expect((await login(t, 'edsger@example.test', PASSWORD)).statusCode).toBe(200);
  });

  it('counts parallel attempts one by one: one lock, one event, one email', async () => {
    const id = await createUser(t, { email: 'barbara@example.test', password: PASSWORD });
    const responses = await Promise.all(
      Array.from({ length: MAX_FAILURES * 2 }, (_, i) =>
        login(t, 'barbara@example.test', `wrong-password-${i}`),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 401));
    expect((await adminView('barbara@example.test')).locked).toBe(true);
    expect(await auditEvents(t, admin, 'security.account_locked', id)).toHaveLength(1);
    const outbox = await call(
      t,
      'GET',
      '/v1/admin/outbox?to=barbara@example.test',
      admin.authorization,
    );
    expect(outbox.json().items).toHaveLength(1);
  });
});
