import { cloneJson } from './clone-json';
import { applyPatch, createPatch, type Operation } from 'rfc6902';
import type { CvLayout, ResumeDocument } from './resume';

/** Everything a CV version consists of; each version event carries the patch from the previous one. */
export interface CvState {
  title: string;
  document: ResumeDocument;
  layout: CvLayout;
}

export type JsonPatch = Operation[];

/** The RFC 6902 patch from one state to another (from nothing for the first version). */
export function diffStates(from: CvState | null, to: CvState): JsonPatch {
  return createPatch(from ?? {}, to);
}

/** Replays version patches from nothing; a patch that does not apply means a corrupt history. */
export function replayPatches(patches: Iterable<JsonPatch>): CvState {
  const state: Record<string, unknown> = {};
  let n = 0;
  for (const patch of patches) {
    n += 1;
    const failed = applyPatch(state, cloneJson(patch)).find((error) => error !== null);
    if (failed) throw new Error(`CV version ${n} does not apply: ${failed.message}`);
  }
  return state as unknown as CvState;
}

export interface ReadableChange {
  op: Operation['op'];
  /** The JSON Pointer of the change, as in the patch. */
  path: string;
  /** The same place written for people: `document.work[0].highlights[1]`. */
  field: string;
  before?: unknown;
  after?: unknown;
  text: string;
}

/** A patch (made from `from`: a CV state or any other JSON document) as a list people can read. */
export function describePatch(from: object | null, patch: JsonPatch): ReadableChange[] {
  return patch.map((operation) => {
    const field = readableField(operation.path);
    const before =
      operation.op === 'remove' || operation.op === 'replace'
        ? valueAt(from, operation.path)
        : undefined;
    const after: unknown = 'value' in operation ? (operation.value as unknown) : undefined;
    const change: ReadableChange = { op: operation.op, path: operation.path, field, text: '' };
    if (before !== undefined) change.before = before;
    if (after !== undefined) change.after = after;
    change.text = changeText(operation.op, field, before, after);
    return change;
  });
}

/** One line for a version list: which top-level parts changed. */
export function summarisePatch(patch: JsonPatch): string {
  if (patch.length === 0) return 'No changes';
  const parts = [...new Set(patch.map((op) => summaryPart(op.path)))];
  const shown = parts.slice(0, 4).join(', ');
  const more = parts.length > 4 ? ` and ${parts.length - 4} more` : '';
  return `Changed ${shown}${more}`;
}

function summaryPart(pointer: string): string {
  const [root, section] = tokens(pointer);
  if (root === 'document' && section !== undefined) return section;
  return root ?? 'everything';
}

function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function readableField(pointer: string): string {
  return tokens(pointer).reduce(
    (field, token) =>
      /^(\d+|-)$/.test(token)
        ? `${field}[${token === '-' ? 'end' : token}]`
        : field
          ? `${field}.${token}`
          : token,
    '',
  );
}

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const token of tokens(pointer)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}

function changeText(op: Operation['op'], field: string, before: unknown, after: unknown): string {
  const name = field || 'the CV';
  if (op === 'add') return `Added ${name}${isScalar(after) ? `: ${quote(after)}` : ''}`;
  if (op === 'remove') return `Removed ${name}${isScalar(before) ? ` (was ${quote(before)})` : ''}`;
  if (op === 'replace' && isScalar(before) && isScalar(after)) {
    return `Changed ${name} from ${quote(before)} to ${quote(after)}`;
  }
  return `Changed ${name}`;
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function quote(value: string | number | boolean | null): string {
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…"` : text;
}
