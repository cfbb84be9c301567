import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import Stripe from 'stripe';
import { closeNow, readRequestBody, sendJson, serveOnLoopback } from './loopback';

type Json = Record<string, unknown>;

export interface FakePrice {
  id: string;
  unitAmount: number;
  currency: string;
  /** `null` for a one-time price. */
  interval: 'month' | 'year' | null;
}

export interface StripeRecordedRequest {
  method: string;
  path: string;
  idempotencyKey?: string;
  body: Json;
}

type Fault = ({ kind: 'status'; status: number } | { kind: 'delay'; ms: number }) & {
  /** Only a request whose path contains this takes the fault. */
  path?: string;
};

const nowSeconds = () => Math.floor(Date.now() / 1000);
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const MONTH = 30 * 24 * 3600;

/**
 * A Stripe API on loopback for the real `stripe` SDK (`host`/`port`/`protocol`
 * options): form-encoded requests with bracketed keys, Stripe's JSON objects and
 * error documents. Customers, checkout sessions, billing portal sessions,
 * subscriptions (retrieve, update, cancel), invoices (retrieve, list) and
 * prices. `Idempotency-Key` is honoured as Stripe documents it: a replay
 * returns the first answer and creates nothing; the same key with other
 * parameters is a 400 `idempotency_error`. Faults: `failNext(status)` answers
 * before anything happens; `delayNext(ms)` does the work, then answers late
 * (a client timeout after the object exists, as on a slow network).
 */
