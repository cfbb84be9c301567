import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { exited, killTree, track } from './child-processes';

const ROOT = join(__dirname, '../../..');
const OUTPUT_KEPT = 8000;

/**
 * The production boot (`src/main.ts`) as a real child process listening on
 * 127.0.0.1:`port`, with only `env` in its environment (plus PATH and HOME).
 * What the tests that need a real process share: its output for failure
 * messages, readiness polling, SIGTERM and SIGKILL.
 */
export class MainProcess {
  private output = '';
  readonly url: string;

  protected constructor(
    private readonly child: ChildProcess,
    port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  protected static spawnMain(port: number, env: Record<string, string>): ChildProcess {
    return track(
      spawn(process.execPath, ['-r', './scripts/register.js', 'src/main.ts'], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          ...env,
          HOST: '127.0.0.1',
          PORT: String(port),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** What the process printed last (for failure messages). */
  log(): string {
    return this.output;
  }

  fetch(path: string, init?: RequestInit): Promise<Response> {
    return fetch(`${this.url}${path}`, init);
  }

  /** Waits until `path` answers 200 (it fails at once if the process exits). */
  async answers(path: string, timeoutMs: number): Promise<void> {
    const started = Date.now();
    let last = 'no answer';
    for (;;) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(
          `the process exited (${this.child.exitCode ?? this.child.signalCode}):\n${this.output}`,
        );
      }
      const answer = await this.probe(path);
      if (answer.status === 200) return;
      if (answer.status !== 0) last = `${answer.status} ${answer.body}`;
      if (Date.now() - started > timeoutMs) {
        throw new Error(`${path} not 200 in ${timeoutMs} ms (last: ${last}):\n${this.output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The status and body `path` answers now; status 0 when nothing answers. */
  protected async probe(path: string): Promise<{ status: number; body: string }> {
    try {
      const response = await fetch(`${this.url}${path}`, { signal: AbortSignal.timeout(3000) });
      return { status: response.status, body: await response.text() };
    } catch {
      return { status: 0, body: '' };
    }
  }

  /** kill -9 of the process and everything it started (Chromium, ffmpeg); resolves once it is gone. */
  async kill(): Promise<void> {
    killTree(this.child.pid, 'SIGKILL');
    await exited(this.child);
  }

  /** SIGTERM, as in production: it drains and flushes, then exits; SIGKILL after `graceMs`. */
  async stop(graceMs = 30_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => void this.kill(), graceMs);
    await exited(this.child);
    clearTimeout(timer);
  }
}
