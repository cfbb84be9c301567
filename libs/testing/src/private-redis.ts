import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { exited, track } from './child-processes';
import { freePort } from './free-port';

/**
 * A redis-server of the suite's own on a free port, with AOF persistence as a
 * deployment must run it, which the suite may stop and start again (same port,
 * same data directory) without touching the machine's shared Redis.
 */
export class PrivateRedis {
  private server?: ChildProcess;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort(), mkdtempSync(join(tmpdir(), 'ct-redis-')));
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again) on the same port and directory; resolves once it answers PING. */
  async restart(): Promise<void> {
    if (this.server) throw new Error('redis-server is already running');
    const server = track(
      spawn(
        'redis-server',
        [
          '--port',
          String(this.port),
          '--bind',
          '127.0.0.1',
          '--dir',
          this.dir,
          '--appendonly',
          'yes',
          '--appendfsync',
          'everysec',
          '--save',
          '',
        ],
        { stdio: 'ignore' },
      ),
    );
    this.server = server;
    server.once('exit', () => {
      if (this.server === server) this.server = undefined;
    });
    const deadline = Date.now() + 10_000;
    while (!(await pong(this.port))) {
      if (this.server !== server || Date.now() > deadline) {
        throw new Error(`redis-server did not start on port ${this.port}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** A clean shutdown (SIGTERM: redis writes the AOF out and exits), like a service restart. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.kill('SIGTERM');
    await exited(server);
  }

  /** Stops the server for good and removes its data directory. */
  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Whether a Redis on the port answers PING (one short-lived connection). */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}
