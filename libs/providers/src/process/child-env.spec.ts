import { execFileSync } from 'node:child_process';
import { childProcessEnv } from './child-env';

describe('childProcessEnv', () => {
  it('passes locale, paths and fonts, and no secrets', () => {
    const env = childProcessEnv(
      {},
      {
        PATH: '/usr/bin',
        HOME: '/home/app',
        LANG: 'C.UTF-8',
        FONTCONFIG_PATH: '/etc/fonts',
        DATA_ENCRYPTION_KEY: 'secret',
        DATABASE_URL: 'postgres://u:p@db/x',
        OPENAI_API_KEY: 'sk-secret',
        JWT_PRIVATE_KEY: 'pem',
      },
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/app',
      LANG: 'C.UTF-8',
      FONTCONFIG_PATH: '/etc/fonts',
    });
  });

  it('keeps a secret of this process out of a spawned program', () => {
    process.env.CHILD_ENV_PROBE_SECRET = 'do-not-leak';
    try {
      const seen = execFileSync('/usr/bin/env', [], { env: childProcessEnv() }).toString();
      expect(seen).not.toContain('do-not-leak');
      expect(seen).toContain('PATH=');
    } finally {
      delete process.env.CHILD_ENV_PROBE_SECRET;
    }
  });
});
