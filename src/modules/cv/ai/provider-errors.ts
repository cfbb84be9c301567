/** How the AI routes document a failing or refusing provider. */
export const PROVIDER_ERRORS =
  'When the AI provider keeps failing (429/5xx/timeouts, after retries with backoff): 503 ' +
  '`ai.unavailable` with `Retry-After` when the provider said when; a refusal: 422 `ai.refused`.';
