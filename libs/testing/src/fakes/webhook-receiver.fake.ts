import type { IncomingHttpHeaders, Server } from 'node:http';
import { closeNow, readRequestText, serveOnLoopback } from './loopback';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The status this receiver answered with. */
  status: number;
}

/**
 * A webhook receiver (a Zapier catch hook) on loopback: records every POST with
 * its raw body and headers, and answers 200 unless told otherwise per path
 * (`respondWith('/a', 500, 200)` answers 500 once, then 200).
 */
export class WebhookReceiverFake {
  readonly received: ReceivedWebhook[] = [];
  private readonly scripts = new Map<
    string,
    { status: number; headers?: Record<string, string> }[]
  >();
  private server?: Server;
  url = '';

  async start(): Promise<string> {
    const { server, url } = await serveOnLoopback(async (req, res) => {
      const body = await readRequestText(req);
      const path = req.url ?? '/';
      const next = this.scripts.get(path)?.shift() ?? { status: 200 };
      this.received.push({ path, headers: req.headers, body, status: next.status });
      res.writeHead(next.status, { 'content-type': 'text/plain', ...next.headers });
      res.end(next.status < 300 ? 'ok' : 'no');
    });
    this.server = server;
    this.url = url;
    return url;
  }

  async stop(): Promise<void> {
    await closeNow(this.server);
  }

  /** The next answers for `path`, in order; 200 after they run out. */
  respondWith(
    path: string,
    ...answers: (number | { status: number; headers: Record<string, string> })[]
  ): void {
    this.scripts.set(
      path,
      answers.map((a) => (typeof a === 'number' ? { status: a } : a)),
    );
  }

  to(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }
}
