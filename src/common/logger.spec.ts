import pino from 'pino';
import { Writable } from 'node:stream';
import { REDACTED_PATHS } from './logger';

describe('log redaction', () => {
  it('never writes credentials, tokens or secrets', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
    logger.info({
      req: {
        headers: { authorization: 'Bearer abc.def.ghi', cookie: 'sid=1', 'x-api-key': 'ct_live_x' },
      },
      body: { password: 'hunter2hunter2', refreshToken: 'r-1', otp: '123456', email: 'a@b.c' },
    });
    const line = lines.join('');
    for (const secret of ['abc.def.ghi', 'sid=1', 'ct_live_x', 'hunter2hunter2', 'r-1', '123456']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('a@b.c');
  });
});
