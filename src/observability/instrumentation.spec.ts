import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/** What a fresh Node process has loaded after src/instrumentation.ts and `pg` (Jest's loader would hide it). */
function loadedAfterBoot(env: Record<string, string>): {
  sdk: boolean;
  sentry: boolean;
  pgPatched: boolean;
} {
  const probe = `
    require('./src/instrumentation');
    const pg = require('pg');
    const loaded = (name) => Object.keys(require.cache).some((file) => file.includes(name));
    process.stdout.write(JSON.stringify({
      sdk: loaded('/@opentelemetry/sdk-trace'),
      sentry: loaded('/@sentry/'),
      pgPatched: Boolean(pg.Client.prototype.query.__wrapped),
    }));`;
  const output = execFileSync(process.execPath, ['-r', './scripts/register.js', '-e', probe], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return JSON.parse(output) as { sdk: boolean; sentry: boolean; pgPatched: boolean };
}

describe('src/instrumentation.ts', () => {
  it('loads no tracing or error-reporting SDK when nothing is configured', () => {
    // Set empty: the environment wins over a developer's .env.
    expect(loadedAfterBoot({ OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toEqual({
      sdk: false,
      sentry: false,
      pgPatched: false,
    });
  });

  it('patches pg before the app requires it when an OTLP endpoint is set', () => {
    const loaded = loadedAfterBoot({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' });
    expect(loaded).toEqual({ sdk: true, sentry: false, pgPatched: true });
  });
});
