import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventMetadata } from './domain-event';

const storage = new AsyncLocalStorage<EventMetadata>();

/**
 * Carries who/where/which-request through async calls so that every event
 * appended while serving a request or job gets the right metadata.
 */
export const auditContext = {
  run<T>(metadata: EventMetadata, fn: () => T): T {
    return storage.run({ ...metadata }, fn);
  },
  current(): EventMetadata {
    return storage.getStore() ?? {};
  },
  /** Adds fields (e.g. the actor once authentication ran) to the current context. */
  assign(fields: Partial<EventMetadata>): void {
    const store = storage.getStore();
    if (store) Object.assign(store, fields);
  },
};
