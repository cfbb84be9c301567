import { ResendFake } from '@lib/testing';
import { MailDeliveryError, type OutgoingMail } from '../mail.port';
import { OutboxMailDriver } from './outbox.driver';
import { ResendMailDriver } from './resend.driver';

const mail = (n: number): OutgoingMail => ({
  idempotencyKey: `test/${n}`,
  from: 'Career Tools <noreply@career-tools.test>',
  to: [`reader${n}@example.com`],
  subject: `Issue ${n}`,
  html: `<p>${n}</p>`,
  text: String(n),
  headers: { 'List-Unsubscribe': `<https://api.test/v1/unsubscribe/${n}>` },
});

describe('mail batches', () => {
  const fake = new ResendFake();
  let driver: ResendMailDriver;

  beforeAll(async () => {
    const { url } = await fake.start();
    driver = new ResendMailDriver(fake.apiKey, 5000, url);
  });
  afterAll(() => fake.stop());
  beforeEach(() => fake.reset());

  it('Resend: one POST /emails/batch, ids in order, headers carried', async () => {
    const mails = [1, 2, 3].map(mail);
    const deliveries = await driver.sendBatch(mails, 'campaign/1/batch/0');

    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /emails/batch']);
    expect(fake.requests[0].headers['idempotency-key']).toBe('campaign/1/batch/0');
    expect(deliveries.map((d) => d.providerMessageId)).toEqual(fake.deliveries.map((d) => d.id));
    expect(fake.deliveries.map((d) => d.email.to)).toEqual(mails.map((m) => m.to));
    expect(fake.deliveries[0].email.headers).toEqual(mails[0].headers);
  });

  it('Resend: the same key and batch again sends nothing and answers the same ids', async () => {
    const first = await driver.sendBatch([1, 2].map(mail), 'campaign/1/batch/1');
    const again = await driver.sendBatch([1, 2].map(mail), 'campaign/1/batch/1');

    expect(again).toEqual(first);
    expect(fake.deliveries).toHaveLength(2);
    await expect(driver.sendBatch([3, 4].map(mail), 'campaign/1/batch/1')).rejects.toMatchObject({
      status: 409,
      retryable: false,
    });
  });

  it('Resend: over the rate limit, a retryable 429 that says how long to wait', async () => {
    fake.limitRate(1, 1000);
    await driver.sendBatch([mail(1)], 'a');
    const refused = await driver.sendBatch([mail(2)], 'b').catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(MailDeliveryError);
    expect(refused).toMatchObject({ status: 429, retryable: true, retryAfterMs: 1000 });
    expect(fake.rateLimited).toHaveLength(1);
    expect(fake.deliveries).toHaveLength(1);
    await driver.sendBatch([mail(3)], 'c').catch(() => undefined);
    expect(fake.retriesTooEarly).toBe(1);
  });

  it('Resend: one invalid email refuses the whole batch', async () => {
    const bad = { ...mail(2), to: ['not an address'] };
    await expect(driver.sendBatch([mail(1), bad], 'd')).rejects.toMatchObject({
      status: 422,
      retryable: false,
      message: expect.stringContaining('emails[1]') as unknown,
    });
    expect(fake.deliveries).toHaveLength(0);
  });

  it('drivers without a batch API send one by one and say what went out before a failure', async () => {
    const outbox = new OutboxMailDriver();
    const deliveries = await outbox.sendBatch([1, 2].map(mail));
    expect(deliveries.map((d) => d.providerMessageId)).toEqual(['outbox:test/1', 'outbox:test/2']);

    const failing = new OutboxMailDriver();
    jest
      .spyOn(failing, 'send')
      .mockResolvedValueOnce({ driver: 'outbox', providerMessageId: 'one' })
      .mockRejectedValueOnce(new MailDeliveryError('down', true, 503, { retryAfterMs: 2000 }));
    const error = (await failing
      .sendBatch([1, 2, 3].map(mail))
      .catch((e: unknown) => e)) as MailDeliveryError;
    expect(error).toMatchObject({ retryable: true, status: 503, retryAfterMs: 2000 });
    expect(error.delivered).toEqual([{ driver: 'outbox', providerMessageId: 'one' }]);
  });
});
