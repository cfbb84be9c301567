import type { FileType } from '../file-types';

/** How much of the start of a file sniffing looks at. */
export const SNIFF_BYTES = 8192;

const startsWith = (head: Buffer, bytes: number[], offset = 0) =>
  head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);
const ascii = (head: Buffer, text: string, offset = 0) =>
  head.length >= offset + text.length &&
  head.subarray(offset, offset + text.length).toString('latin1') === text;

/**
 * The format of a file from its first bytes (magic numbers), never from its
 * name or the client's MIME type. Undefined for anything we do not accept
 * (executables, archives, HTML...).
 */
export function sniffFileType(head: Buffer): FileType | undefined {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(head, 'GIF87a') || ascii(head, 'GIF89a')) return 'gif';
  if (ascii(head, 'RIFF') && ascii(head, 'WEBP', 8)) return 'webp';
  if (ascii(head, 'RIFF') && ascii(head, 'AVI ', 8)) return 'avi';
  if (ascii(head, '%PDF-')) return 'pdf';
  if (ascii(head, 'ftyp', 4)) return ascii(head, 'qt  ', 8) ? 'mov' : 'mp4';
  if (isDocx(head)) return 'docx';
  if (isSvg(head)) return 'svg';
  return undefined;
}

/**
 * A ZIP (local file header) whose first entries are those of a Word document.
 * Other OOXML files (xlsx, pptx) pass only if they name `word/`; processing
 * with mammoth rejects what is not really a document.
 */
function isDocx(head: Buffer): boolean {
  if (!startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return false;
  const names = head.toString('latin1');
  return (
    names.includes('word/') || (names.includes('[Content_Types].xml') && !/(xl|ppt)\//.test(names))
  );
}

/**
 * SVG is text: an optional BOM, XML declaration, comments and a doctype
 * without an internal subset (no entity tricks), then the `<svg` root element.
 */
function isSvg(head: Buffer): boolean {
  let text = head.toString('utf8').replace(/^\uFEFF/, '');
  const prolog = /^\s*(?:<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE\s+svg[^[>]*>)/i;
  for (let match = prolog.exec(text); match; match = prolog.exec(text)) {
    text = text.slice(match[0].length);
  }
  return /^\s*<svg[\s>]/i.test(text);
}

/** The lower-cased extension of a file name, if it has one. */
export function extensionOf(fileName: string): string | undefined {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  return match?.[1].toLowerCase();
}
