import { Problem } from '@lib/problems';

export const suggestionNotFound = () =>
  Problem.notFound('AI suggestion', 'ai.suggestion_not_found');

export function aiItemNotFound(section: string, itemId: string): Problem {
  return new Problem(
    422,
    'ai.item_not_found',
    'Unprocessable entity',
    `The ${section} section has no item "${itemId}"`,
  );
}

export function nothingToEnhance(section: string): Problem {
  return new Problem(
    422,
    'ai.nothing_to_enhance',
    'Unprocessable entity',
    `The ${section} section has no text to enhance`,
  );
}

/** The text the suggestion was made for changed since: applying it would overwrite that change. */
export function suggestionStale(path: string): Problem {
  return new Problem(
    409,
    'ai.suggestion_stale',
    'Conflict',
    `The text at ${path} changed since the suggestion was made; ask for a new one`,
    { path },
  );
}

export function suggestionNotPending(status: string): Problem {
  return new Problem(
    409,
    'ai.suggestion_not_pending',
    'Conflict',
    `The suggestion was already ${status}`,
    { suggestionStatus: status },
  );
}