export class StripeFake {
  readonly requests: StripeRecordedRequest[] = [];
  readonly customers = new Map<string, Json>();
  readonly sessions = new Map<string, Json>();
  readonly subscriptions = new Map<string, Json>();
  readonly invoices = new Map<string, Json>();
  readonly prices = new Map<string, Json>();
  private readonly idempotency = new Map<
    string,
    { fingerprint: string; status: number; body: Json }
  >();
  private readonly faults: Fault[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private server?: Server;
  url = '';

  constructor(
    readonly secretKey = 'sk_test_fake',
    readonly webhookSecret = 'whsec_test_fake',
  ) {}

  async start(prices: FakePrice[] = []): Promise<{ url: string }> {
    for (const price of prices) this.addPrice(price);
    const { server, url } = await serveOnLoopback((request, response) =>
      this.handle(request, response),
    );
    this.server = server;
    this.url = url;
    return { url };
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await closeNow(this.server);
  }

  /** Lets the process exit while the fake still listens (bench scenarios have no teardown). */
  unref(): void {
    this.server?.unref();
  }

  addPrice(price: FakePrice): void {
    this.prices.set(price.id, {
      id: price.id,
      object: 'price',
      active: true,
      currency: price.currency,
      unit_amount: price.unitAmount,
      type: price.interval ? 'recurring' : 'one_time',
      recurring: price.interval ? { interval: price.interval, interval_count: 1 } : null,
      product: `prod_${price.id}`,
      livemode: false,
    });
  }

  /** The next `times` requests fail with `status` and Stripe's error document. */
  failNext(status: number, times = 1): void {
    for (let i = 0; i < times; i += 1) this.faults.push({ kind: 'status', status });
  }

  /** The next `times` requests (to a path containing `path`, if given) are carried out but answered only after `ms`. */
  delayNext(ms: number, times = 1, path?: string): void {
    for (let i = 0; i < times; i += 1) this.faults.push({ kind: 'delay', ms, path });
  }

  // ── What Stripe does on its own (payment, portal, dunning), for tests ──

  /**
   * The customer paid a checkout session: it completes, and in subscription
   * mode a subscription (status `active` unless given) and its paid invoice exist.
   */
  completeCheckout(sessionId: string, status = 'active'): { session: Json; subscription?: Json } {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    let subscription: Json | undefined;
    if (session.mode === 'subscription') {
      const price = (session.line_items as { price: string }[])[0].price;
      subscription = this.createSubscription(session.customer as string, price, {
        status,
        metadata: (session.metadata as Json) ?? {},
      });
      session.subscription = subscription.id;
      this.createInvoice(subscription.id as string, 'paid');
    }
    session.status = 'complete';
    session.payment_status = 'paid';
    return { session: { ...session }, subscription };
  }

  createSubscription(
    customer: string,
    priceId: string,
    fields: { status?: string; metadata?: Json } = {},
  ): Json {
    const now = nowSeconds();
    const id = newId('sub');
    const subscription: Json = {
      id,
      object: 'subscription',
      customer,
      status: fields.status ?? 'active',
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
      created: now,
      start_date: now,
      livemode: false,
      metadata: fields.metadata ?? {},
      items: {
        object: 'list',
        data: [this.subscriptionItem(id, priceId, now)],
        has_more: false,
        url: `/v1/subscription_items?subscription=${id}`,
      },
    };
    this.subscriptions.set(id, subscription);
    return { ...subscription };
  }

  /** Changes a subscription the way the portal or Stripe's billing would; returns the new object. */
  updateSubscription(
    id: string,
    changes: {
      status?: string;
      priceId?: string;
      cancelAtPeriodEnd?: boolean;
      periodEnd?: number;
      quantity?: number;
    },
  ): Json {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw new Error(`no subscription ${id}`);
    if (changes.status) subscription.status = changes.status;
    if (changes.status === 'canceled') subscription.canceled_at = nowSeconds();
    if (changes.cancelAtPeriodEnd !== undefined) {
      subscription.cancel_at_period_end = changes.cancelAtPeriodEnd;
    }
    const items = subscription.items as { data: Json[] };
    if (changes.priceId) {
      items.data[0] = this.subscriptionItem(id, changes.priceId, nowSeconds());
    }
    if (changes.periodEnd !== undefined) items.data[0].current_period_end = changes.periodEnd;
    if (changes.quantity !== undefined) items.data[0].quantity = changes.quantity;
    return structuredClone(subscription);
  }

  /** Replaces the stored subscription wholesale (property tests replay a history). */
  setSubscription(subscription: Json): void {
    this.subscriptions.set(subscription.id as string, structuredClone(subscription));
  }

  createInvoice(subscriptionId: string, status: 'paid' | 'open' = 'paid'): Json {
    const subscription = this.subscriptions.get(subscriptionId)!;
    const item = (subscription.items as { data: Json[] }).data[0];
    const price = item.price as Json;
    const id = newId('in');
    const amount = price.unit_amount as number;
    const invoice: Json = {
      id,
      object: 'invoice',
      number: `FAKE-${String(this.invoices.size + 1).padStart(4, '0')}`,
      customer: subscription.customer,
      status,
      amount_due: amount,
      amount_paid: status === 'paid' ? amount : 0,
      amount_remaining: status === 'paid' ? 0 : amount,
      currency: price.currency,
      hosted_invoice_url: `https://invoice.stripe.com/i/${id}`,
      invoice_pdf: `https://pay.stripe.com/invoice/${id}/pdf`,
      period_start: item.current_period_start,
      period_end: item.current_period_end,
      created: nowSeconds() + this.invoices.size,
      livemode: false,
      parent: {
        type: 'subscription_details',
        quote_details: null,
        subscription_details: { subscription: subscriptionId, metadata: {} },
      },
    };
    this.invoices.set(id, invoice);
    return { ...invoice };
  }

  /** An event in Stripe's JSON, embedding a copy of `object`. */
  event(type: string, object: Json, created = nowSeconds()): Json {
    return {
      id: newId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object: structuredClone(object) },
    };
  }

