import type { Server } from 'node:http';
import { closeNow, sendJson, serveOnLoopback } from './loopback';

export type JobBoard =
  | 'remoteok'
  | 'remotive'
  | 'arbeitnow'
  | 'himalayas'
  | 'themuse'
  | 'adzuna'
  | 'usajobs'
  | 'greenhouse'
  | 'lever'
  | 'ashby';

/** How the next answers of a board go wrong: a status (429/5xx), a hang past the client's timeout, or a body that is not JSON. */
export type JobBoardFault =
  | { kind: 'status'; status: number; retryAfter?: number }
  | { kind: 'hang'; ms: number }
  | { kind: 'malformed' };

/** One board's jobs in its own wire format (RemoteOK items, Remotive jobs, Greenhouse jobs, ...). */
type Items = Record<string, unknown>[];

/** Per-company boards (Greenhouse, Lever, Ashby) hold one list per board token. */
const COMPANY_BOARDS = new Set<JobBoard>(['greenhouse', 'lever', 'ashby']);

const ROUTES: Array<[RegExp, JobBoard]> = [
  [/^\/api$/, 'remoteok'],
  [/^\/api\/remote-jobs$/, 'remotive'],
  [/^\/api\/job-board-api$/, 'arbeitnow'],
  [/^\/jobs\/api$/, 'himalayas'],
  [/^\/api\/public\/jobs$/, 'themuse'],
  [/^\/v1\/api\/jobs\/([a-z]{2})\/search\/(\d+)$/, 'adzuna'],
  [/^\/api\/Search$/, 'usajobs'],
  [/^\/v1\/boards\/([^/]+)\/jobs$/, 'greenhouse'],
  [/^\/v0\/postings\/([^/]+)$/, 'lever'],
  [/^\/posting-api\/job-board\/([^/]+)$/, 'ashby'],
];

