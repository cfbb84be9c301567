import { connect, createServer, type Server, type Socket } from 'node:net';
import { freePort } from '@lib/testing';

/**
 * Stands in for clamd on a port of its own: first it takes the scan and never
 * answers (the worker is in the middle of a scan), then it forwards to the real
 * clamd on 127.0.0.1:3310.
 */
export class ClamdGate {
  private held: Socket[] = [];
  private readonly open: Set<Socket> = new Set();
  private forwarding = false;
  connections = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async open(): Promise<ClamdGate> {
    const port = await freePort();
    const gate: ClamdGate = new ClamdGate(
      createServer((client) => gate.accept(client)),
      port,
    );
    await new Promise<void>((resolve) => gate.server.listen(port, '127.0.0.1', resolve));
    return gate;
  }

  /** New scans are taken and never answered. */
  hold(): void {
    this.forwarding = false;
  }

  /** Held scans are dropped (the worker retries them); new ones reach clamd. */
  forward(): void {
    this.forwarding = true;
    for (const socket of this.held) socket.destroy();
    this.held = [];
  }

  async close(): Promise<void> {
    this.forward();
    for (const socket of this.open) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private accept(client: Socket): void {
    this.connections += 1;
    this.open.add(client);
    client.once('close', () => this.open.delete(client));
    client.on('error', () => client.destroy());
    if (!this.forwarding) {
      this.held.push(client);
      return;
    }
    const upstream = connect(3310, '127.0.0.1');
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  }
}
