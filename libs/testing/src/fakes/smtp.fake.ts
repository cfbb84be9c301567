import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** One message the server accepted: the SMTP envelope and the raw RFC 5322 data. */
export interface ReceivedMail {
  envelope: { from: string | null; to: string[] };
  raw: string;
}

/**
 * A real SMTP server (the `smtp-server` package) on loopback, plain text, no
 * authentication required. It records what it accepts, and can reject the
 * next messages with a given reply code (4xx temporary, 5xx permanent).
 */
export class SmtpFake {
  readonly received: ReceivedMail[] = [];

  private readonly rejections: { code: number; message: string }[] = [];
  private server?: SMTPServer;

  async start(): Promise<{ host: string; port: number; url: string }> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 1000,
      onData: (stream, session, callback) => this.receive(stream, session, callback),
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    return { host: '127.0.0.1', port, url: `smtp://127.0.0.1:${port}?tls=off` };
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(resolve));
  }

  reset(): void {
    this.received.length = 0;
    this.rejections.length = 0;
  }

  /** The next `times` messages are refused at the end of DATA with `code`. */
  rejectNext(code: number, message = 'Rejected by the test', times = 1): void {
    for (let i = 0; i < times; i += 1) this.rejections.push({ code, message });
  }

  private receive(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (error?: Error | null) => void,
  ): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const rejection = this.rejections.shift();
      if (rejection) {
        return callback(
          Object.assign(new Error(rejection.message), { responseCode: rejection.code }),
        );
      }
      const { mailFrom, rcptTo } = session.envelope;
      this.received.push({
        envelope: { from: mailFrom ? mailFrom.address : null, to: rcptTo.map((r) => r.address) },
        raw: Buffer.concat(chunks).toString('utf8'),
      });
      callback();
    });
  }
}
