import { TestApp } from '@lib/testing';
import { UserPreferencesReader } from '../src/modules/identity';
import { call, freshIp } from './support/accounts';

interface Me {
  id: string;
  locale: string;
  timezone: string;
}

describe('profile: language and time zone', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
  });
  afterAll(() => t.close());

  async function register(
    email: string,
    extra: object = {},
    headers: Record<string, string> = {},
  ): Promise<{ authorization: string; user: Me }> {
    const res = await t.inject({
      method: 'POST',
      url: '/v1/auth/register',
      remoteAddress: freshIp(),
      headers,
      payload: { email, password: 'violet-harbour-tram-1987', name: 'Lin', ...extra },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json<{ accessToken: string; user: Me }>();
    return { authorization: `Bearer ${body.accessToken}`, user: body.user };
  }

  it('a new account takes its language from Accept-Language (highest q first), UTC as zone', async () => {
    const { authorization, user } = await register(
      'locale.header@example.test',
      {},
      { 'accept-language': 'xx_invalid, de;q=0.5, pt-br;q=0.9, *;q=0.1' },
    );
    expect(user).toMatchObject({ locale: 'pt-BR', timezone: 'UTC' });
    const me = await call(t, 'GET', '/v1/me', authorization);
    expect(me.json<Me>()).toMatchObject({ locale: 'pt-BR', timezone: 'UTC' });
  });

  it('without a usable header the language is en; the body may name both', async () => {
    expect((await register('locale.none@example.test')).user).toMatchObject({
      locale: 'en',
      timezone: 'UTC',
    });
    const named = await register(
      'locale.body@example.test',
      { locale: 'fr-ca', timezone: 'America/Toronto' },
      { 'accept-language': 'de' },
    );
    expect(named.user).toMatchObject({ locale: 'fr-CA', timezone: 'America/Toronto' });
  });

  it('PATCH /v1/me changes both (stored canonical); other modules read them through identity', async () => {
    const { authorization, user } = await register('locale.patch@example.test');
    const res = await call(t, 'PATCH', '/v1/me', authorization, {
      locale: 'zh-hant-tw',
      timezone: 'europe/berlin',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Me>()).toMatchObject({ locale: 'zh-Hant-TW', timezone: 'Europe/Berlin' });
    expect((await call(t, 'GET', '/v1/me', authorization)).json<Me>()).toMatchObject({
      locale: 'zh-Hant-TW',
      timezone: 'Europe/Berlin',
    });
    await expect(t.get(UserPreferencesReader).localeAndZone(user.id)).resolves.toEqual({
      locale: 'zh-Hant-TW',
      timezone: 'Europe/Berlin',
    });
  });

  it.each([
    [{ locale: 'english please' }, '$.locale'],
    [{ locale: 'en_US' }, '$.locale'],
    [{ locale: 42 }, '$.locale'],
    [{ timezone: 'Mars/Olympus_Mons' }, '$.timezone'],
    [{ timezone: '+01:00' }, '$.timezone'],
    [{ timezone: '' }, '$.timezone'],
  ])('an invalid value %j → 400 naming the field %s, nothing changes', async (payload, path) => {
    const { authorization } = await register(`locale.bad.${freshIp()}@example.test`);
    const res = await call(t, 'PATCH', '/v1/me', authorization, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation.failed' });
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([path]);
    expect((await call(t, 'GET', '/v1/me', authorization)).json<Me>()).toMatchObject({
      locale: 'en',
      timezone: 'UTC',
    });
  });

  it('registration refuses an invalid locale or zone naming the field', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/v1/auth/register',
      remoteAddress: freshIp(),
      payload: {
        email: 'locale.refused@example.test',
        password: 'violet-harbour-tram-1987',
        name: 'Lin',
        timezone: 'Nowhere/Land',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors[0].path).toBe('$.timezone');
  });
});
