import type { AppConfig } from '@lib/config';
import type { AnalyticsForwarder } from './analytics-forwarder.port';
import { Ga4Forwarder } from './drivers/ga4.driver';
import { NoAnalyticsForwarder } from './drivers/no-forwarder.driver';

/** `ga4` when GA_MEASUREMENT_ID and GA_API_SECRET are both set (config checks they come together), else `none`. */
export function createAnalyticsForwarder(config: AppConfig): AnalyticsForwarder {
  const { GA_MEASUREMENT_ID, GA_API_SECRET, GA_BASE_URL } = config.env;
  if (GA_MEASUREMENT_ID && GA_API_SECRET) {
    return new Ga4Forwarder({
      measurementId: GA_MEASUREMENT_ID,
      apiSecret: GA_API_SECRET,
      baseUrl: GA_BASE_URL,
    });
  }
  return new NoAnalyticsForwarder();
}
