import { assertNoSecretsIn } from './secret-leak-check';

describe('secret leak check', () => {
  it('passes ordinary responses', () => {
    expect(() =>
      assertNoSecretsIn('{"id":"1","email":"a@b.c","twoFactorEnabled":true}', 'GET /v1/me'),
    ).not.toThrow();
  });

  it.each([
    '{"passwordHash":"x"}',
    '{"password_hash":"x"}',
    '{"tokenCiphertext":"v1.a.b.c"}',
    '{"recovery_code_hashes":[]}',
    `{"x":"$2b$12$${'a'.repeat(53)}"}`,
  ])('fails on %s', (body) => {
    expect(() => assertNoSecretsIn(body, 'GET /x')).toThrow(/leaks a stored secret/);
  });
});
