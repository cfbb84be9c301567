import { GA4_LIMITS, type AnalyticsBatch, type Ga4ParamValue } from '@lib/providers';

/** A stored event as the forwarder reads it. */
export interface StoredAnalyticsEvent {
  id: string;
  name: string;
  user_id: string | null;
  client_id: string | null;
  properties: Record<string, unknown>;
  occurred_at: Date | string;
}

/**
 * Groups events into Measurement Protocol requests: one client (and user) per
 * request, at most 25 events each. Server-side events have no browser client id,
 * so the user id stands in for it. Property values GA4 cannot take (objects,
 * arrays, long strings) are flattened to short strings or left out.
 */
export function ga4Batches(
  events: StoredAnalyticsEvent[],
): Array<{ batch: AnalyticsBatch; eventIds: string[] }> {
  const byVisitor = new Map<string, StoredAnalyticsEvent[]>();
  for (const event of events) {
    const clientId = event.client_id ?? event.user_id;
    if (!clientId) continue; // an erased user's event: nobody to attribute it to
    const key = `${clientId}\u0000${event.user_id ?? ''}`;
    byVisitor.set(key, [...(byVisitor.get(key) ?? []), event]);
  }
  const batches: Array<{ batch: AnalyticsBatch; eventIds: string[] }> = [];
  for (const group of byVisitor.values()) {
    for (let i = 0; i < group.length; i += GA4_LIMITS.eventsPerRequest) {
      const chunk = group.slice(i, i + GA4_LIMITS.eventsPerRequest);
      const first = chunk[0];
      batches.push({
        batch: {
          clientId: (first.client_id ?? first.user_id)!,
          ...(first.user_id ? { userId: first.user_id } : {}),
          timestampMicros: new Date(first.occurred_at).getTime() * 1000,
          events: chunk.map((e) => ({ name: e.name, params: ga4Params(e.properties) })),
        },
        eventIds: chunk.map((e) => e.id),
      });
    }
  }
  return batches;
}

function ga4Params(properties: Record<string, unknown>): Record<string, Ga4ParamValue> {
  const params: Record<string, Ga4ParamValue> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (Object.keys(params).length >= GA4_LIMITS.paramsPerEvent) break;
    if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(key)) continue;
    const param = typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
    if (typeof param === 'number' || typeof param === 'boolean') params[key] = param;
    else if (typeof param === 'string') params[key] = param.slice(0, GA4_LIMITS.paramValueLength);
  }
  return params;
}
