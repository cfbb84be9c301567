import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

export interface FilePart {
  filename: string;
  content: Buffer;
  contentType?: string;
}

const CRLF = '\r\n';

function boundary(): string {
  return `----career-tools-${randomBytes(8).toString('hex')}`;
}

function fieldPart(b: string, name: string, value: string): string {
  return `--${b}${CRLF}Content-Disposition: form-data; name="${name}"${CRLF}${CRLF}${value}${CRLF}`;
}

function fileHeader(b: string, filename: string, contentType: string): string {
  return (
    `--${b}${CRLF}Content-Disposition: form-data; name="file"; filename="${filename}"${CRLF}` +
    `Content-Type: ${contentType}${CRLF}${CRLF}`
  );
}

/** A multipart/form-data body with the given fields (in order) and optionally a file after them. */
export function multipartBody(
  fields: [string, string][],
  file?: FilePart,
  fieldsAfterFile: [string, string][] = [],
): { payload: Buffer; headers: Record<string, string> } {
  const b = boundary();
  const parts: Buffer[] = fields.map(([n, v]) => Buffer.from(fieldPart(b, n, v)));
  if (file) {
    parts.push(
      Buffer.from(fileHeader(b, file.filename, file.contentType ?? 'application/octet-stream')),
    );
    parts.push(file.content, Buffer.from(CRLF));
  }
  parts.push(...fieldsAfterFile.map(([n, v]) => Buffer.from(fieldPart(b, n, v))));
  parts.push(Buffer.from(`--${b}--${CRLF}`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
  };
}

/**
 * The same as a stream whose file is `size` bytes starting with `head`,
 * produced chunk by chunk on demand. `pulled()` tells how many file bytes the
 * server has read so far.
 */
export function streamingMultipart(
  kind: string,
  filename: string,
  head: Buffer,
  size: number,
): { payload: Readable; headers: Record<string, string>; pulled: () => number } {
  const b = boundary();
  let produced = 0;
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  function* generate(): Generator<Buffer> {
    yield Buffer.from(fieldPart(b, 'kind', kind) + fileHeader(b, filename, 'application/pdf'));
    yield head;
    produced = head.length;
    while (produced < size) {
      const next = chunk.subarray(0, Math.min(chunk.length, size - produced));
      produced += next.length;
      yield next;
    }
    yield Buffer.from(`${CRLF}--${b}--${CRLF}`);
  }
  return {
    payload: Readable.from(generate(), { objectMode: false, highWaterMark: 64 * 1024 }),
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
    pulled: () => produced,
  };
}
