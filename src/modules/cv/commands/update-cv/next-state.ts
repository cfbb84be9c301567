import { applyPatch } from 'rfc6902';
import { cloneJson } from '../../domain/clone-json';
import { Problem, type FieldError } from '@lib/problems';
import { validateAgainst } from '../../../../common/validation';
import type { CvState, JsonPatch } from '../../domain/cv-state';
import { validateJsonResume } from '../../domain/json-resume-validator';
import { mergeLayout } from '../../domain/layout';
import { applyMergePatch } from '../../domain/merge-patch';
import type { ResumeDocument } from '../../domain/resume';
import { invalidJsonResume, patchTestFailed } from '../../cv.problems';
import { NO_NUL, TITLE_MAX } from '../../dto/cv.dto';
import { CvLayoutDto } from '../../dto/cv-layout.dto';
import type { CvChange } from './update-cv.command';

const PATCHABLE = ['title', 'document', 'layout'];

/**
 * The state a change leads to, fully validated: bad fields are a 400
 * `validation.failed`, a document that is not JSON Resume a 422. Nothing is
 * written here, so a refused change changes nothing.
 */
export function nextState(current: CvState, change: CvChange): CvState {
  switch (change.kind) {
    case 'merge-patch':
      return fromMergePatch(current, change.patch);
    case 'sections':
      return fromSections(current, change.update);
    case 'json-patch':
      return fromJsonPatch(current, change.patch);
  }
}

function fromMergePatch(current: CvState, patch: unknown): CvState {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw invalid([{ path: '$', message: 'a merge patch of a CV must be an object' }]);
  }
  // Every problem is reported at once: unknown members, then the merged fields.
  const errors: FieldError[] = Object.keys(patch)
    .filter((key) => !PATCHABLE.includes(key))
    .map((key) => ({ path: `$.${key}`, message: `must be one of ${PATCHABLE.join(', ')}` }));
  const merged = applyMergePatch(current, patch) as Partial<
    Record<'title' | 'document' | 'layout', unknown>
  >;
  return validated(merged, errors);
}

/** A failed `test` is a conflict (the state moved on); any other failure an invalid patch. */
function fromJsonPatch(current: CvState, patch: JsonPatch): CvState {
  const patched = cloneJson(current) as unknown as Record<string, unknown>;
  const results = applyPatch(patched, cloneJson(patch));
  const failedAt = results.findIndex((error) => error !== null);
  if (failedAt >= 0) {
    const operation = patch[failedAt];
    if (operation.op === 'test') throw patchTestFailed(operation.path);
    throw invalid([{ path: operation.path, message: results[failedAt]!.message }]);
  }
  const errors: FieldError[] = Object.keys(patched)
    .filter((key) => !PATCHABLE.includes(key))
    .map((key) => ({ path: `$.${key}`, message: `must be one of ${PATCHABLE.join(', ')}` }));
  return validated(patched, errors);
}

function validated(
  merged: Partial<Record<'title' | 'document' | 'layout', unknown>>,
  errors: FieldError[],
): CvState {
  if (
    typeof merged.title !== 'string' ||
    merged.title.length < 1 ||
    merged.title.length > TITLE_MAX ||
    !NO_NUL.test(merged.title)
  ) {
    errors.push({
      path: '$.title',
      message: `title must be a string of 1 to ${TITLE_MAX} characters`,
    });
  }
  const layout = validateAgainst(CvLayoutDto, merged.layout ?? {}, '$.layout');
  errors.push(...layout.errors);
  if (errors.length > 0) throw invalid(errors);
  const document = merged.document ?? {};
  assertJsonResume(document);
  return {
    title: merged.title as string,
    document: document as ResumeDocument,
    // `null` in the patch removed a field: it falls back to the default.
    layout: mergeLayout(layout.value),
  };
}

function fromSections(
  current: CvState,
  update: { title?: string; layout?: CvLayoutDto; sections?: Record<string, unknown> },
): CvState {
  const document: Record<string, unknown> = cloneJson(current.document);
  for (const [section, value] of Object.entries(update.sections ?? {})) {
    if (value === null) delete document[section];
    else document[section] = value;
  }
  assertJsonResume(document);
  return {
    title: update.title ?? current.title,
    document: document,
    layout: mergeLayout(update.layout, current.layout),
  };
}

function assertJsonResume(document: unknown): void {
  const errors = validateJsonResume(document, '$.document');
  if (errors.length > 0) throw invalidJsonResume(errors);
}

function invalid(errors: FieldError[]): Problem {
  return Problem.badRequest(
    'validation.failed',
    `${errors.length} field(s) failed validation`,
    errors,
  );
}
