import { Problem } from '@lib/problems';
import { assertVersion, expectedVersion } from './if-match';

const codeOf = (fn: () => void): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as Problem).code;
  }
  return undefined;
};

describe('If-Match handling', () => {
  it('reads strong, weak, listed and wildcard ETags, else the body version', () => {
    expect(expectedVersion('"3"')).toEqual([3]);
    expect(expectedVersion('W/"3"')).toEqual([3]);
    expect(expectedVersion('"3", "4"')).toEqual([3, 4]);
    expect(expectedVersion('*')).toBe('*');
    expect(expectedVersion(undefined, 5)).toEqual([5]);
    expect(expectedVersion('"2"', 5)).toEqual([2]);
    expect(expectedVersion(undefined)).toBeUndefined();
  });

  it('refuses malformed ETags', () => {
    expect(codeOf(() => expectedVersion('3'))).toBe('cv.invalid_if_match');
  });

  it('412s a stale version, 428s a missing one unless optional, passes a match or *', () => {
    expect(codeOf(() => assertVersion([2], 3))).toBe('cv.version_conflict');
    expect(codeOf(() => assertVersion(undefined, 3))).toBe('cv.precondition_required');
    expect(codeOf(() => assertVersion(undefined, 3, false))).toBeUndefined();
    expect(codeOf(() => assertVersion([2, 3], 3))).toBeUndefined();
    expect(codeOf(() => assertVersion('*', 3))).toBeUndefined();
  });
});