  /** A `Stripe-Signature` header for the payload, made by the SDK's own test helper. */
  sign(payload: string, options: { secret?: string; timestamp?: number } = {}): string {
    return Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? this.webhookSecret,
      ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
    });
  }

  private subscriptionItem(subscriptionId: string, priceId: string, start: number): Json {
    return {
      id: newId('si'),
      object: 'subscription_item',
      subscription: subscriptionId,
      quantity: 1,
      price: structuredClone(this.prices.get(priceId) ?? { id: priceId, object: 'price' }),
      current_period_start: start,
      current_period_end: start + MONTH,
    };
  }

  // ── HTTP ──

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = (await readRequestBody(request)).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://fake');
    const method = request.method ?? 'GET';
    const body = parseForm(method === 'GET' || method === 'DELETE' ? url.search.slice(1) : raw);
    const key = request.headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' ? key : undefined;
    this.requests.push({ method, path: url.pathname, idempotencyKey, body });

    const index = this.faults.findIndex((f) => !f.path || url.pathname.includes(f.path));
    const fault = index >= 0 ? this.faults.splice(index, 1)[0] : undefined;
    if (fault?.kind === 'status') return this.reply(response, errorReply(fault.status));
    if (request.headers.authorization !== `Bearer ${this.secretKey}`) {
      return this.reply(response, {
        status: 401,
        body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } },
      });
    }
    const answer = this.withIdempotency(method, url.pathname, idempotencyKey, body, () =>
      this.route(method, url.pathname, body),
    );
    if (fault?.kind === 'delay') {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.reply(response, answer);
      }, fault.ms);
      this.timers.add(timer);
      return;
    }
    this.reply(response, answer);
  }

  private reply(response: ServerResponse, answer: { status: number; body: Json }): void {
    if (response.destroyed) return;
    response.setHeader('request-id', newId('req'));
    sendJson(response, answer.status, answer.body);
  }

  private withIdempotency(
    method: string,
    path: string,
    key: string | undefined,
    body: Json,
    work: () => { status: number; body: Json },
  ): { status: number; body: Json } {
    if (method !== 'POST' || !key) return work();
    const fingerprint = `${path} ${JSON.stringify(body)}`;
    const earlier = this.idempotency.get(key);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) {
        return {
          status: 400,
          body: {
            error: {
              type: 'idempotency_error',
              message:
                'Keys for idempotent requests can only be used with the same parameters they were first used with.',
            },
          },
        };
      }
      return { status: earlier.status, body: earlier.body };
    }
    const answer = work();
    if (answer.status < 500) this.idempotency.set(key, { fingerprint, ...answer });
    return answer;
  }

  private route(method: string, path: string, body: Json): { status: number; body: Json } {
    const parts = path.split('/').filter(Boolean); // ['v1', resource, id?]
    const [, resource, id, sub] = parts;
    const ok = (object: Json | undefined, kind: string, objectId?: string) =>
      object ? { status: 200, body: structuredClone(object) } : missing(kind, objectId);

    if (resource === 'customers') {
      if (method === 'POST' && !id) {
        const customer: Json = {
          id: newId('cus'),
          object: 'customer',
          email: body.email ?? null,
          name: body.name ?? null,
          metadata: body.metadata ?? {},
          created: nowSeconds(),
          livemode: false,
        };
        this.customers.set(customer.id as string, customer);
        return { status: 200, body: customer };
      }
      if (method === 'GET' && id) return ok(this.customers.get(id), 'customer', id);
      if (method === 'DELETE' && id) {
        if (!this.customers.delete(id)) return missing('customer', id);
        return { status: 200, body: { id, object: 'customer', deleted: true } };
      }
    }
    if (resource === 'checkout' && id === 'sessions') {
      const sessionId = sub;
      if (method === 'POST' && !sessionId) return this.createSession(body);
      if (method === 'GET' && sessionId) {
        return ok(this.sessions.get(sessionId), 'checkout.session', sessionId);
      }
    }
    if (resource === 'billing_portal' && id === 'sessions' && method === 'POST') {
      if (!this.customers.has(body.customer as string)) {
        return missing('customer', body.customer as string);
      }
      const portalId = newId('bps');
      return {
        status: 200,
        body: {
          id: portalId,
          object: 'billing_portal.session',
          customer: body.customer,
          return_url: body.return_url ?? null,
          url: `https://billing.stripe.com/p/session/${portalId}`,
          created: nowSeconds(),
          livemode: false,
        },
      };
    }
    if (resource === 'subscriptions' && id) {
      const subscription = this.subscriptions.get(id);
      if (!subscription) return missing('subscription', id);
      if (method === 'GET') return ok(subscription, 'subscription', id);
      if (method === 'POST') {
        if (subscription.status === 'canceled') {
          return invalid(
            'A canceled subscription can only update its cancellation_details and metadata.',
          );
        }
        if (body.cancel_at_period_end !== undefined) {
          subscription.cancel_at_period_end = body.cancel_at_period_end === 'true';
        }
        if (body.items) {
          // items[0][id]=si_…&items[0][quantity]=5: the quantity of an existing item.
          const data = (subscription.items as { data: Json[] }).data;
          for (const change of Object.values(body.items as Json) as Json[]) {
            const item = data.find((candidate) => candidate.id === change.id);
            if (!item) return invalid(`No such subscription item: '${String(change.id)}'`);
            if (change.quantity !== undefined) item.quantity = Number(change.quantity);
          }
        }
        if (body.metadata)
          subscription.metadata = {
            ...(subscription.metadata as Json),
            ...(body.metadata as Json),
          };
        return ok(subscription, 'subscription', id);
      }
      if (method === 'DELETE') {
        if (subscription.status === 'canceled') {
          return invalid('This subscription has already been canceled.');
        }
        subscription.status = 'canceled';
        subscription.canceled_at = nowSeconds();
        return ok(subscription, 'subscription', id);
      }
    }
    if (resource === 'invoices') {
      if (method === 'GET' && id) return ok(this.invoices.get(id), 'invoice', id);
      if (method === 'GET') {
        const all = [...this.invoices.values()]
          .filter((invoice) => !body.customer || invoice.customer === body.customer)
          .sort((a, b) => (b.created as number) - (a.created as number));
        const start = body.starting_after
          ? all.findIndex((invoice) => invoice.id === body.starting_after) + 1
          : 0;
        const limit = Number(body.limit ?? 10);
        return {
          status: 200,
          body: {
            object: 'list',
            url: '/v1/invoices',
            has_more: start + limit < all.length,
            data: all.slice(start, start + limit).map((invoice) => structuredClone(invoice)),
          },
        };
      }
    }
    if (resource === 'prices') {
      if (method === 'GET' && id) return ok(this.prices.get(id), 'price', id);
      if (method === 'GET') {
        return {
          status: 200,
          body: {
            object: 'list',
            url: '/v1/prices',
            has_more: false,
            data: [...this.prices.values()],
          },
        };
      }
    }
    return {
      status: 404,
      body: {
        error: {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${method}: ${path}).`,
        },
      },
    };
  }

  private createSession(body: Json): { status: number; body: Json } {
    const lineItems = Object.values((body.line_items as Json) ?? {}) as Json[];
    if (!body.mode || !body.success_url || lineItems.length === 0) {
      return invalid('Missing required param: mode, success_url or line_items.');
    }
    if (body.customer && !this.customers.has(body.customer as string)) {
      return missing('customer', body.customer as string);
    }
    const price = this.prices.get(lineItems[0].price as string);
    if (!price) return missing('price', lineItems[0].price as string);
    if ((body.mode === 'subscription') !== (price.type === 'recurring')) {
      return invalid(`The price ${price.id as string} does not fit mode ${body.mode as string}.`);
    }
    const quantity = Number(lineItems[0].quantity ?? 1);
    const id = newId('cs_test');
    const session: Json = {
      id,
      object: 'checkout.session',
      mode: body.mode,
      status: 'open',
      payment_status: 'unpaid',
      customer: body.customer ?? null,
      client_reference_id: body.client_reference_id ?? null,
      subscription: null,
      success_url: body.success_url,
      cancel_url: body.cancel_url ?? null,
      metadata: body.metadata ?? {},
      amount_total: (price.unit_amount as number) * quantity,
      currency: price.currency,
      url: `https://checkout.stripe.com/c/pay/${id}`,
      created: nowSeconds(),
      livemode: false,
      line_items: lineItems.map((item) => ({
        price: item.price,
        quantity: Number(item.quantity ?? 1),
      })),
    };
    this.sessions.set(id, session);
    return { status: 200, body: session };
  }
}

