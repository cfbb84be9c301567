import { createServer } from 'node:net';
import { Readable } from 'node:stream';
import { AvScannerUnavailable } from '../av-scan.port';
import { ClamdScanner } from './clamd.driver';

// The EICAR test file, assembled so that this source file is not itself flagged.
const EICAR = Buffer.from(
  ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join(''),
);

/** Runs against the clamd that scripts/setup.sh starts on 127.0.0.1:3310. */
describe('ClamdScanner (real clamd)', () => {
  const clamd = new ClamdScanner('127.0.0.1', 3310, 10000);

  it('answers PING', async () => {
    expect(await clamd.ping()).toBe(true);
  });

  it('finds the EICAR signature, from a buffer or a stream split across chunks', async () => {
    expect(await clamd.scan(EICAR)).toEqual({
      clean: false,
      scanner: 'clamd',
      signature: 'Eicar-Test-Signature.UNOFFICIAL',
    });
    const chunks = [EICAR.subarray(0, 10), EICAR.subarray(10)];
    expect((await clamd.scan(Readable.from(chunks))).clean).toBe(false);
  });

  it('passes clean content', async () => {
    expect(await clamd.scan(Buffer.from('%PDF-1.7 just a harmless document'))).toEqual({
      clean: true,
      scanner: 'clamd',
    });
  });

  it('fails closed when clamd is unreachable', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    await expect(new ClamdScanner('127.0.0.1', port, 2000).scan(EICAR)).rejects.toBeInstanceOf(
      AvScannerUnavailable,
    );
  });

  it('fails closed on a reply that is no verdict', async () => {
    const server = createServer((socket) => {
      socket.once('data', () => socket.end('stream: INSTREAM size limit exceeded. ERROR\0'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      await expect(
        new ClamdScanner('127.0.0.1', port, 2000).scan(Buffer.alloc(10)),
      ).rejects.toBeInstanceOf(AvScannerUnavailable);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