export interface JobBoardRequest {
  board: JobBoard;
  url: string;
  /** The board token (per-company boards) or Adzuna's country. */
  key: string | null;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Every job source the aggregator reads, on one loopback server, answering in
 * their real formats with their traps: RemoteOK's legal element [0] and string
 * ids, Remotive's warning keys and naive dates, Arbeitnow's `links.next` pages,
 * Himalayas' offset pages, The Muse's pages from 0, Adzuna's credentials in the
 * query and pages in the path, USAJobs' Authorization-Key header, Lever's
 * skip/limit, and per-company boards that answer 404 when the token is unknown.
 * Faults are queued per board and used up one answer at a time.
 */
export class JobBoardsFake {
  private readonly items = new Map<string, Items>();
  private readonly faults = new Map<JobBoard, JobBoardFault[]>();
  readonly requests: JobBoardRequest[] = [];
  /** Arbeitnow page size (its real one varies). */
  arbeitnowPageSize = 2;
  /** Adzuna's `count` (it lists far more than one run reads). */
  adzunaCount: number | null = null;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<JobBoardsFake> {
    const holder: { fake?: JobBoardsFake } = {};
    const { server, url } = await serveOnLoopback(async (request, response) => {
      const fake = holder.fake!;
      const parsed = new URL(request.url ?? '/', 'http://localhost');
      const route = ROUTES.map(([pattern, board]) => {
        const match = pattern.exec(parsed.pathname);
        return match ? { board, match } : null;
      }).find((r) => r !== null);
      if (!route) return sendJson(response, 404, { error: 'not found' });
      const { board, match } = route;
      const key = match[1] ? decodeURIComponent(match[1]) : null;
      fake.requests.push({ board, url: parsed.toString(), key, headers: request.headers });
      const fault = fake.faults.get(board)?.shift();
      if (fault?.kind === 'status') {
        response.writeHead(fault.status, {
          'content-type': 'text/html',
          ...(fault.retryAfter ? { 'retry-after': String(fault.retryAfter) } : {}),
        });
        response.end('<html><body>Too many requests</body></html>');
        return;
      }
      if (fault?.kind === 'hang') {
        await new Promise((resolve) => setTimeout(resolve, fault.ms).unref());
        if (!response.destroyed) sendJson(response, 200, []);
        return;
      }
      if (fault?.kind === 'malformed') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"jobs": [{"id": 1, "title": "trunc');
        return;
      }
      if (
        board === 'adzuna' &&
        !(parsed.searchParams.get('app_id') && parsed.searchParams.get('app_key'))
      ) {
        return sendJson(response, 401, { exception: 'AUTH_FAIL', display: 'Authorisation failed' });
      }
      if (board === 'usajobs' && !request.headers['authorization-key']) {
        return sendJson(response, 401, { message: 'Authorization has been denied.' });
      }
      if (COMPANY_BOARDS.has(board) && !fake.items.has(`${board}:${key}`)) {
        return sendJson(response, 404, { status: 404, error: 'Job board not found' });
      }
      sendJson(response, 200, fake.body(board, parsed, url, match) as object);
    });
    holder.fake = new JobBoardsFake(server, url);
    return holder.fake;
  }

  /** A board's jobs; for Greenhouse, Lever and Ashby, `token` names the company's board. */
  set(board: JobBoard, items: Items, token?: string): void {
    this.items.set(token ? `${board}:${token}` : board, items);
  }

  /** A per-company board stops existing (answers 404). */
  remove(board: JobBoard, token: string): void {
    this.items.delete(`${board}:${token}`);
  }

  fail(board: JobBoard, ...faults: JobBoardFault[]): void {
    this.faults.set(board, [...(this.faults.get(board) ?? []), ...faults]);
  }

  private list(key: string): Items {
    return this.items.get(key) ?? [];
  }

  private body(board: JobBoard, url: URL, base: string, match: RegExpExecArray): unknown {
    const q = (name: string, fallback: number) => {
      const n = Number(url.searchParams.get(name) ?? fallback);
      return Number.isFinite(n) ? n : fallback;
    };
    switch (board) {
      case 'remoteok':
        return [
          {
            last_updated: 1733259000,
            legal:
              'API Terms of Service: Please link back to the URL on Remote OK and mention Remote OK as a source, so we get traffic back from your site. If you do not we will have to suspend API access.',
          },
          ...this.list(board),
        ];
      case 'remotive': {
        const items = this.list(board);
        return {
          '00-warning':
            'Remotive API Legal Notice: link back to Remotive and mention it as the source.',
          '0-legal-notice': 'Please do not submit Remotive jobs to third-party websites.',
          'job-count': items.length,
          'total-job-count': items.length,
          jobs: items,
        };
      }
      case 'arbeitnow':
        return this.arbeitnow(url, base);
      case 'himalayas': {
        const items = this.list(board);
        const limit = Math.min(q('limit', 20), 20);
        const offset = q('offset', 0);
        return {
          updatedAt: 1733260504,
          offset,
          limit,
          totalCount: items.length,
          jobs: items.slice(offset, offset + limit),
        };
      }
      case 'themuse': {
        const items = this.list(board);
        const size = 20;
        const page = q('page', 0);
        return {
          page,
          page_count: Math.max(1, Math.ceil(items.length / size)),
          items_per_page: size,
          took: 12,
          timed_out: false,
          total: items.length,
          results: items.slice(page * size, (page + 1) * size),
          aggregations: {},
        };
      }
      case 'adzuna': {
        const items = this.list(`adzuna:${match[1]}`);
        const size = q('results_per_page', 10);
        const page = Number(match[2]);
        return {
          __CLASS__: 'Adzuna::API::Response::JobSearchResults',
          count: this.adzunaCount ?? items.length,
          mean: 43000.5,
          results: items.slice((page - 1) * size, page * size),
        };
      }
      case 'usajobs': {
        const items = this.list(board);
        const size = q('ResultsPerPage', 25);
        const page = q('Page', 1);
        const slice = items.slice((page - 1) * size, page * size);
        return {
          LanguageCode: 'EN',
          SearchParameters: {},
          SearchResult: {
            SearchResultCount: slice.length,
            SearchResultCountAll: items.length,
            SearchResultItems: slice,
            UserArea: {
              NumberOfPages: String(Math.ceil(items.length / size)),
              IsRadialSearch: false,
            },
          },
        };
      }
      case 'greenhouse': {
        const items = this.list(`greenhouse:${match[1]}`);
        return { jobs: items, meta: { total: items.length } };
      }
      case 'lever': {
        const items = this.list(`lever:${match[1]}`);
        const skip = q('skip', 0);
        const limit = q('limit', items.length || 1);
        return items.slice(skip, skip + limit);
      }
      case 'ashby':
        return { apiVersion: '1', jobs: this.list(`ashby:${match[1]}`) };
    }
  }

  private arbeitnow(url: URL, base: string): unknown {
    const items = this.list('arbeitnow');
    const page = Math.max(1, Number(url.searchParams.get('page') ?? '1'));
    const size = this.arbeitnowPageSize;
    const pages = Math.max(1, Math.ceil(items.length / size));
    const path = `${base}/api/job-board-api`;
    return {
      data: items.slice((page - 1) * size, page * size),
      links: {
        first: `${path}?page=1`,
        last: null,
        prev: page > 1 ? `${path}?page=${page - 1}` : null,
        next: page < pages ? `${path}?page=${page + 1}` : null,
      },
      meta: {
        current_page: page,
        from: (page - 1) * size + 1,
        path,
        per_page: size,
        to: Math.min(page * size, items.length),
        terms: 'This is a free public API for jobs, please do not abuse.',
        info: 'Jobs are updated every hour and order is by newest (created_at).',
      },
    };
  }

  close(): Promise<void> {
    return closeNow(this.server);
  }
}

/**
 * The faults every source adapter must survive, with the error it must turn each
 * into (a JobSourceError's fields): retryable or not, and the Retry-After it keeps.
 * The adapter's timeout must be below 2,500 ms.
 */
export const JOB_SOURCE_FAULT_CASES: Array<{
  name: string;
  fault: JobBoardFault;
  error: { retryable: boolean; retryAfterSeconds?: number; status?: number; message: RegExp };
}> = [
  {
    name: '429 with Retry-After',
    fault: { kind: 'status', status: 429, retryAfter: 120 },
    error: { retryable: true, retryAfterSeconds: 120, status: 429, message: /429/ },
  },
  {
    name: '503',
    fault: { kind: 'status', status: 503 },
    error: { retryable: true, status: 503, message: /503/ },
  },
  {
    name: 'a hang past the timeout',
    fault: { kind: 'hang', ms: 2500 },
    error: { retryable: true, message: /timed out/ },
  },
  {
    name: 'a malformed body',
    fault: { kind: 'malformed' },
    error: { retryable: false, message: /not JSON/ },
  },
];
