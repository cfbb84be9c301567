import { fork, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** How a child ended when the runner stopped it. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when SIGTERM was not enough and the runner had to SIGKILL. */
  forced: boolean;
  /** Milliseconds from SIGTERM to exit. */
  stopMs: number;
}

/** A child process the runner owns, with the tail of its output for error messages. */
export class ManagedChild {
  private readonly tail: string[] = [];

  constructor(
    readonly name: string,
    readonly process: ChildProcess,
  ) {
    for (const stream of [process.stdout, process.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => this.record(chunk));
    }
  }

  get running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  output(): string {
    return this.tail.join('\n');
  }

  private record(chunk: string): void {
    for (const line of chunk.split('\n')) {
      if (line.trim() === '') continue;
      process.stderr.write(`[${this.name}] ${line}\n`);
      this.tail.push(line);
      if (this.tail.length > 50) this.tail.shift();
    }
  }

  /** SIGTERM, wait up to `graceMs`, then SIGKILL. */
  async stop(graceMs = 15_000): Promise<ChildExit> {
    const started = Date.now();
    let forced = false;
    const exited = (): ChildExit => ({
      code: this.process.exitCode,
      signal: this.process.signalCode,
      forced,
      stopMs: Date.now() - started,
    });
    if (!this.running) return exited();
    const exit = once(this.process, 'exit');
    this.process.kill('SIGTERM');
    const timer = sleep(graceMs).then(() => 'timeout' as const);
    if ((await Promise.race([exit.then(() => 'exit' as const), timer])) === 'timeout') {
      forced = true;
      this.process.kill('SIGKILL');
      await exit;
    }
    return exited();
  }
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Starts the production build (`node dist/src/main.js`) with the given environment (any role). */
export function startApi(root: string, env: NodeJS.ProcessEnv, name = 'api'): ManagedChild {
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}/${name}`] : [];
  const child = spawn(process.execPath, [...profile, join(root, 'dist', 'src', 'main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new ManagedChild(name, child);
}

/** Starts `bench/baselines/raw-http.ts` in its own process; resolves with its base URL. */
export function startRawHttp(root: string): Promise<{ child: ManagedChild; url: string }> {
  return startBaseline(root, 'raw-http');
}

/** Starts `bench/baselines/<name>.ts` in its own process; it reports its port over IPC. */
export function startBaseline(
  root: string,
  name: BaselineName,
): Promise<{ child: ManagedChild; url: string }> {
  return startForked(root, join('bench', 'baselines', `${name}.ts`), name);
}

/**
 * Forks a TypeScript server (`file`, relative to `root`) that reports `{ port }` over IPC once
 * it listens; resolves with the child (IPC stays open for further messages) and its base URL.
 */
export async function startForked(
  root: string,
  file: string,
  name: string,
): Promise<{ child: ManagedChild; url: string }> {
  const child = fork(join(root, file), [], {
    cwd: root,
    execArgv: ['-r', join(root, 'scripts', 'register.js')],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const managed = new ManagedChild(name, child);
  const message = await Promise.race([
    once(child, 'message').then(([value]: unknown[]) => value),
    once(child, 'exit').then(() => {
      throw new Error(`${name} exited before listening:\n${managed.output()}`);
    }),
  ]);
  if (!isPortMessage(message)) throw new Error(`${name} sent no port`);
  return { child: managed, url: `http://127.0.0.1:${message.port}` };
}

/** The servers in `bench/baselines/`. */
export type BaselineName = 'raw-http' | 'pdf-launch-per-request' | 'naive-job-search';

function isPortMessage(value: unknown): value is { port: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { port?: unknown }).port === 'number'
  );
}

/** Polls `url` until it answers 200; fails early when `child` exits. */
export async function waitForOk(
  url: string,
  child: ManagedChild,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (!child.running) {
      throw new Error(`${child.name} exited (code ${child.process.exitCode}):\n${child.output()}`);
    }
    try {
      const status = await getStatus(url);
      if (status === 200) return;
      last = `HTTP ${status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})`);
}

function getStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}
