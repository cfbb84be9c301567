import type { AnalyticsForwarder } from '../analytics-forwarder.port';

/** No GA4 configured: events stay in our own tables only. */
export class NoAnalyticsForwarder implements AnalyticsForwarder {
  readonly name = 'none' as const;

  send(): Promise<void> {
    return Promise.resolve();
  }
}
