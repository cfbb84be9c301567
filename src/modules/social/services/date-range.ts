import { Problem } from '@lib/problems';

const MAX_DAYS = 366;

/** `from`/`to` of a calendar or analytics query: in order, at most a year apart. */
export function dateRange(from: string, to: string): { from: Date; to: Date } {
  const range = { from: new Date(from), to: new Date(to) };
  const days = (range.to.getTime() - range.from.getTime()) / 86_400_000;
  if (days < 0 || days > MAX_DAYS) {
    throw Problem.badRequest('validation.failed', 'The range must run forward, at most a year', [
      { path: '$.to', message: `must be after from and within ${MAX_DAYS} days of it` },
    ]);
  }
  return range;
}
