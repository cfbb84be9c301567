import { OtlpReceiverFake } from '../../libs/testing/src/fakes/otlp-receiver.fake';
import type { Scenario } from '../scenario';
import me from './me';

const receiver = new OtlpReceiverFake(false);

/**
 * `me` with tracing on: the API exports every request's spans (HTTP, pg, ioredis)
 * over OTLP/HTTP to a receiver in the runner process that only counts them.
 * Compare its api/raw ratio and server CPU µs/req with `me` run on the same machine.
 */
const meOtel: Scenario = {
  ...me,
  name: 'me-otel',
  description:
    '`me` with OpenTelemetry tracing on (every request sampled, spans exported over OTLP/HTTP to a local receiver); the difference to `me` is the cost of tracing.',
  apiEnv: async () => {
    const { url } = await receiver.start();
    receiver.unref();
    process.once('exit', () =>
      process.stderr.write(`[bench] spans received: ${receiver.received}\n`),
    );
    return { OTEL_EXPORTER_OTLP_ENDPOINT: url, OTEL_TRACES_SAMPLER_ARG: '1' };
  },
};

export default meOtel;
