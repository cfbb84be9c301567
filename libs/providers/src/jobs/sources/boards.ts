import {
  JobSourceError,
  type JobSource,
  type JobSourceBatch,
  type JobSourceFetchOptions,
  type NormalizedPosting,
} from '../job-source.port';
import { mapItems } from './http';

/** One company board's items and how to map them. */
export interface BoardPage {
  items: unknown[];
  map: (item: Record<string, unknown>) => NormalizedPosting | null;
  drop?: (item: Record<string, unknown>) => boolean;
}

/**
 * A per-company source (Greenhouse, Lever, Ashby): reads each followed board in
 * turn. A board that answers 404 (gone or renamed) is left out of the run; any
 * other failure fails the run so it is retried. The batch is complete only when
 * every board was read whole.
 */
export abstract class CompanyBoardsSource implements JobSource {
  abstract readonly name: string;

  constructor(
    protected readonly baseUrl: string,
    protected readonly timeoutMs: number,
    private readonly envBoards: string[],
  ) {}

  /** Fetches one board; throws a JobSourceError (status 404 when the board does not exist). */
  abstract fetchBoard(token: string): Promise<BoardPage>;

  /** Reads a board once, for an admin adding it: how many postings it lists now. */
  async probe(token: string): Promise<number> {
    const page = await this.fetchBoard(token);
    return mapItems(page.items, page.map, Number.MAX_SAFE_INTEGER, page.drop).postings.length;
  }

  async fetch(options: JobSourceFetchOptions): Promise<JobSourceBatch> {
    const boards = [...new Set(options.boards ?? this.envBoards)];
    const postings: NormalizedPosting[] = [];
    let skipped = 0;
    let complete = true;
    for (const token of boards) {
      if (postings.length >= options.maxPostings) {
        complete = false;
        break;
      }
      let page: BoardPage;
      try {
        page = await this.fetchBoard(token);
      } catch (error) {
        if (error instanceof JobSourceError && error.status === 404) {
          complete = false; // keep the board's known postings until it answers again
          continue;
        }
        throw error;
      }
      const mapped = mapItems(
        page.items,
        page.map,
        options.maxPostings - postings.length,
        page.drop,
      );
      postings.push(...mapped.postings);
      skipped += mapped.skipped;
      if (mapped.capped) complete = false;
    }
    return { postings, complete, skipped };
  }
}
