import autocannon from 'autocannon';
import type { LoadSettings, Target } from '../scenario';
import { busyShare, cpuSnapshot, otherShare, processCpuMs } from './cpu';
import { paced, type PacedResult } from './paced';

/** Latency percentiles in milliseconds, from every 2xx response (microsecond resolution). */
export interface Latency {
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p99_9: number;
  max: number;
}

export interface Measurement {
  target: string;
  url: string;
  settings: LoadSettings;
  /** Exact percentiles; autocannon's own histogram rounds latency to whole milliseconds. */
  latencyMs: Latency | null;
  /** Share of all cores busy during the measured run, and the part of it used by other programs. */
  cpu: { busy: number; others: number | null };
  /**
   * CPU time the serving process spent per completed request, in microseconds: the figure
   * least disturbed by other work on the machine. Null when the server process is unknown.
   */
  serverCpuMicrosPerRequest: number | null;
  /** CPU time the worker process spent per completed request (null: no worker started). */
  workerCpuMicrosPerRequest: number | null;
  /** What the load generator counted in the measured run. */
  counts: LoadCounts;
  /** The raw autocannon result of the measured run (warmup is discarded), for closed-loop targets. */
  autocannon?: autocannon.Result;
  /** The paced generator's result, for targets with a fixed rate (`overallRate`). */
  paced?: PacedResult;
}

export interface LoadCounts {
  requestsPerSecond: number;
  total: number;
  errors: number;
  non2xx: number;
  mismatches: number;
}

type LoadResult = { autocannon: autocannon.Result } | { paced: PacedResult };

function countsOf(result: LoadResult): LoadCounts {
  if ('paced' in result) {
    const { requestsPerSecond, completed, errors, non2xx } = result.paced;
    return { requestsPerSecond, total: completed, errors, non2xx, mismatches: 0 };
  }
  const { requests, errors, non2xx, mismatches } = result.autocannon;
  return {
    requestsPerSecond: Math.round(requests.average),
    total: requests.total,
    errors,
    non2xx,
    mismatches,
  };
}

/** Runs the warmup (discarded) and then the measured load against one target. */
export async function measure(
  target: Target,
  settings: LoadSettings,
  /** Server processes whose CPU time counts as the bench's own (not "others"). */
  pids: readonly number[],
  /** The process serving this target, when the runner started it. */
  serverPid?: number,
  /** The worker process doing the work the requests queue, when the scenario has one. */
  workerPid?: number,
): Promise<Measurement> {
  const alongside = target.alongside
    ? fire(
        {
          name: `${target.name}-alongside`,
          url: target.alongside.url,
          request: target.alongside.request,
        },
        target.alongside.connections,
        settings.warmupSeconds + settings.durationSeconds,
      )
    : undefined;
  if (settings.warmupSeconds > 0) await fire(target, settings.connections, settings.warmupSeconds);
  const samples: number[] = [];
  const before = cpuSnapshot(pids);
  const serverBefore = serverPid === undefined ? null : processCpuMs(serverPid);
  const workerBefore = workerPid === undefined ? null : processCpuMs(workerPid);
  const result = await fire(target, settings.connections, settings.durationSeconds, samples);
  const serverAfter = serverPid === undefined ? null : processCpuMs(serverPid);
  const workerAfter = workerPid === undefined ? null : processCpuMs(workerPid);
  const after = cpuSnapshot(pids);
  await alongside;
  const counts = countsOf(result);
  const served = counts.total;
  return {
    target: target.name,
    url: target.url,
    settings,
    latencyMs: percentiles(samples),
    cpu: { busy: busyShare(before, after), others: otherShare(before, after) },
    serverCpuMicrosPerRequest: microsPerRequest(serverBefore, serverAfter, served),
    workerCpuMicrosPerRequest: microsPerRequest(workerBefore, workerAfter, served),
    counts,
    ...result,
  };
}

function microsPerRequest(
  beforeMs: number | null,
  afterMs: number | null,
  served: number,
): number | null {
  return beforeMs === null || afterMs === null || served === 0
    ? null
    : Math.round(((afterMs - beforeMs) * 1000) / served);
}

/** A fixed-rate target runs open-loop and evenly paced (see `paced`); any other through autocannon. */
async function fire(
  target: Target,
  connections: number,
  seconds: number,
  samples?: number[],
): Promise<LoadResult> {
  if (target.request?.overallRate) {
    return { paced: await paced(target, connections, seconds, samples) };
  }
  return { autocannon: await closedLoop(target, connections, seconds, samples) };
}

function closedLoop(
  target: Target,
  connections: number,
  seconds: number,
  samples?: number[],
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { ...target.request, url: target.url, title: target.name, connections, duration: seconds },
      (error: unknown, result) => (error ? reject(toError(error)) : resolve(result)),
    );
    if (samples) {
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
      });
    }
  });
}

function percentiles(samples: number[]): Latency | null {
  if (samples.length === 0) return null;
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number): number =>
    round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]);
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    mean: round(sum / sorted.length),
    p50: at(0.5),
    p90: at(0.9),
    p95: at(0.95),
    p99: at(0.99),
    p99_9: at(0.999),
    max: round(sorted[sorted.length - 1]),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
