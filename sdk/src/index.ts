import createFetchClient, { type Client, type ClientOptions } from 'openapi-fetch';
import { problemFrom } from './problem-error';
import { retryingOn429, type RetryOptions } from './retry';
import type { paths } from './schema';

export type { components, operations, paths } from './schema';
export { ProblemError, type ProblemDocument, type ProblemFieldError } from './problem-error';
export type { RetryOptions } from './retry';

export interface CareerToolsClientOptions extends Omit<ClientOptions, 'fetch'> {
  /** e.g. `https://api.example.com` (no trailing `/v1`: paths carry it). */
  baseUrl: string;
  /** A Premium API key (`ctk_…`), sent as `X-API-Key`. */
  apiKey?: string;
  /** An access token from `POST /v1/auth/login`, sent as `Authorization: Bearer`. */
  bearer?: string;
  /** Retries on 429 honouring `Retry-After`. */
  retry?: RetryOptions;
  /** A fetch to use instead of the global one. */
  fetch?: (input: Request) => Promise<Response>;
}

export type CareerToolsClient = Client<paths>;

/**
 * A typed client: `client.GET('/v1/cvs')`, `client.POST('/v1/cvs', { body })`… Every
 * error answer is thrown as a {@link ProblemError}; a 429 is retried after `Retry-After`.
 */
export function createClient(options: CareerToolsClientOptions): CareerToolsClient {
  const { apiKey, bearer, retry, fetch, headers, ...rest } = options;
  const client = createFetchClient<paths>({
    ...rest,
    fetch: retryingOn429(fetch ?? ((request) => globalThis.fetch(request)), retry),
    headers: {
      ...(headers as Record<string, string> | undefined),
      ...(apiKey ? { 'x-api-key': apiKey } : {}),
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
  });
  client.use({
    async onResponse({ response }) {
      if (!response.ok) throw await problemFrom(response);
      return undefined;
    },
  });
  return client;
}
