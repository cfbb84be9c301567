import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp } from '@lib/testing';

interface ProblemType {
  code: string;
  status: number;
  title: string;
  description: string;
}

describe('GET /v1/problems', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('lists every problem code publicly and cacheably, as openapi.json does', async () => {
    const res = await t.inject({ method: 'GET', url: '/v1/problems' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    const problems = res.json<ProblemType[]>();
    expect(problems).toContainEqual({
      code: 'files.not_ready',
      status: 409,
      title: 'Conflict',
      description: expect.any(String) as string,
    });
    const document = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8')) as {
      components: { schemas: { ProblemCode: { enum: string[] } } };
    };
    expect(document.components.schemas.ProblemCode.enum).toEqual(problems.map((p) => p.code));
  });
});
