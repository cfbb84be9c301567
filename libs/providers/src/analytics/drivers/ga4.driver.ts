import {
  AnalyticsForwardError,
  type AnalyticsBatch,
  type AnalyticsForwarder,
} from '../analytics-forwarder.port';
import { GA4_LIMITS } from '../ga4-rules';

export const GA4_DEFAULT_BASE_URL = 'https://www.google-analytics.com';

export interface Ga4Options {
  measurementId: string;
  apiSecret: string;
  baseUrl?: string;
  timeoutMs?: number;
}

/**
 * GA4 Measurement Protocol: `POST /mp/collect?measurement_id=…&api_secret=…` with
 * `{client_id, user_id?, timestamp_micros?, events}`. Google answers 2xx even for bad
 * data, so batches are validated by our rules before they get here; a non-2xx
 * answer or a network error is thrown for the job to retry.
 */
export class Ga4Forwarder implements AnalyticsForwarder {
  readonly name = 'ga4' as const;
  private readonly baseUrl: string;

  constructor(private readonly options: Ga4Options) {
    this.baseUrl = (options.baseUrl ?? GA4_DEFAULT_BASE_URL).replace(/\/$/, '');
  }

  async send(batch: AnalyticsBatch): Promise<void> {
    if (batch.events.length > GA4_LIMITS.eventsPerRequest) {
      throw new AnalyticsForwardError(
        `A GA4 request holds at most ${GA4_LIMITS.eventsPerRequest} events`,
      );
    }
    const url = new URL('/mp/collect', `${this.baseUrl}/`);
    url.searchParams.set('measurement_id', this.options.measurementId);
    url.searchParams.set('api_secret', this.options.apiSecret);
    const body = {
      client_id: batch.clientId,
      ...(batch.userId ? { user_id: batch.userId } : {}),
      ...(batch.timestampMicros ? { timestamp_micros: batch.timestampMicros } : {}),
      events: batch.events,
    };
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      // The URL carries the API secret: never put it in the message.
      throw new AnalyticsForwardError(`GA4 unreachable: ${(error as Error).name}`);
    }
    await response.arrayBuffer();
    if (!response.ok) {
      throw new AnalyticsForwardError(`GA4 answered ${response.status}`, response.status);
    }
  }
}
