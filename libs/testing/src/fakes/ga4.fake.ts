import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { closeNow, readRequestText, sendJson, serveOnLoopback } from './loopback';

/** One entry of GA4's `validationMessages` (debug endpoint). */
export interface Ga4ValidationMessage {
  fieldPath: string;
  description: string;
  validationCode:
    | 'VALUE_INVALID'
    | 'VALUE_REQUIRED'
    | 'NAME_INVALID'
    | 'NAME_RESERVED'
    | 'VALUE_OUT_OF_BOUNDS'
    | 'EXCEEDED_MAX_ENTITIES'
    | 'NAME_DUPLICATED';
}

/** A request `/mp/collect` took in (Google answers 2xx whatever the data). */
export interface Ga4Collect {
  measurementId: string | null;
  apiSecret: string | null;
  body: Record<string, unknown>;
  /** What `/debug/mp/collect` would have said about it: empty = Google keeps it. */
  validationMessages: Ga4ValidationMessage[];
}

const RESERVED_EVENTS = new Set([
  'ad_activeview',
  'ad_click',
  'ad_exposure',
  'ad_impression',
  'ad_query',
  'ad_reward',
  'adunit_exposure',
  'app_background',
  'app_clear_data',
  'app_exception',
  'app_remove',
  'app_store_refund',
  'app_store_subscription_cancel',
  'app_store_subscription_convert',
  'app_store_subscription_renew',
  'app_update',
  'app_upgrade',
  'dynamic_link_app_open',
  'dynamic_link_app_update',
  'dynamic_link_first_open',
  'error',
  'first_open',
  'first_visit',
  'in_app_purchase',
  'notification_dismiss',
  'notification_foreground',
  'notification_open',
  'notification_receive',
  'os_update',
  'page_view',
  'screen_view',
  'session_start',
  'user_engagement',
]);
const RESERVED_PREFIXES = ['_', 'firebase_', 'ga_', 'google_'];
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/**
 * A fake GA4 Measurement Protocol endpoint. `/mp/collect` answers 204 to anything
 * (as Google does) and records the request with the validation messages Google's
 * `/debug/mp/collect` would give; `/debug/mp/collect` answers 200 with them. The rules
 * are written here independently of the app's own validation, from Google's docs.
 */
export class Ga4Fake {
  private server?: Server;
  url = '';
  readonly collected: Ga4Collect[] = [];
  /** Answers the next N `/mp/collect` requests with this status (to test retries). */
  private failures: { status: number; remaining: number; passing: number } | null = null;

  async start(): Promise<string> {
    const { server, url } = await serveOnLoopback((req, res) => this.handle(req, res));
    this.server = server;
    this.url = url;
    return url;
  }

  stop(): Promise<void> {
    return closeNow(this.server);
  }

  failNext(remaining: number, status = 503): void {
    this.failures = { status, remaining, passing: 0 };
  }

  /** Accepts the next `passing` `/mp/collect` requests, then fails `remaining` (a partial failure). */
  failAfter(passing: number, remaining: number, status = 503): void {
    this.failures = { status, remaining, passing };
  }

  /** Events that reached GA4 and that it would keep. */
  get events(): Array<{
    name: string;
    params: Record<string, unknown>;
    clientId: unknown;
    userId: unknown;
    measurementId: string | null;
  }> {
    return this.collected
      .filter((c) => c.validationMessages.length === 0)
      .flatMap((c) =>
        ((c.body.events as Array<{ name: string; params?: Record<string, unknown> }>) ?? []).map(
          (e) => ({
            name: e.name,
            params: e.params ?? {},
            clientId: c.body.client_id,
            userId: c.body.user_id,
            measurementId: c.measurementId,
          }),
        ),
      );
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const text = await readRequestText(request);
    if (request.method !== 'POST' || !['/mp/collect', '/debug/mp/collect'].includes(url.pathname)) {
      response.writeHead(404).end();
      return;
    }
    let body: Record<string, unknown> = {};
    let messages: Ga4ValidationMessage[];
    try {
      body = JSON.parse(text) as Record<string, unknown>;
      messages = validate(body);
    } catch {
      messages = [
        {
          fieldPath: '',
          description: 'Unable to parse the payload.',
          validationCode: 'VALUE_INVALID',
        },
      ];
    }
    if (!url.searchParams.get('measurement_id') || !url.searchParams.get('api_secret')) {
      messages.push({
        fieldPath: 'measurement_id',
        description: 'Measurement id and API secret are required.',
        validationCode: 'VALUE_REQUIRED',
      });
    }
    if (url.pathname === '/debug/mp/collect') {
      sendJson(response, 200, { validationMessages: messages });
      return;
    }
    if (this.failures && this.failures.passing > 0) {
      this.failures.passing -= 1;
    } else if (this.failures && this.failures.remaining > 0) {
      this.failures.remaining -= 1;
      response.writeHead(this.failures.status).end();
      return;
    }
    this.collected.push({
      measurementId: url.searchParams.get('measurement_id'),
      apiSecret: url.searchParams.get('api_secret'),
      body,
      validationMessages: messages,
    });
    response.writeHead(204).end();
  }
}

function validate(body: Record<string, unknown>): Ga4ValidationMessage[] {
  const messages: Ga4ValidationMessage[] = [];
  const add = (
    fieldPath: string,
    validationCode: Ga4ValidationMessage['validationCode'],
    description: string,
  ) => messages.push({ fieldPath, validationCode, description });
  if (typeof body.client_id !== 'string' || body.client_id.length === 0) {
    add('client_id', 'VALUE_REQUIRED', 'client_id is required.');
  }
  if (
    body.user_id !== undefined &&
    (typeof body.user_id !== 'string' || body.user_id.length > 256)
  ) {
    add('user_id', 'VALUE_INVALID', 'user_id must be a string of at most 256 characters.');
  }
  const events = body.events;
  if (!Array.isArray(events) || events.length === 0) {
    add('events', 'VALUE_REQUIRED', 'At least one event is required.');
    return messages;
  }
  if (events.length > 25)
    add('events', 'EXCEEDED_MAX_ENTITIES', 'A request holds at most 25 events.');
  events.forEach((event: { name?: unknown; params?: Record<string, unknown> }, i) => {
    const name = event.name;
    if (typeof name !== 'string' || !NAME.test(name)) {
      add(`events[${i}].name`, 'NAME_INVALID', `Event name ${String(name)} is invalid.`);
    } else if (RESERVED_EVENTS.has(name) || RESERVED_PREFIXES.some((p) => name.startsWith(p))) {
      add(`events[${i}].name`, 'NAME_RESERVED', `Event name ${name} is reserved.`);
    }
    const params = Object.entries(event.params ?? {});
    if (params.length > 25)
      add(`events[${i}].params`, 'EXCEEDED_MAX_ENTITIES', 'An event holds at most 25 params.');
    for (const [key, value] of params) {
      if (!NAME.test(key))
        add(`events[${i}].params.${key}`, 'NAME_INVALID', `Param name ${key} is invalid.`);
      else if (RESERVED_PREFIXES.some((p) => key.startsWith(p)))
        add(`events[${i}].params.${key}`, 'NAME_RESERVED', `Param name ${key} is reserved.`);
      if (typeof value === 'string' && value.length > 100)
        add(
          `events[${i}].params.${key}`,
          'VALUE_OUT_OF_BOUNDS',
          'Param values hold at most 100 characters.',
        );
      if (typeof value === 'object' && value !== null)
        add(`events[${i}].params.${key}`, 'VALUE_INVALID', 'Param values are strings or numbers.');
    }
  });
  return messages;
}
