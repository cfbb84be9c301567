import { Problem, type FieldError } from '@lib/problems';

/** A document that is not valid JSON Resume: every problem with its JSON path. */
export function invalidJsonResume(errors: FieldError[]): Problem {
  return new Problem(
    422,
    'cv.invalid_json_resume',
    'Unprocessable content',
    `The document is not valid JSON Resume (${errors.length} problem(s))`,
    { errors },
  );
}

/** The change was made against an older version: nothing was changed. */
export function versionConflict(currentVersion: number): Problem {
  return new Problem(
    412,
    'cv.version_conflict',
    'Precondition failed',
    `The CV is at version ${currentVersion}; reload it and apply your change to that version`,
    { currentVersion },
  );
}

export function preconditionRequired(): Problem {
  return new Problem(
    428,
    'cv.precondition_required',
    'Precondition required',
    'Send If-Match: "<version>" (from the ETag), a `version` field, or If-Match: * to overwrite',
  );
}

/** A JSON Patch `test` did not hold: the CV changed at `path` since the patch was made. */
export function patchTestFailed(path: string): Problem {
  return new Problem(
    409,
    'cv.patch_test_failed',
    'Conflict',
    `The CV no longer has the expected value at ${path}`,
    { path },
  );
}
