import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { TestApp } from '@lib/testing';
import { Migration20261202150845 } from '../migrations/Migration20261202150845';
import { Migration20261203121500 } from '../migrations/Migration20261203121500';
import { createUser } from './support/accounts';

/**
 * The migration that introduced notification preferences carries the old
 * profile switches (users.preferences) into them. Replays its data step on
 * users who set those switches before it existed.
 */
describe('migration of the old notification switches', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
  });
  afterAll(() => t.close());

  it('turns emailNotifications, jobAlerts and newsletter into category × channel choices', async () => {
    const em = t.get(EntityManager).fork();
    const ids: Record<string, string> = {};
    const old: Record<string, object> = {
      quiet: { emailNotifications: false, jobAlerts: true, newsletter: false },
      noAlerts: { emailNotifications: true, jobAlerts: false, newsletter: false },
      reader: { emailNotifications: true, jobAlerts: true, newsletter: true },
      defaults: { emailNotifications: true, jobAlerts: true, newsletter: false },
    };
    for (const [name, preferences] of Object.entries(old)) {
      ids[name] = await createUser(t, { email: `${name}@migrate.test`, password: 'pw-pw-pw-pw' });
      await em.execute(`update users set preferences = preferences || ?::jsonb where id = ?`, [
        JSON.stringify(preferences),
        ids[name],
      ]);
    }

    const orm = t.get(MikroORM);
    const migration = new Migration20261202150845(em.getDriver(), orm.config);
    await migration.up();
    const carry = migration
      .getQueries()
      .map(String)
      .find((sql) => sql.includes('insert into "notification_preferences"'));
    expect(carry).toBeDefined();
    await em.execute(carry!);

    const rows = await em.execute<
      { user_id: string; channels: object; job_alert_digest: string }[]
    >(
      'select user_id, channels, job_alert_digest from notification_preferences where user_id in (?)',
      [Object.values(ids)],
    );
    const of = (name: string) => rows.find((r) => r.user_id === ids[name]);
    expect(of('quiet')).toMatchObject({
      channels: { account: { email: false }, teams: { email: false }, product: { email: false } },
      job_alert_digest: 'daily',
    });
    expect(of('noAlerts')).toMatchObject({
      channels: { jobAlerts: { email: false, inApp: false, push: false } },
      job_alert_digest: 'off',
    });
    expect(of('reader')).toMatchObject({ channels: { newsletter: { email: true } } });
    expect(of('defaults')).toBeUndefined();

    // What notify() reads now says the same.
    const res = await t.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'noalerts@migrate.test', password: 'pw-pw-pw-pw' },
    });
    const prefs = await t.inject({
      method: 'GET',
      url: '/v1/me/notification-preferences',
      headers: { authorization: `Bearer ${res.json<{ accessToken: string }>().accessToken}` },
    });
    expect(prefs.json()).toMatchObject({
      channels: {
        jobAlerts: { email: false, inApp: false, push: false },
        product: { email: true },
      },
      jobAlertDigest: 'off',
    });
  });
  it('subscribes verified users who chose the newsletter, and clears the choice of unverified ones', async () => {
    const em = t.get(EntityManager).fork();
    const verified = await createUser(t, { email: 'Chose@Migrate.test', password: 'pw-pw-pw-pw' });
    const unverified = await createUser(t, {
      email: 'unsure@migrate.test',
      password: 'pw-pw-pw-pw',
    });
    await em.execute(`update users set email_verified_at = now() where id = ?`, [verified]);
    for (const id of [verified, unverified])
      await em.execute(
        `insert into notification_preferences (user_id, channels, updated_at)
         values (?, '{"newsletter": {"email": true}}', now())`,
        [id],
      );

    const migration = new Migration20261203121500(em.getDriver(), t.get(MikroORM).config);
    migration.up();
    for (const sql of migration.getQueries().map(String)) await em.execute(sql);

    const subscribers = await em.execute<{ email: string; status: string; topics: string[] }[]>(
      `select email, status, topics from newsletter_subscribers where email like '%@migrate.test'`,
    );
    expect(subscribers).toEqual([
      {
        email: 'chose@migrate.test',
        status: 'confirmed',
        topics: ['product-news', 'career-tips', 'job-market'],
      },
    ]);
    const [{ channels }] = await em.execute<{ channels: { newsletter?: object } }[]>(
      'select channels from notification_preferences where user_id = ?',
      [unverified],
    );
    expect(channels.newsletter).toEqual({});
  });
});
