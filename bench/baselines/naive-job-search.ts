/**
 * The naive plan the job search is compared with: rank every match of the text
 * query (no bounded candidate set), count every match exactly, no facets. A bare
 * node:http server over one pg pool, so the figures are PostgreSQL's, not the API
 * pipeline's. `GET /?q=…` ranks by relevance; `GET /?remote=true&employmentType=…&seniority=…`
 * filters and sorts by date. Started by the bench runner with fork(); reports its port over IPC.
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';

const pool = new Pool({
  connectionString:
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/career_tools_bench',
  max: 10,
  // Past autocannon's 10 s timeout nobody waits for the answer: end the query rather than let it
  // take PostgreSQL's CPU from the targets that follow.
  statement_timeout: 10_000,
});

async function search(params: URLSearchParams): Promise<unknown> {
  const where = ["j.status = 'active'"];
  const values: unknown[] = [];
  const q = params.get('q');
  if (q) {
    values.push(q);
    where.push(`j.search_vector @@ websearch_to_tsquery('english', $${values.length})`);
  }
  for (const [param, column] of [
    ['employmentType', 'employment_type'],
    ['seniority', 'seniority'],
  ] as const) {
    const value = params.get(param);
    if (value) {
      values.push(value);
      where.push(`j.${column} = $${values.length}`);
    }
  }
  if (params.get('remote') === 'true') where.push('j.remote');
  const salaryMin = params.get('salaryMin');
  if (salaryMin) {
    values.push(Number(salaryMin));
    where.push(`j.salary_annual >= $${values.length}`);
  }
  const condition = where.join(' and ');
  const order = q
    ? `ts_rank_cd(j.search_vector, websearch_to_tsquery('english', $1), 32) desc, j.id desc`
    : 'j.posted_at desc, j.id desc';
  const [page, count] = await Promise.all([
    pool.query(
      `select j.id, j.title, j.company from jobs j where ${condition} order by ${order} limit 21`,
      values,
    ),
    pool.query<{ n: number }>(`select count(*)::int as n from jobs j where ${condition}`, values),
  ]);
  return { items: page.rows, total: count.rows[0].n };
}

const server = createServer((request, response) => {
  const params = new URL(request.url ?? '/', 'http://localhost').searchParams;
  search(params).then(
    (result) => {
      const body = JSON.stringify(result);
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(body);
    },
    (error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    },
  );
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('unexpected address');
  process.send?.({ port: address.port });
});

const stop = (): void => {
  server.close(() => void pool.end().then(() => process.exit(0)));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
