import { Agent, request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Target } from '../scenario';

/** What a paced run did (the counterpart of autocannon's result for rate-limited targets). */
export interface PacedResult {
  generator: 'paced';
  rate: number;
  durationSeconds: number;
  sent: number;
  completed: number;
  requestsPerSecond: number;
  errors: number;
  non2xx: number;
  /** Requests sent more than 2 ms after their slot (the generator fell behind). */
  late: number;
}

interface OutgoingRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Open-loop load at a fixed rate: request i leaves at `start + i / rate`, whatever the
 * answers before it did, over at most `connections` keep-alive sockets (more requests wait
 * for a socket, and that wait counts: a slow server cannot hide its queue by slowing the
 * sender). Latency runs from the moment the request is handed over; the sender's own timer
 * lateness is left out and counted in `late`. autocannon's `overallRate` instead lets each connection send its share of a second
 * back to back at the start of each second: bursts at full concurrency, whose queueing even a
 * bare node:http server shows as a p99 of ~28 ms at 200 requests/s.
 */
export async function paced(
  target: Target,
  connections: number,
  seconds: number,
  samples?: number[],
): Promise<PacedResult> {
  const rate = target.request?.overallRate;
  if (!rate) throw new Error(`${target.name}: a paced run needs overallRate`);
  const url = new URL(target.url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const setup = target.request?.requests?.[0]?.setupRequest as
    ((request: OutgoingRequest) => OutgoingRequest) | undefined;
  const base: OutgoingRequest = {
    method: target.request?.method ?? 'GET',
    path: `${url.pathname}${url.search}`,
    headers: { ...(target.request?.headers as Record<string, string> | undefined) },
    body: target.request?.body,
  };
  const result: PacedResult = {
    generator: 'paced',
    rate,
    durationSeconds: seconds,
    sent: 0,
    completed: 0,
    requestsPerSecond: 0,
    errors: 0,
    non2xx: 0,
    late: 0,
  };
  const interval = 1000 / rate;
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const slot = start + i * interval;
    const wait = slot - performance.now();
    if (wait > 1) await sleep(Math.floor(wait));
    if (performance.now() - slot > 2) result.late += 1;
    const outgoing = setup ? setup({ ...base, headers: { ...base.headers } }) : base;
    const sentAt = performance.now();
    result.sent += 1;
    inFlight.push(
      send(url, agent, outgoing).then(
        (status) => {
          result.completed += 1;
          if (status >= 200 && status < 300) samples?.push(performance.now() - sentAt);
          else result.non2xx += 1;
        },
        () => {
          result.errors += 1;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  result.requestsPerSecond = Math.round(result.completed / seconds);
  return result;
}

function send(url: URL, agent: Agent, outgoing: OutgoingRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = outgoing.body === undefined ? undefined : Buffer.from(outgoing.body);
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: outgoing.method,
        path: outgoing.path,
        agent,
        timeout: REQUEST_TIMEOUT_MS,
        headers: {
          ...outgoing.headers,
          ...(body ? { 'content-length': String(body.length) } : {}),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}
