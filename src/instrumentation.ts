// Loaded first by main.ts: tracing must patch http, pg and ioredis before anything requires them.
import { existsSync } from 'node:fs';
import { envSchema } from '@lib/config';

type TracingModule = typeof import('./observability/tracing');

if (existsSync('.env')) process.loadEnvFile('.env'); // the environment wins over the file

const settings = envSchema
  .pick({
    OTEL_EXPORTER_OTLP_ENDPOINT: true,
    OTEL_SERVICE_NAME: true,
    OTEL_TRACES_SAMPLER_ARG: true,
  })
  .safeParse(process.env);

// Without an endpoint the SDK is never loaded: tracing off costs nothing. A bad value is
// reported by the full config check in main.
if (settings.success && settings.data.OTEL_EXPORTER_OTLP_ENDPOINT) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when tracing is on
  const { startTracing } = require('./observability/tracing') as TracingModule;
  startTracing({
    endpoint: settings.data.OTEL_EXPORTER_OTLP_ENDPOINT,
    serviceName: settings.data.OTEL_SERVICE_NAME,
    sampleRatio: settings.data.OTEL_TRACES_SAMPLER_ARG,
  });
}
