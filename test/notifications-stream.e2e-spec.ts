import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { QUEUES } from '@lib/queue';
import { ContractValidator, TestApp } from '@lib/testing';
import { Notifier } from '../src/modules/notifications';
import { createUser, signIn, type Session } from './support/accounts';

interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
}

/** A real HTTP client on an SSE stream, parsing events as they come. */
class StreamClient {
  readonly events: SseEvent[] = [];
  raw = '';
  ended = false;
  private waiters: (() => void)[] = [];

  private constructor(readonly response: IncomingMessage) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      this.raw += chunk;
      const blocks = this.raw.split('\n\n');
      this.raw = blocks.pop() ?? '';
      for (const block of blocks) {
        const event: SseEvent = {};
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(': ');
          if (field === 'id' || field === 'event' || field === 'data')
            event[field] = rest.join(': ');
        }
        if (event.event || event.id) this.events.push(event);
      }
      this.notify();
    });
    response.on('end', () => {
      this.ended = true;
      this.notify();
    });
  }

  static open(port: number, path: string, headers: Record<string, string> = {}) {
    return new Promise<StreamClient>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) =>
        resolve(new StreamClient(res)),
      );
      req.on('error', reject);
      req.end();
    });
  }

  /** Resolves with the first event matching, waiting at most `ms`. */
  next(match: (e: SseEvent) => boolean, ms = 5000): Promise<SseEvent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching event in ${ms} ms: ${JSON.stringify(this.events)}`)),
        ms,
      );
      const check = () => {
        const found = this.events.find(match);
        if (found) {
          clearTimeout(timer);
          resolve(found);
          return true;
        }
        return false;
      };
      if (!check()) this.waiters.push(() => void check());
    });
  }

  close(): void {
    this.response.destroy();
  }

  private notify(): void {
    for (const waiter of this.waiters) waiter();
  }
}

const PASSWORD = 'correct horse battery staple';
const INVITATION = {
  inviter: 'Grace',
  team: 'ACME',
  link: 'https://app.career-tools.test/teams/join',
  days: 7,
};
const count = (e: SseEvent) => JSON.parse(e.data ?? '{}') as { count: number; display: string };

describe('live notifications across replicas (SSE)', () => {
  let a: TestApp;
  let b: TestApp;
  let port: number;
  let ada: { id: string; session: Session };
  const clients: StreamClient[] = [];

  beforeAll(async () => {
    a = await TestApp.create({ role: 'all' });
    b = await TestApp.create({
      replicaOf: a,
      role: 'api',
      env: { NOTIFICATION_STREAM_MAX_PER_USER: '2', NOTIFICATION_STREAM_HEARTBEAT_MS: '200' },
    });
    await b.app.listen(0, '127.0.0.1');
    port = (b.app.getHttpServer().address() as AddressInfo).port;
    const id = await createUser(a, { email: 'ada@stream.test', password: PASSWORD, name: 'Ada' });
    ada = { id, session: await signIn(a, 'ada@stream.test', PASSWORD) };
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await b.close();
    await a.close();
  });

  const bearer = () => ({ authorization: ada.session.authorization });
  const open = async (path: string, headers: Record<string, string> = bearer()) => {
    const client = await StreamClient.open(port, path, headers);
    clients.push(client);
    return client;
  };

  /** Creates a notification through replica A's notifier and worker. */
  async function notifyOnA(subjectId: string): Promise<void> {
    await a.get(Notifier).notify(ada.id, 'teams.invitation', INVITATION, { subjectId });
    const queue = a.get<Queue>(getQueueToken(QUEUES.notifications));
    const job = await queue.getJob(`teams.invitation:${subjectId}:${ada.id}`);
    await job!.finished();
  }

  it('delivers a notification created through replica A to a stream held by replica B, with the unread count', async () => {
    const stream = await open('/v1/me/notifications/stream');
    expect(stream.response.statusCode).toBe(200);
    expect(count(await stream.next((e) => e.event === 'unread-count'))).toEqual({
      count: 0,
      display: '0',
    });
    // The stream's head and first events are what openapi.json documents.
    expect(
      ContractValidator.forCommittedDocument().check('GET', '/v1/me/notifications/stream', {
        statusCode: stream.response.statusCode!,
        headers: stream.response.headers,
        body: 'event: unread-count',
      }),
    ).toEqual([]);

    await notifyOnA('invite-1');
    // The job on A has committed and published: B pushes it within a second.
    const live = await stream.next((e) => e.event === 'notification', 1000);
    expect(JSON.parse(live.data!)).toMatchObject({
      type: 'teams.invitation',
      title: 'Grace invited you to ACME on Career Tools',
    });
    expect(live.id).toBe(JSON.parse(live.data!).id);
    await stream.next((e) => e.event === 'unread-count' && count(e).count === 1, 1000);
    // Heartbeats keep idle streams open.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.ended).toBe(false);
  });

  it('resumes after Last-Event-ID with what the client missed', async () => {
    const first = await open('/v1/me/notifications/stream');
    const seen = await first.next((e) => e.event === 'notification' || e.event === 'unread-count');
    expect(seen.event).toBe('unread-count');
    const list = await a.inject({ method: 'GET', url: '/v1/me/notifications', headers: bearer() });
    const [{ id: lastSeen }] = list.json<{ items: { id: string }[] }>().items;
    first.close();

    await notifyOnA('invite-2');
    await notifyOnA('invite-3');

    const resumed = await open('/v1/me/notifications/stream', {
      ...bearer(),
      'last-event-id': lastSeen,
    });
    await resumed.next((e) => e.event === 'unread-count' && count(e).count === 3);
    const ids = resumed.events.filter((e) => e.event === 'notification').map((e) => e.id);
    expect(ids).toHaveLength(2);
    expect(ids.every((id) => id! > lastSeen)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });

  it('opens with a single-use ticket instead of a header', async () => {
    const issued = await b.inject({
      method: 'POST',
      url: '/v1/me/notifications/stream-ticket',
      headers: bearer(),
    });
    expect(issued.statusCode).toBe(201);
    const { ticket } = issued.json<{ ticket: string }>();
    const stream = await open(`/v1/me/notifications/stream?ticket=${ticket}`, {});
    expect(stream.response.statusCode).toBe(200);
    await stream.next((e) => e.event === 'unread-count');
    stream.close();

    const reused = await b.inject({
      method: 'GET',
      url: `/v1/me/notifications/stream?ticket=${ticket}`,
    });
    expect(reused.statusCode).toBe(401);
    const none = await b.inject({ method: 'GET', url: '/v1/me/notifications/stream' });
    expect(none.statusCode).toBe(401);
  });

  it('closes the oldest stream beyond the per-user limit', async () => {
    for (const client of clients) client.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const oldest = await open('/v1/me/notifications/stream');
    await oldest.next((e) => e.event === 'unread-count');
    const second = await open('/v1/me/notifications/stream');
    await second.next((e) => e.event === 'unread-count');
    const third = await open('/v1/me/notifications/stream');
    await third.next((e) => e.event === 'unread-count');
    const closed = await oldest.next((e) => e.event === 'closed');
    expect(JSON.parse(closed.data!)).toEqual({ reason: 'too_many_streams' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(oldest.ended).toBe(true);
    expect(second.ended).toBe(false);
  });
});
