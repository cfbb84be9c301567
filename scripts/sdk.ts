/**
 * Generates the TypeScript SDK from openapi.json into .sdk/ (ignored by git)
 * and compiles it, so a contract that cannot produce a usable client fails
 * `npm test`. Frontends generate theirs the same way.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const root = join(__dirname, '..');
const out = join(root, '.sdk');

const CLIENT = `import createFetchClient, { type ClientOptions } from 'openapi-fetch';
import type { paths } from './schema';

export type { components, operations, paths } from './schema';

/** A typed client for the Career Tools API. */
export function createCareerToolsClient(options: ClientOptions & { token?: string } = {}) {
  const { token, headers, ...rest } = options;
  return createFetchClient<paths>({
    ...rest,
    headers: { ...(headers as Record<string, string> | undefined), ...(token ? { authorization: \`Bearer \${token}\` } : {}) },
  });
}

// Compile-time smoke test of the generated types.
export async function exampleLogin(client: ReturnType<typeof createCareerToolsClient>): Promise<string | undefined> {
  const { data } = await client.POST('/v1/auth/login', { body: { email: 'a@example.com', password: 'secret' } });
  return data?.accessToken;
}
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: 'ES2022',
    module: 'commonjs',
    moduleResolution: 'node',
    lib: ['ES2022', 'DOM'],
    skipLibCheck: true,
    types: [],
  },
  include: ['*.ts'],
};

async function main(): Promise<void> {
  const spec = JSON.parse(readFileSync(join(root, 'openapi.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const ast = await openapiTS(spec as never);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'schema.d.ts'), astToString(ast));
  writeFileSync(join(out, 'index.ts'), CLIENT);
  writeFileSync(join(out, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', out], {
    stdio: 'inherit',
  });
  process.stdout.write('SDK generated in .sdk/ and compiled\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
