import type { Ga4ParamValue } from './ga4-rules';

export const ANALYTICS_FORWARDER = Symbol('ANALYTICS_FORWARDER');

export type AnalyticsForwarderName = 'ga4' | 'none';

/** One Measurement Protocol request: up to 25 events of one client (and user). */
export interface AnalyticsBatch {
  clientId: string;
  userId?: string;
  /** When the events happened (GA4 accepts up to 72 hours back). */
  timestampMicros?: number;
  events: Array<{ name: string; params: Record<string, Ga4ParamValue> }>;
}

/** Where events go besides our own tables: GA4, or nowhere (`none`, the local default). */
export interface AnalyticsForwarder {
  readonly name: AnalyticsForwarderName;
  /** Sends one batch; throws when it should be retried (network error, 5xx, 429). */
  send(batch: AnalyticsBatch): Promise<void>;
}

export class AnalyticsForwardError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AnalyticsForwardError';
  }
}
