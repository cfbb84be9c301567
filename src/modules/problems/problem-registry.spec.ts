import { STATUS_TITLES } from '@lib/problems';
import { PROBLEMS } from './problem-registry';

describe('the app’s problem catalogue', () => {
  it('has each code once, described, with the one title of its status', () => {
    const codes = PROBLEMS.map((problem) => problem.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const problem of PROBLEMS) {
      expect(problem.code).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(problem.description.length).toBeGreaterThan(10);
      expect(problem.title).toBe(STATUS_TITLES[problem.status]);
    }
    const titles = new Map<number, Set<string>>();
    for (const { status, title } of PROBLEMS)
      titles.set(status, (titles.get(status) ?? new Set()).add(title));
    for (const set of titles.values()) expect(set.size).toBe(1);
  });
});
