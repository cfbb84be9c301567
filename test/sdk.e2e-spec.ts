import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TestApp } from '@lib/testing';
import { createUser, signIn } from './support/accounts';

const ROOT = join(__dirname, '..');
const SDK = join(ROOT, 'sdk');
const run = promisify(execFile);

/** The SDK as a customer gets it: built, packed with `npm pack`, unpacked into node_modules. */
function installPackedSdk(into: string): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', SDK]);
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', into], { cwd: SDK }).toString(),
  ) as { filename: string; files: { path: string }[] }[];
  expect(packed.files.map((f) => f.path)).toEqual(
    expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/schema.d.ts', 'README.md']),
  );
  const scope = join(into, 'node_modules', '@career-tools');
  mkdirSync(scope, { recursive: true });
  execFileSync('tar', ['-xzf', join(into, packed.filename), '-C', scope]);
  renameSync(join(scope, 'package'), join(scope, 'sdk'));
  // Its one dependency, from this repository's install (no registry in tests).
  symlinkSync(
    join(ROOT, 'node_modules', 'openapi-fetch'),
    join(into, 'node_modules', 'openapi-fetch'),
  );
}

describe('SDK (sdk/)', () => {
  let t: TestApp;
  let dir: string;
  let baseUrl: string;

  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await t.app.getUrl();
    dir = mkdtempSync(join(tmpdir(), 'career-tools-sdk-'));
    installPackedSdk(dir);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('packs, and its README example runs against the server with an API key', async () => {
    await createUser(t, { email: 'sdk@example.test', password: 'pw-sdk-12345', tier: 'premium' });
    const session = await signIn(t, 'sdk@example.test', 'pw-sdk-12345');
    const key = await t.inject({
      method: 'POST',
      url: '/v1/me/api-keys',
      headers: { authorization: session.authorization },
      payload: { name: 'sdk example', scopes: ['me:read', 'cv:read', 'cv:write'] },
    });
    expect(key.statusCode).toBe(201);

    copyFileSync(join(SDK, 'examples', 'quickstart.js'), join(dir, 'quickstart.js'));
    const { stdout } = await run(process.execPath, ['quickstart.js'], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        CAREER_TOOLS_URL: baseUrl,
        CAREER_TOOLS_API_KEY: key.json<{ secret: string }>().secret,
      },
    });
    expect(stdout).toContain('signed in as sdk@example.test');
    const created = /created CV (\S+) \(retry answered (\S+)\)/.exec(stdout);
    expect(created?.[1]).toBeTruthy();
    expect(created?.[2]).toBe(created?.[1]);
    expect(stdout).toContain('1 CV(s)');
    expect(stdout).toContain('refused: 403 auth.scope_required');
  });

  it('signs in with a bearer token, throws typed problems and retries a 429 after Retry-After', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require(
      join(dir, 'node_modules', '@career-tools', 'sdk'),
    ) as typeof import('../sdk/src');
    const session = await signIn(t, 'sdk@example.test', 'pw-sdk-12345');
    const api = sdk.createClient({ baseUrl, bearer: session.accessToken });
    const { data: me } = await api.GET('/v1/me');
    expect(me?.email).toBe('sdk@example.test');

    const invalid = await api.POST('/v1/cvs', { body: { title: '' } }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(sdk.ProblemError);
    expect(invalid).toMatchObject({ status: 400, code: 'validation.failed' });
    expect((invalid as InstanceType<typeof sdk.ProblemError>).errors?.[0]?.path).toBe('$.title');

    let calls = 0;
    const flaky = sdk.createClient({
      baseUrl,
      bearer: session.accessToken,
      fetch: async (request) => {
        calls += 1;
        if (calls < 3) return new Response(null, { status: 429, headers: { 'retry-after': '0' } });
        return fetch(request);
      },
    });
    expect((await flaky.GET('/v1/me')).data?.email).toBe('sdk@example.test');
    expect(calls).toBe(3);

    const gaveUp = sdk.createClient({
      baseUrl,
      retry: { maxRetries: 1 },
      fetch: () =>
        Promise.resolve(
          new Response(
            JSON.stringify({
              type: 'x',
              title: 'Too many requests',
              status: 429,
              code: 'rate_limit.exceeded',
            }),
            {
              status: 429,
              headers: { 'retry-after': '0', 'content-type': 'application/problem+json' },
            },
          ),
        ),
    });
    await expect(gaveUp.GET('/v1/me')).rejects.toMatchObject({
      status: 429,
      code: 'rate_limit.exceeded',
    });
  });
});
