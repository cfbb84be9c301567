import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOpenApiJson } from '../src/bootstrap/openapi-document';

interface Operation {
  operationId?: string;
  summary?: string;
  'x-required-plan'?: string;
  'x-permission'?: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, unknown> }>;
}

const committed = readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8');

describe('openapi.json', () => {
  it('equals what the code generates (run `npm run openapi` after changing routes)', async () => {
    expect(await generateOpenApiJson()).toBe(committed);
  });

  const document = JSON.parse(committed) as { paths: Record<string, Record<string, Operation>> };
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as const),
  );

  it.each(operations)('%s is fully documented', (_name, op) => {
    expect(op.operationId).toMatch(/^[a-zA-Z]+_[a-zA-Z]+$/);
    expect(op.summary).toBeTruthy();
    expect(['none', 'free', 'pro', 'premium', 'editor', 'admin']).toContain(op['x-required-plan']);
    expect(op['x-permission']).toMatch(
      /^(public|authenticated|role:(admin|editor)|feature:[a-zA-Z]+)$/,
    );
    // Success is a 2xx, or a 3xx for browser redirects (OAuth).
    const success = Object.keys(op.responses).filter((status) => /^[23]/.test(status));
    expect(success.length).toBeGreaterThan(0);
    for (const [status, response] of Object.entries(op.responses)) {
      if (status.startsWith('4'))
        expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json']);
    }
    if (op['x-required-plan'] !== 'none') {
      expect(op.security).toEqual(expect.arrayContaining([{ bearer: [] }]));
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
  });

  it('has unique operation ids', () => {
    const ids = operations.map(([, op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