function missing(kind: string, id?: string): { status: number; body: Json } {
  return {
    status: 404,
    body: {
      error: {
        type: 'invalid_request_error',
        code: 'resource_missing',
        message: `No such ${kind}: '${id ?? ''}'`,
      },
    },
  };
}

function invalid(message: string): { status: number; body: Json } {
  return { status: 400, body: { error: { type: 'invalid_request_error', message } } };
}

function errorReply(status: number): { status: number; body: Json } {
  if (status === 429) {
    return {
      status,
      body: {
        error: {
          type: 'invalid_request_error',
          code: 'rate_limit',
          message: 'Too many requests hit the API too quickly.',
        },
      },
    };
  }
  return {
    status,
    body: { error: { type: 'api_error', message: 'An unknown error occurred on Stripe’s end.' } },
  };
}

/** Stripe's form encoding: `a[b][0][c]=v` becomes `{a: {b: {'0': {c: 'v'}}}}`. */
export function parseForm(encoded: string): Json {
  const result: Json = {};
  for (const [rawKey, value] of new URLSearchParams(encoded)) {
    const path = rawKey.replace(/\]/g, '').split('[');
    let node = result;
    path.forEach((segment, index) => {
      if (index === path.length - 1) node[segment] = value;
      else node = (node[segment] ??= {}) as Json;
    });
  }
  return result;
}
