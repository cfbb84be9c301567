import { connect, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { AvScannerUnavailable, type AvScanPort, type ScanResult } from '../av-scan.port';

const CHUNK_BYTES = 64 * 1024;

/**
 * clamd's INSTREAM command over TCP: `zINSTREAM\0`, then chunks each prefixed
 * by a 4-byte big-endian length, then a zero-length chunk. clamd answers
 * `stream: OK`, `stream: <signature> FOUND` or `... ERROR`. Anything but a
 * verdict (refused connection, timeout, size limit, odd reply) is
 * AvScannerUnavailable, so the caller fails closed.
 */
export class ClamdScanner implements AvScanPort {
  readonly name = 'clamd' as const;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs: number,
  ) {}

  async scan(content: Buffer | Readable): Promise<ScanResult> {
    const reply = await this.instream(
      Buffer.isBuffer(content) ? Readable.from([content]) : content,
    );
    const match = /^stream: (.+?)(?: (FOUND|ERROR))?$/.exec(reply.replace(/\0+$/, '').trim());
    if (match?.[1] === 'OK' && !match[2]) return { clean: true, scanner: this.name };
    if (match?.[2] === 'FOUND') return { clean: false, scanner: this.name, signature: match[1] };
    throw new AvScannerUnavailable(`clamd could not scan: ${reply.trim() || 'no reply'}`);
  }

  /** Answers true when clamd replies PONG. */
  async ping(): Promise<boolean> {
    try {
      const socket = await this.open();
      socket.end('zPING\0');
      return (await this.readReply(socket)).replace(/\0+$/, '') === 'PONG';
    } catch {
      return false;
    }
  }

  private async instream(content: Readable): Promise<string> {
    const socket = await this.open();
    const reply = this.readReply(socket);
    try {
      await write(socket, Buffer.from('zINSTREAM\0'));
      for await (const chunk of content) {
        const data = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
        for (let offset = 0; offset < data.length; offset += CHUNK_BYTES) {
          const part = data.subarray(offset, offset + CHUNK_BYTES);
          const length = Buffer.alloc(4);
          length.writeUInt32BE(part.length);
          await write(socket, Buffer.concat([length, part]));
        }
      }
      await write(socket, Buffer.alloc(4));
    } catch (error) {
      // clamd closes the connection early when the stream exceeds its limit; its reply says why.
      const said = await reply.catch(() => '');
      socket.destroy();
      if (said) return said;
      throw error instanceof AvScannerUnavailable
        ? error
        : new AvScannerUnavailable(`clamd connection failed: ${(error as Error).message}`, {
            cause: error,
          });
    }
    return reply;
  }

  private open(): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.port });
      socket.setTimeout(this.timeoutMs, () =>
        socket.destroy(new AvScannerUnavailable(`clamd timed out after ${this.timeoutMs} ms`)),
      );
      socket.once('connect', () => resolve(socket));
      socket.once('error', (error) =>
        reject(
          new AvScannerUnavailable(`clamd unreachable at ${this.host}:${this.port}`, {
            cause: error,
          }),
        ),
      );
    });
  }

  private readReply(socket: Socket): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.once('error', (error) =>
        reject(
          error instanceof AvScannerUnavailable
            ? error
            : new AvScannerUnavailable(`clamd connection failed: ${error.message}`, {
                cause: error,
              }),
        ),
      );
      socket.once('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  }
}

function write(socket: Socket, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.write(data, (error) => (error ? reject(error) : resolve()));
  });
}
