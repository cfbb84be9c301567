import { EntityManager } from '@mikro-orm/postgresql';
import { generate } from 'otplib';
import { UnitOfWork } from '@lib/event-store';
import { eventually, TestApp } from '@lib/testing';
import { User } from '../src/modules/identity';

const PASSWORD = 'correct-password-123';

interface Setup {
  secret: string;
  otpauthUrl: string;
  qrCodeDataUrl: string;
}

/** A TOTP code for the step `stepOffset` steps away from now (the server allows ±1). */
function totp(secret: string, stepOffset = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepOffset * 30 });
}

/** A fresh client address per call keeps these tests clear of the auth rate limit (5 per IP). */
const octet = () => Math.floor(Math.random() * 250) + 1;
const randomIp = () => `10.${octet()}.${octet()}.${octet()}`;

describe('TOTP two-factor authentication', () => {
  let t: TestApp;
  let admin: string;
  /** Every response body but setup's, to prove the secret never leaks. */
  const bodiesAfterSetup: string[] = [];
  const secretsSeen: string[] = [];

  const call = async (method: 'GET' | 'POST', url: string, token?: string, payload?: object) => {
    const res = await t.inject({
      method,
      url,
      payload,
      remoteAddress: randomIp(),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    if (!url.endsWith('/2fa/setup')) bodiesAfterSetup.push(res.body);
    return res;
  };
  const login = (email: string, otp?: string, password = PASSWORD) =>
    call('POST', '/v1/auth/login', undefined, { email, password, ...(otp ? { otp } : {}) });

  async function createUser(email: string): Promise<string> {
    const bcrypt = await import('bcrypt');
    const passwordHash = await bcrypt.hash(PASSWORD, 4);
    const user = User.register({ email, passwordHash, name: email.split('@')[0] });
    await t.get(UnitOfWork).run((em) => {
      em.persist(user);
      return Promise.resolve();
    });
    const res = await login(email);
    expect(res.statusCode).toBe(200);
    return res.json<{ accessToken: string }>().accessToken;
  }

  async function setUp(token: string): Promise<Setup> {
    const res = await call('POST', '/v1/auth/2fa/setup', token);
    expect(res.statusCode).toBe(200);
    const setup = res.json<Setup>();
    secretsSeen.push(setup.secret);
    return setup;
  }

  /**
   * A user with 2FA on. Enabling uses the previous step's code, which leaves the
   * current and the next step free for the test to sign in with.
   */
  async function userWithTwoFactor(email: string) {
    const accessToken = await createUser(email);
    const { secret } = await setUp(accessToken);
    const res = await call('POST', '/v1/auth/2fa/enable', accessToken, {
      otp: await totp(secret, -1),
    });
    expect(res.statusCode).toBe(200);
    return {
      accessToken,
      secret,
      recoveryCodes: res.json<{ recoveryCodes: string[] }>().recoveryCodes,
    };
  }

  const eventsOfType = async (type: string, streamId: string) => {
    const res = await t.inject({
      method: 'GET',
      url: `/v1/admin/audit/events?type=${type}&streamId=${streamId}`,
      headers: { authorization: admin },
    });
    expect(res.statusCode).toBe(200);
    return res.json<{ items: { type: string }[] }>().items;
  };
  const userId = async (email: string) =>
    (await t.get(EntityManager).fork().findOneOrFail(User, { email })).id;

  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
    admin = await t.adminAuthorization();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sets up, enables with a code and then signs in only with a TOTP code', async () => {
    const token = await createUser('ada@example.test');
    const setup = await setUp(token);
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(setup.otpauthUrl);
    expect(url.host).toBe('totp');
    expect(url.searchParams.get('issuer')).toBe('Career Tools');
    expect(decodeURIComponent(url.pathname)).toBe('/Career Tools:ada@example.test');
    expect(setup.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

    const wrong = await call('POST', '/v1/auth/2fa/enable', token, { otp: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('two_factor.invalid_otp');

    const enabled = await call('POST', '/v1/auth/2fa/enable', token, {
      otp: await totp(setup.secret, -1),
    });
    expect(enabled.statusCode).toBe(200);
    const { recoveryCodes } = enabled.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    const me = await call('GET', '/v1/me', token);
    expect(me.json()).toMatchObject({ email: 'ada@example.test', twoFactorEnabled: true });

    const signedIn = await login('ada@example.test', await totp(setup.secret));
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().accessToken).toEqual(expect.any(String));

    const id = await userId('ada@example.test');
    expect(await eventsOfType('identity.two_factor_enabled', id)).toHaveLength(1);
    const mail = await eventually(async () => {
      const res = await t.inject({
        method: 'GET',
        url: '/v1/admin/outbox?to=ada@example.test',
        headers: { authorization: admin },
      });
      const items = res.json<{ items: { subject: string }[] }>().items;
      return items.find((m) => m.subject === '2FA turned on');
    });
    expect(mail).toBeDefined();
  });

  it('answers auth.mfa_required without a code, but only once the password was right', async () => {
    await userWithTwoFactor('bea@example.test');
    const noCode = await login('bea@example.test');
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('auth.mfa_required');

    const wrongPassword = await login('bea@example.test', undefined, 'wrong-password-123');
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json().code).toBe('auth.invalid_credentials');
  });

  it('refuses a code replayed within its step and records security.mfa_failed', async () => {
    const { secret } = await userWithTwoFactor('cal@example.test');
    const code = await totp(secret);
    expect((await login('cal@example.test', code)).statusCode).toBe(200);

    const replay = await login('cal@example.test', code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('auth.invalid_otp');
    expect(
      await eventsOfType('security.mfa_failed', await userId('cal@example.test')),
    ).toHaveLength(1);
  });

  it('refuses a code from an earlier step once a later one was used', async () => {
    const { secret } = await userWithTwoFactor('dan@example.test');
    expect((await login('dan@example.test', await totp(secret, 1))).statusCode).toBe(200);

    const older = await login('dan@example.test', await totp(secret, 0));
    expect(older.statusCode).toBe(401);
    expect(older.json().code).toBe('auth.invalid_otp');
  });

  it('accepts each recovery code once, as typed by a person', async () => {
    const { recoveryCodes } = await userWithTwoFactor('eve@example.test');
    const [first, second] = recoveryCodes;
    expect((await login('eve@example.test', first.toLowerCase())).statusCode).toBe(200);

    const again = await login('eve@example.test', first);
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('auth.invalid_otp');
    expect((await login('eve@example.test', second)).statusCode).toBe(200);
    expect(
      await eventsOfType('identity.recovery_code_used', await userId('eve@example.test')),
    ).toHaveLength(2);
  });

  it('turns 2FA off only with the right password and code, and says so by email', async () => {
    const { accessToken, secret } = await userWithTwoFactor('fay@example.test');
    const disable = (body: object) => call('POST', '/v1/auth/2fa/disable', accessToken, body);

    const wrongPassword = await disable({
      password: 'wrong-password-123',
      otp: await totp(secret),
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json().code).toBe('auth.invalid_password');

    const wrongCode = await disable({ password: PASSWORD, otp: '000000' });
    expect(wrongCode.statusCode).toBe(401);
    expect(wrongCode.json().code).toBe('auth.invalid_otp');

    const noCode = await disable({ password: PASSWORD });
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json().code).toBe('two_factor.code_required');

    // The failed attempts used nothing up: the current code still works.
    expect((await disable({ password: PASSWORD, otp: await totp(secret) })).statusCode).toBe(204);
    expect((await call('GET', '/v1/me', accessToken)).json().twoFactorEnabled).toBe(false);
    expect((await login('fay@example.test')).statusCode).toBe(200);
    expect((await disable({ password: PASSWORD, otp: await totp(secret, 1) })).json().code).toBe(
      'two_factor.not_enabled',
    );

    const id = await userId('fay@example.test');
    expect(await eventsOfType('identity.two_factor_disabled', id)).toHaveLength(1);
    const row = await t
      .get(EntityManager)
      .getConnection()
      .execute<{ sealed: string | null; hashes: unknown }[]>(
        'select totp_secret_sealed as sealed, recovery_code_hashes as hashes from users where id = ?',
        [id],
      );
    expect(row[0]).toEqual({ sealed: null, hashes: null });
    await eventually(async () => {
      const res = await t.inject({
        method: 'GET',
        url: '/v1/admin/outbox?to=fay@example.test',
        headers: { authorization: admin },
      });
      return res
        .json<{ items: { subject: string }[] }>()
        .items.some((m) => m.subject === '2FA turned off');
    });
  });

  it('disables with a recovery code in recoveryCode', async () => {
    const { accessToken, recoveryCodes } = await userWithTwoFactor('gus@example.test');
    const res = await call('POST', '/v1/auth/2fa/disable', accessToken, {
      password: PASSWORD,
      recoveryCode: recoveryCodes[3],
    });
    expect(res.statusCode).toBe(204);
  });

  it('replaces a pending secret on a second setup and refuses setup while 2FA is on', async () => {
    const token = await createUser('hal@example.test');
    const first = await setUp(token);
    const second = await setUp(token);
    expect(second.secret).not.toBe(first.secret);

    const stale = await call('POST', '/v1/auth/2fa/enable', token, {
      otp: await totp(first.secret),
    });
    expect(stale.statusCode).toBe(400);
    const fresh = await call('POST', '/v1/auth/2fa/enable', token, {
      otp: await totp(second.secret),
    });
    expect(fresh.statusCode).toBe(200);

    const again = await call('POST', '/v1/auth/2fa/setup', token);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('two_factor.already_enabled');
  });

  it('keeps the TOTP secret sealed in the database', async () => {
    const { secret } = await userWithTwoFactor('ivy@example.test');
    const [row] = await t
      .get(EntityManager)
      .getConnection()
      .execute<{ sealed: string }[]>(
        "select totp_secret_sealed as sealed from users where email = 'ivy@example.test'",
      );
    expect(row.sealed).toMatch(/^v2\./); // bound to the account (AAD)
    expect(row.sealed).not.toContain(secret);
    expect(Buffer.from(row.sealed.split('.')[3], 'base64url').toString('latin1')).not.toContain(
      secret,
    );
  });

  it('never shows a secret in any response but setup', () => {
    expect(secretsSeen.length).toBeGreaterThan(5);
    expect(bodiesAfterSetup.length).toBeGreaterThan(20);
    for (const body of bodiesAfterSetup) {
      for (const secret of secretsSeen) expect(body).not.toContain(secret);
      expect(body).not.toMatch(/totp|recoveryCodeHashes|passwordHash/i);
    }
  });
});
