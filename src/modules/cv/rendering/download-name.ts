/**
 * A download file name for a CV ("Jordan Rivera CV.pdf"): the person's name with characters
 * that file systems or headers reject removed; non-Latin names are kept.
 */
export function cvFileName(
  name: string | undefined,
  extension: 'pdf' | 'docx' | 'html' | 'json',
  kind = 'CV',
): string {
  const base = (name ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\\/:*?"<>|;]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return `${base ? `${base} ${kind}` : kind}.${extension}`;
}

/**
 * `Content-Disposition` for a download (RFC 6266): an ASCII fallback `filename` for old
 * clients and the real name as RFC 5987 `filename*=UTF-8''…`.
 */
export function contentDisposition(
  fileName: string,
  type: 'attachment' | 'inline' = 'attachment',
): string {
  const fallback = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
