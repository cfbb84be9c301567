import { Problem } from '@lib/problems';
import { cvProblems } from '../cv.problems';

export const suggestionNotFound = () =>
  Problem.notFound('AI suggestion', 'ai.suggestion_not_found');

export function aiItemNotFound(section: string, itemId: string): Problem {
  return cvProblems.problem('ai.item_not_found', `The ${section} section has no item "${itemId}"`);
}

export function nothingToEnhance(section: string): Problem {
  return cvProblems.problem(
    'ai.nothing_to_enhance',
    `The ${section} section has no text to enhance`,
  );
}

/** The text the suggestion was made for changed since: applying it would overwrite that change. */
export function suggestionStale(path: string): Problem {
  return cvProblems.problem(
    'ai.suggestion_stale',
    `The text at ${path} changed since the suggestion was made; ask for a new one`,
    { path },
  );
}

export function suggestionNotPending(status: string): Problem {
  return cvProblems.problem('ai.suggestion_not_pending', `The suggestion was already ${status}`, {
    suggestionStatus: status,
  });
}
