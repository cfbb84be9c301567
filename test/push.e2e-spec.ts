import { EntityManager } from '@mikro-orm/postgresql';
import { eventually, FcmFake, TestApp, WebPushServiceFake } from '@lib/testing';
import { PushSender } from '../src/modules/notifications/push';
import { createUser, signIn, type Session } from './support/accounts';

const PASSWORD = 'correct-horse-battery';

interface Device {
  id: string;
  platform: string;
  name: string | null;
  hint: string;
}

describe('Push: devices, FCM HTTP v1 and Web Push', () => {
  const fcm = new FcmFake();
  const webPush = new WebPushServiceFake();
  let t: TestApp;
  const users: Record<string, { id: string; session: Session }> = {};

  beforeAll(async () => {
    await fcm.start();
    await webPush.start();
    t = await TestApp.create({
      env: { ...fcm.env(), PUSH_RETRY_BACKOFF_MS: '50', PUSH_MAX_DEVICES_PER_USER: '3' },
    });
    for (const name of ['ada', 'bob', 'cy']) {
      const email = `${name}@example.test`;
      const id = await createUser(t, { email, password: PASSWORD });
      users[name] = { id, session: await signIn(t, email, PASSWORD) };
    }
  });

  afterAll(async () => {
    await t?.close();
    await fcm.stop();
    await webPush.stop();
  });

  beforeEach(() => fcm.reset());

  const as = (who: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.inject({
      method,
      url,
      headers: { authorization: users[who].session.authorization },
      ...(payload ? { payload } : {}),
    });

  const devicesOf = async (who: string) =>
    (await as(who, 'GET', '/v1/me/devices')).json<{ items: Device[]; limit: number }>();

  it('serves a VAPID public key anyone can subscribe with, the same on every call', async () => {
    const first = await t.inject({ method: 'GET', url: '/v1/push/vapid-public-key' });
    expect(first.statusCode).toBe(200);
    const { publicKey } = first.json<{ publicKey: string }>();
    const point = Buffer.from(publicKey, 'base64url');
    expect(point).toHaveLength(65);
    expect(point[0]).toBe(4);
    const again = await t.inject({ method: 'GET', url: '/v1/push/vapid-public-key' });
    expect(again.json()).toEqual({ publicKey });
  });

  it('registers a Web Push subscription once per endpoint, lists it and lets only its owner delete it', async () => {
    const subscription = webPush.subscribe();
    const created = await as('ada', 'POST', '/v1/me/devices', {
      platform: 'webpush',
      subscription,
      name: 'Firefox',
    });
    expect(created.statusCode).toBe(201);
    const device = created.json<Device>();
    expect(device).toMatchObject({
      platform: 'webpush',
      name: 'Firefox',
      hint: new URL(subscription.endpoint).origin,
    });

    const again = await as('ada', 'POST', '/v1/me/devices', { platform: 'webpush', subscription });
    expect(again.statusCode).toBe(200);
    expect(again.json<Device>().id).toBe(device.id);
    expect((await devicesOf('ada')).items.map((d) => d.id)).toEqual([device.id]);

    // Another user neither sees nor deletes it.
    expect((await devicesOf('bob')).items).toEqual([]);
    const foreign = await as('bob', 'DELETE', `/v1/me/devices/${device.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'push.device_not_found' });

    expect((await as('ada', 'DELETE', `/v1/me/devices/${device.id}`)).statusCode).toBe(204);
    expect((await devicesOf('ada')).items).toEqual([]);
    expect((await as('ada', 'DELETE', `/v1/me/devices/${device.id}`)).statusCode).toBe(404);
  });

  it('refuses registrations without their token or subscription, and unusable subscription keys', async () => {
    const missing = await as('ada', 'POST', '/v1/me/devices', { platform: 'webpush' });
    expect(missing.statusCode).toBe(400);
    const noToken = await as('ada', 'POST', '/v1/me/devices', { platform: 'fcm' });
    expect(noToken.statusCode).toBe(400);
    const subscription = webPush.subscribe();
    const badKey = await as('ada', 'POST', '/v1/me/devices', {
      platform: 'webpush',
      subscription: { ...subscription, keys: { ...subscription.keys, p256dh: 'AAAA' } },
    });
    expect(badKey.statusCode).toBe(422);
    expect(badKey.json()).toMatchObject({ code: 'push.invalid_subscription' });
    const notUrl = await as('ada', 'POST', '/v1/me/devices', {
      platform: 'webpush',
      subscription: { ...subscription, endpoint: 'file:///etc/passwd' },
    });
    expect(notUrl.statusCode).toBe(422);
  });

  it('keeps at most the per-user limit, dropping the least recently seen device', async () => {
    const tokens = [fcm.newToken(), fcm.newToken(), fcm.newToken(), fcm.newToken()];
    const ids: string[] = [];
    for (const token of tokens) {
      const response = await as('cy', 'POST', '/v1/me/devices', { platform: 'fcm', token });
      expect(response.statusCode).toBe(201);
      ids.push(response.json<Device>().id);
    }
    const { items, limit } = await devicesOf('cy');
    expect(limit).toBe(3);
    expect(items.map((d) => d.id).sort()).toEqual(ids.slice(1).sort());
    // A token registered by another account moves to it.
    const moved = await as('bob', 'POST', '/v1/me/devices', { platform: 'fcm', token: tokens[3] });
    expect(moved.statusCode).toBe(201);
    expect((await devicesOf('cy')).items).toHaveLength(2);
    expect((await devicesOf('bob')).items.map((d) => d.id)).toEqual([moved.json<Device>().id]);
    for (const device of [...(await devicesOf('cy')).items, ...(await devicesOf('bob')).items]) {
      await as(
        device.id === moved.json<Device>().id ? 'bob' : 'cy',
        'DELETE',
        `/v1/me/devices/${device.id}`,
      );
    }
  });

  it('delivers to FCM and to the browser: the push service decrypts what was sent', async () => {
    const token = fcm.newToken();
    const subscription = webPush.subscribe();
    await as('ada', 'POST', '/v1/me/devices', { platform: 'fcm', token });
    await as('ada', 'POST', '/v1/me/devices', { platform: 'webpush', subscription });
    const message = {
      title: 'New job match',
      body: '3 new jobs match “Backend”',
      url: 'https://career-tools.test/jobs?search=backend',
      data: { type: 'jobs.alert', count: '3' },
    };

    const result = await t.get(PushSender).sendToUser(users.ada.id, message);

    expect(result).toEqual({ sent: 2, removed: 0 });
    expect(fcm.messages).toEqual([
      {
        token,
        notification: { title: message.title, body: message.body },
        data: { ...message.data, url: message.url },
        android: { ttl: '86400s' },
        webpush: { fcm_options: { link: message.url } },
      },
    ]);
    const [push] = webPush.receivedBy(subscription.endpoint);
    expect(JSON.parse(push.payload)).toEqual(message);
    const { publicKey } = (
      await t.inject({ method: 'GET', url: '/v1/push/vapid-public-key' })
    ).json<{ publicKey: string }>();
    expect(push.vapidPublicKey).toBe(publicKey);
    expect(push.subject).toBe(`mailto:${t.config.env.ADMIN_EMAIL}`);
    expect(push.ttl).toBe(86400);

    // The OAuth token is cached: more sends exchange no new one; a revoked one is replaced once.
    expect(fcm.tokenExchanges).toBe(1);
    await t.get(PushSender).sendToUser(users.ada.id, message);
    expect(fcm.tokenExchanges).toBe(1);
    fcm.revokeAccessTokens();
    expect(await t.get(PushSender).sendToUser(users.ada.id, message)).toEqual({
      sent: 2,
      removed: 0,
    });
    expect(fcm.tokenExchanges).toBe(2);
    expect(fcm.messages).toHaveLength(3);
  });

  it('removes an FCM token the service calls UNREGISTERED and a subscription answered 410 Gone', async () => {
    const token = fcm.newToken();
    const subscription = webPush.subscribe();
    await as('bob', 'POST', '/v1/me/devices', { platform: 'fcm', token });
    await as('bob', 'POST', '/v1/me/devices', { platform: 'webpush', subscription });
    expect((await devicesOf('bob')).items).toHaveLength(2);
    fcm.unregister(token);
    webPush.expire(subscription.endpoint);

    const result = await t.get(PushSender).sendToUser(users.bob.id, { title: 'Hi', body: 'there' });

    expect(result).toEqual({ sent: 0, removed: 2 });
    expect((await devicesOf('bob')).items).toEqual([]);
    expect(webPush.requests.at(-1)).toMatchObject({ status: 410 });
    // Nothing is left to push to, so nothing more is sent.
    expect(
      await t.get(PushSender).sendToUser(users.bob.id, { title: 'Hi', body: 'again' }),
    ).toEqual({
      sent: 0,
      removed: 0,
    });
    expect(fcm.attempts).toHaveLength(1);
  });

  it('backs off on quota and server errors and delivers once later, from the push queue', async () => {
    const token = fcm.newToken();
    const subscription = webPush.subscribe();
    await as('cy', 'POST', '/v1/me/devices', { platform: 'fcm', token });
    await as('cy', 'POST', '/v1/me/devices', { platform: 'webpush', subscription });
    fcm.failNext('QUOTA_EXCEEDED', { retryAfter: '1' });
    webPush.failNext(503, { times: 2 });

    const result = await t
      .get(PushSender)
      .sendToUser(users.cy.id, { title: 'Later', body: 'after a retry' }, { key: 'retry-test' });

    expect(result).toEqual({ sent: 0, removed: 0 });
    await eventually(() =>
      Promise.resolve(
        fcm.messages.length === 1 && webPush.receivedBy(subscription.endpoint).length === 1,
      ),
    );
    expect(fcm.messages[0]).toMatchObject({ token, notification: { title: 'Later' } });
    expect(fcm.attempts).toHaveLength(2);
    expect((await devicesOf('cy')).items).toHaveLength(2);
  });

  it('forgets the devices of an erased account', async () => {
    const id = await createUser(t, { email: 'dee@example.test', password: PASSWORD });
    const session = await signIn(t, 'dee@example.test', PASSWORD);
    const registered = await t.inject({
      method: 'POST',
      url: '/v1/me/devices',
      headers: { authorization: session.authorization },
      payload: { platform: 'webpush', subscription: webPush.subscribe() },
    });
    expect(registered.statusCode).toBe(201);
    const erased = await t.inject({
      method: 'DELETE',
      url: '/v1/me',
      headers: { authorization: session.authorization },
      payload: { password: PASSWORD },
    });
    expect(erased.statusCode).toBe(204);
    const remaining = () =>
      t
        .get(EntityManager)
        .fork()
        .execute<{ n: string }[]>('select count(*) as n from push_devices where user_id = ?', [id]);
    await eventually(async () => Number((await remaining())[0].n) === 0);
  });

  it('refuses FCM tokens with 503 push.fcm_not_configured on a server without a service account', async () => {
    const bare = await TestApp.create({ replicaOf: t, role: 'api' });
    try {
      const response = await bare.inject({
        method: 'POST',
        url: '/v1/me/devices',
        headers: { authorization: users.ada.session.authorization },
        payload: { platform: 'fcm', token: fcm.newToken() },
      });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'push.fcm_not_configured' });
      const web = await bare.inject({
        method: 'POST',
        url: '/v1/me/devices',
        headers: { authorization: users.ada.session.authorization },
        payload: { platform: 'webpush', subscription: webPush.subscribe() },
      });
      expect(web.statusCode).toBe(201);
    } finally {
      await bare.close();
    }
  });
});
