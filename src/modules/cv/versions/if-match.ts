import { Problem } from '@lib/problems';
import { preconditionRequired, versionConflict } from '../cv.problems';

/** What a write is based on: a set of versions from `If-Match`, or `*` for any. */
export type ExpectedVersion = number[] | '*';

/**
 * Reads `If-Match` (`"3"`, `W/"3"`, a list of those, or `*`) and the body's
 * `version`. Neither is `undefined`: the caller decides whether that is allowed.
 */
export function expectedVersion(
  ifMatch: string | undefined,
  bodyVersion?: number,
): ExpectedVersion | undefined {
  if (ifMatch !== undefined && ifMatch.trim() !== '') {
    if (ifMatch.trim() === '*') return '*';
    const versions = ifMatch.split(',').map((tag) => /^\s*(?:W\/)?"(\d{1,10})"\s*$/.exec(tag)?.[1]);
    if (versions.some((v) => v === undefined)) {
      throw Problem.badRequest(
        'cv.invalid_if_match',
        'If-Match must be a list of ETags like "3", or *',
      );
    }
    return versions.map(Number);
  }
  return bodyVersion === undefined ? undefined : [bodyVersion];
}

/** 412 `cv.version_conflict` unless the expectation matches; 428 when there is none. */
export function assertVersion(
  expected: ExpectedVersion | undefined,
  current: number,
  required = true,
): void {
  if (expected === undefined) {
    if (required) throw preconditionRequired();
    return;
  }
  if (expected !== '*' && !expected.includes(current)) throw versionConflict(current);
}

export const etag = (version: number) => `"${version}"`;
