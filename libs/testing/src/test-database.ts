import { Client } from 'pg';

/** Server the suites use; each suite gets its own database cloned from the template. */
export const TEST_SERVER_URL =
  process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
/**
 * Each Jest run migrates its own template (named in globalSetup and passed to
 * the workers through the environment), so two runs on one machine never
 * clone from or drop each other's databases.
 */
export function templateDatabase(): string {
  const template = process.env.CAREER_TOOLS_TEST_TEMPLATE;
  if (!template)
    throw new Error('No test template database: run the suites through Jest (globalSetup)');
  return template;
}

export function databaseUrl(name: string): string {
  assertTestDatabase(name);
  return `${TEST_SERVER_URL}/${name}`;
}

/** Tests drop and create databases: never let them touch one that is not clearly a test database. */
export function assertTestDatabase(name: string): void {
  if (!name.includes('test')) {
    throw new Error(`Refusing to use database "${name}" in tests: its name must contain "test"`);
  }
}

export async function withAdminClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: `${TEST_SERVER_URL}/postgres` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(client: Client, name: string, force = true): Promise<void> {
  assertTestDatabase(name);
  await client.query(`drop database if exists "${name}"${force ? ' with (force)' : ''}`);
}

export async function cloneTemplate(name: string): Promise<string> {
  assertTestDatabase(name);
  await withAdminClient(async (client) => {
    await dropDatabase(client, name);
    await client.query(`create database "${name}" template "${templateDatabase()}"`);
  });
  return databaseUrl(name);
}
