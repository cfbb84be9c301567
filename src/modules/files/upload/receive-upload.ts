import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { FILE_TYPES, type FileType } from '../file-types';
import { FILE_KINDS, type FileKind } from '../file-kinds';
import { fileProblems } from './file-problems';
import { extensionOf, sniffFileType, SNIFF_BYTES } from './sniff-file-type';

/** An upload that passed the size and type checks, spooled to a local temporary file. */
export interface ReceivedUpload {
  tempPath: string;
  size: number;
  sha256: string;
  type: FileType;
  originalName: string;
}

export const UPLOAD_TEMP_DIR = join(tmpdir(), 'career-tools-uploads');

/**
 * Reads an upload chunk by chunk into a temporary file while hashing and
 * counting it: past the kind's limit it stops at once (413), and the type is
 * decided from the first bytes before anything is written (415 when the
 * content is not allowed for the kind or disagrees with the file name). Never
 * holds more than one chunk plus the sniffed head in memory.
 */
export async function receiveUpload(
  kind: FileKind,
  originalName: string,
  content: AsyncIterable<Buffer>,
): Promise<ReceivedUpload> {
  const rule = FILE_KINDS[kind];
  const iterator = content[Symbol.asyncIterator]();
  let size = 0;
  const take = async (): Promise<Buffer | undefined> => {
    const next = await iterator.next();
    if (next.done) return undefined;
    size += next.value.length;
    if (size > rule.maxBytes) throw fileProblems.tooLarge(kind);
    return next.value;
  };

  const headChunks: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SNIFF_BYTES) {
    const chunk = await take();
    if (!chunk) {
      ended = true;
      break;
    }
    headChunks.push(chunk);
    headBytes += chunk.length;
  }
  const head = Buffer.concat(headChunks);
  const type = checkType(kind, originalName, head);

  await mkdir(UPLOAD_TEMP_DIR, { recursive: true, mode: 0o700 });
  const tempPath = join(UPLOAD_TEMP_DIR, randomUUID());
  const out = createWriteStream(tempPath, { mode: 0o600 });
  const hash = createHash('sha256');
  const write = async (chunk: Buffer) => {
    hash.update(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  try {
    await write(head);
    if (!ended) for (let chunk = await take(); chunk; chunk = await take()) await write(chunk);
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    await iterator.return?.();
    await rm(tempPath, { force: true });
    throw error;
  }
  return { tempPath, size, sha256: hash.digest('hex'), type, originalName };
}

function checkType(kind: FileKind, originalName: string, head: Buffer): FileType {
  const type = sniffFileType(head);
  const allowed: readonly FileType[] = FILE_KINDS[kind].types;
  if (!type || !allowed.includes(type)) {
    throw fileProblems.unsupportedType(
      kind,
      type
        ? `A ${kind} cannot be ${type.toUpperCase()}`
        : `The content is not a format a ${kind} may have`,
    );
  }
  const extension = extensionOf(originalName);
  const extensions: readonly string[] = FILE_TYPES[type].extensions;
  if (extension && !extensions.includes(extension)) {
    throw fileProblems.typeMismatch(kind, type, extension);
  }
  return type;
}
