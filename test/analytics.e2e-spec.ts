import { EntityManager } from '@mikro-orm/postgresql';
import { eventually, TestApp } from '@lib/testing';
import { AnalyticsRecorder } from '../src/modules/analytics';
import { ActiveUserTracker } from '../src/modules/analytics/active-user-tracker';
import { call, createUser, signIn } from './support/accounts';

const PASSWORD = 'a-long-password-for-tests';

describe('analytics', () => {
  let t: TestApp;
  let counter = 0;

  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(async () => {
    await t?.close();
  });

  const sql = <T>(query: string, params: unknown[] = []) =>
    t.get(EntityManager).fork().execute<T[]>(query, params);

  const namesOf = async (userId: string, name: string) =>
    sql<{ occurred_at: Date }>(
      'select occurred_at from analytics_events where user_id = ? and name = ?',
      [userId, name],
    );

  async function newUser() {
    counter += 1;
    const email = `analysed${counter}@example.test`;
    const id = await createUser(t, { email, password: PASSWORD });
    return { id, email };
  }

  describe('server-side events', () => {
    it('records user_registered once per registration', async () => {
      const { id } = await newUser();
      expect(await namesOf(id, 'user_registered')).toHaveLength(1);
    });

    it('records user_active once per user and UTC day, however many requests', async () => {
      const { id, email } = await newUser();
      const session = await signIn(t, email, PASSWORD);
      for (let i = 0; i < 3; i += 1) {
        expect((await call(t, 'GET', '/v1/me', session.authorization)).statusCode).toBe(200);
      }
      const rows = await eventually(async () => {
        const found = await namesOf(id, 'user_active');
        return found.length > 0 && found;
      });
      const today = new Date().toISOString().slice(0, 10);
      expect(rows.map((r) => new Date(r.occurred_at).toISOString())).toEqual([
        `${today}T00:00:00.000Z`,
      ]);

      // Another replica (a fresh tracker) the same day adds nothing; the next day adds one.
      const other = new ActiveUserTracker(t.get(AnalyticsRecorder), {
        httpAdapter: undefined,
      } as never);
      other.markActive(id);
      other.markActive(id, new Date(Date.now() + 86_400_000));
      await eventually(async () => (await namesOf(id, 'user_active')).length === 2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await namesOf(id, 'user_active')).toHaveLength(2);
    });
  });
});
