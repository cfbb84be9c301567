import type autocannon from 'autocannon';
import type { BaselineName } from './lib/processes';

/**
 * A bench scenario: `bench/scenarios/<name>.ts` default-exports one of these and
 * `npm run bench -- <name>` runs it against a production build of the API.
 */
export interface Scenario {
  /** Must equal the file name (`bench/scenarios/<name>.ts`). */
  name: string;
  /** One or two sentences for the results table: what the numbers mean. */
  description: string;
  /** Why the figures are what they are (from a profile), printed under the table; for targets that miss their budget. */
  analysis?: string;
  /** Load settings for every target of this scenario; the runner fills in defaults and caps them. */
  load?: Partial<LoadSettings>;
  /**
   * Extra environment for the API child (e.g. `APP_ROLE: 'all'` when a scenario needs the worker),
   * or a function that first starts what the API must find at boot (e.g. a trace receiver).
   */
  apiEnv?: Record<string, string> | (() => Promise<Record<string, string>>);
  /**
   * Also start a worker process (`APP_ROLE=worker`, same environment) beside an `api`-role
   * API, as deployed; its CPU per request is reported next to the server's.
   */
  worker?: boolean;
  /**
   * The worker's nice value (e.g. 10): on the bench's two shared cores, what the API and the
   * worker would not share when deployed apart (their own hosts or CPU quotas).
   */
  workerNice?: number;
  /**
   * Called once the API answers `/health/ready`. Creates whatever the requests need
   * (users, tokens, baseline servers) and lists the targets, which run one after another.
   */
  prepare(context: BenchContext): Promise<Target[]> | Target[];
  /** Called after the last target (or a failure): closes what `prepare` opened. */
  finish?(): Promise<void>;
  /** Ratios to report, e.g. `{ numerator: 'api', denominator: 'raw' }`. */
  ratios?: Ratio[];
}

/** What a scenario gets from the runner. */
export interface BenchContext {
  /** Base URL of the API child, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  apiUrl: string;
  /**
   * Starts a bare `node:http` server in its own process answering `{"status":"ok"}`
   * to every request; returns its base URL. The runner stops it at the end.
   */
  startRawHttpServer: () => Promise<string>;
  /**
   * Starts another server of `bench/baselines/` in its own process (e.g. PDFs with a browser
   * launched per request); returns its base URL. The runner stops it at the end.
   */
  startBaselineServer: (name: BaselineName) => Promise<string>;
}

/** One load target: a URL on 127.0.0.1 and the request(s) to send to it. */
export interface Target {
  /** Short label used in the tables and in ratios (`api`, `raw`, ...). */
  name: string;
  /** Full URL on 127.0.0.1; the runner refuses any other host. */
  url: string;
  /** Request shape; defaults to a plain GET of `url`. */
  request?: TargetRequest;
  /** Per-target override of the scenario's load settings (e.g. fewer connections for PDF export). */
  load?: Partial<LoadSettings>;
  /**
   * Unmeasured load sent at the same time, through warmup and measurement (e.g.
   * a login storm), to see what it does to this target's latency.
   */
  alongside?: { url: string; request?: TargetRequest; connections: number };
}

export type TargetRequest = Pick<
  autocannon.Options,
  | 'method'
  | 'headers'
  | 'body'
  | 'requests'
  | 'expectBody'
  | 'timeout'
  | 'idReplacement'
  | 'overallRate'
>;

export interface LoadSettings {
  /** Concurrent connections (capped at 256). */
  connections: number;
  /** Measured seconds per target (capped at 60). */
  durationSeconds: number;
  /** Unmeasured seconds of the same load before each measured run (capped at 30). */
  warmupSeconds: number;
}

export interface Ratio {
  numerator: string;
  denominator: string;
}
