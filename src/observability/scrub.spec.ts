import { REDACTED, scrub, scrubText, withoutSqlLiterals } from './scrub';

describe('scrubbing error reports and spans', () => {
  const jwt =
    'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiIwMTIzIiwianRpIjoiYWJjIn0.c2lnbmF0dXJlLWJ5dGVz';

  it('redacts bearer tokens, JWTs and API keys inside any text', () => {
    expect(scrubText(`failed for Bearer ${jwt} today`)).toBe(`failed for Bearer ${REDACTED} today`);
    expect(scrubText(`token=${jwt}`)).toBe(`token=${REDACTED}`);
    expect(scrubText('key ctk_live_AbC123-xyz used')).toBe(`key ${REDACTED} used`);
    expect(scrubText('a basic information text')).toBe('a basic information text');
  });

  it('redacts values under sensitive keys at any depth and leaves the rest', () => {
    const event = {
      request: {
        url: '/v1/cvs',
        headers: {
          authorization: `Bearer ${jwt}`,
          cookie: 'sid=1',
          'x-api-key': 'ctk_1',
          'x-share-password': 'pw',
          'user-agent': 'curl/8',
        },
      },
      extra: { nested: [{ refreshToken: 'r1', note: `see ${jwt}` }], count: 3 },
    };
    expect(scrub(event)).toEqual({
      request: {
        url: '/v1/cvs',
        headers: {
          authorization: REDACTED,
          cookie: REDACTED,
          'x-api-key': REDACTED,
          'x-share-password': REDACTED,
          'user-agent': 'curl/8',
        },
      },
      extra: { nested: [{ refreshToken: REDACTED, note: `see ${REDACTED}` }], count: 3 },
    });
    expect(event.request.headers.authorization).toBe(`Bearer ${jwt}`); // a copy, not in place
  });

  it('survives cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    expect(scrub(cyclic)).toEqual({ name: 'a', self: REDACTED });
  });

  it('takes every string literal out of SQL, quotes inside included', () => {
    const sql =
      `insert into "users" ("email", "password_hash", "name") values ('ada@example.com', ` +
      `'$2b$04$abc', 'O''Brien') returning id; select $tag$secret$tag$, E'x\\'y', 42`;
    expect(withoutSqlLiterals(sql)).toBe(
      `insert into "users" ("email", "password_hash", "name") values (?, ?, ?) returning id; ` +
        `select ?, ?, 42`,
    );
  });
});
