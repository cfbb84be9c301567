import { defineProblems, type FieldError, type Problem } from '@lib/problems';

/** CVs, their versions, sharing, rendering, exports, imports and AI suggestions. */
export const cvProblems = defineProblems({
  'cv.not_found': { status: 404, description: 'No such CV, or it is not yours.' },
  'cv.invalid_json_resume': {
    status: 422,
    description: 'The document is not valid JSON Resume; `errors` lists each JSON path.',
  },
  'cv.version_conflict': {
    status: 412,
    description: 'The CV changed since the version you sent (`currentVersion`); nothing changed.',
  },
  'cv.precondition_required': {
    status: 428,
    description: 'Writes need `If-Match: "<version>"`, a `version` field, or `If-Match: *`.',
  },
  'cv.invalid_if_match': { status: 400, description: 'If-Match is not a list of ETags or `*`.' },
  'cv.patch_test_failed': {
    status: 409,
    description: 'A JSON Patch `test` did not hold: the CV changed at `path`.',
  },
  'cv.version_not_found': { status: 404, description: 'The CV has no such version.' },
  'cv.template_unknown': { status: 400, description: 'The layout names an unknown template.' },
  'cv.page_size_unknown': { status: 400, description: 'The layout names an unknown page size.' },
  'cv.accent_color_invalid': {
    status: 400,
    description: '`theme.accentColor` is not #rgb/#rrggbb.',
  },
  'cv.template_not_found': { status: 404, description: 'No such CV template.' },
  'cv.renderer_unavailable': {
    status: 503,
    description: 'The PDF renderer (Chromium) is unavailable or timed out; try again.',
  },
  'cv.import_no_text': {
    status: 422,
    description: 'No text could be read from the file (a scanned image?).',
  },
  'cv_share.not_found': { status: 404, description: 'No such share link, or it was revoked.' },
  'cv_share.expired': { status: 410, description: 'The share link has expired.' },
  'cv_share.password_required': {
    status: 401,
    description: 'The shared CV is protected: send its password in `X-Share-Password`.',
  },
  'cv_share.password_invalid': { status: 403, description: 'The share password is wrong.' },
  'cv_export.not_found': { status: 404, description: 'No such export, or it is not yours.' },
  'cv_export.queue_unavailable': {
    status: 503,
    description: 'The export queue is unavailable; try again.',
  },
  'ai.suggestion_not_found': { status: 404, description: 'No such AI suggestion for this CV.' },
  'ai.item_not_found': { status: 422, description: 'The section has no item with that id.' },
  'ai.nothing_to_enhance': { status: 422, description: 'The section has no text to enhance.' },
  'ai.suggestion_stale': {
    status: 409,
    description: 'The text changed since the suggestion was made; ask for a new one.',
  },
  'ai.suggestion_not_pending': {
    status: 409,
    description: 'The suggestion was already applied or dismissed.',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    cv: typeof cvProblems;
  }
}

/** A document that is not valid JSON Resume: every problem with its JSON path. */
export function invalidJsonResume(errors: FieldError[]): Problem {
  return cvProblems.problem(
    'cv.invalid_json_resume',
    `The document is not valid JSON Resume (${errors.length} problem(s))`,
    { errors },
  );
}

/** The change was made against an older version: nothing was changed. */
export function versionConflict(currentVersion: number): Problem {
  return cvProblems.problem(
    'cv.version_conflict',
    `The CV is at version ${currentVersion}; reload it and apply your change to that version`,
    { currentVersion },
  );
}

export function preconditionRequired(): Problem {
  return cvProblems.problem(
    'cv.precondition_required',
    'Send If-Match: "<version>" (from the ETag), a `version` field, or If-Match: * to overwrite',
  );
}

/** A JSON Patch `test` did not hold: the CV changed at `path` since the patch was made. */
export function patchTestFailed(path: string): Problem {
  return cvProblems.problem(
    'cv.patch_test_failed',
    `The CV no longer has the expected value at ${path}`,
    { path },
  );
}
