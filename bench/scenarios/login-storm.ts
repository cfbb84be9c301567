import type { Scenario } from '../scenario';

/**
 * bcrypt (cost 12, ≈ 176 ms of CPU per hash here) is the most expensive thing
 * the API does on demand. This measures a cheap route, `GET /v1/plans`, quiet
 * and then during a storm of failed sign-ins from many addresses (so the
 * per-IP limit does not stop them), to show what the storm costs everyone else.
 */
const loginStorm: Scenario = {
  name: 'login-storm',
  description:
    'GET /v1/plans alone, then while 16 connections send failed logins from random X-Forwarded-For addresses (each costs a bcrypt compare); compare p99.',
  apiEnv: { TRUST_PROXY: 'true' },
  load: { connections: 10 },
  prepare({ apiUrl }) {
    const plans = `${apiUrl}/v1/plans`;
    return [
      { name: 'quiet', url: plans },
      {
        name: 'storm',
        url: plans,
        alongside: {
          url: `${apiUrl}/v1/auth/login`,
          connections: 16,
          request: {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.[<id>]' },
            body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong-password-123' }),
            idReplacement: true,
          },
        },
      },
    ];
  },
  ratios: [{ numerator: 'storm', denominator: 'quiet' }],
};

export default loginStorm;
