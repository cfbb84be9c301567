import { eventually, type TestApp } from '@lib/testing';
import { multipartBody, type FilePart } from './multipart';

export interface FileBody {
  id: string;
  kind: string;
  status: 'pending' | 'ready' | 'rejected';
  mimeType: string;
  size: number;
  originalName: string;
  isPublic: boolean;
  checksum: string;
  rejectReason: string | null;
  scanSignature: string | null;
  variants: Record<string, { mimeType: string; size: number; width?: number; height?: number }>;
  metadata: Record<string, unknown>;
}

export function upload(t: TestApp, authorization: string, kind: string, file: FilePart) {
  const { payload, headers } = multipartBody([['kind', kind]], file);
  return t.inject({
    method: 'POST',
    url: '/v1/files',
    headers: { ...headers, authorization },
    payload,
  });
}

/** Uploads and expects 201; resolves to the new file. */
export async function uploaded(
  t: TestApp,
  authorization: string,
  kind: string,
  file: FilePart,
): Promise<FileBody> {
  const response = await upload(t, authorization, kind, file);
  if (response.statusCode !== 201) {
    throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  }
  return response.json<FileBody>();
}

export async function getFile(t: TestApp, authorization: string, id: string): Promise<FileBody> {
  const response = await t.inject({
    method: 'GET',
    url: `/v1/files/${id}`,
    headers: { authorization },
  });
  if (response.statusCode !== 200) throw new Error(`get failed: ${response.body}`);
  return response.json<FileBody>();
}

/** Waits until processing has decided (ready or rejected). */
export function settled(
  t: TestApp,
  authorization: string,
  id: string,
  timeoutMs = 30000,
): Promise<FileBody> {
  return eventually(async () => {
    const file = await getFile(t, authorization, id);
    return file.status !== 'pending' && file;
  }, timeoutMs);
}

/** Follows GET /v1/files/{id}/content to the stored bytes (local driver URLs are served by the app). */
export async function readContent(
  t: TestApp,
  authorization: string,
  id: string,
  variant?: string,
): Promise<{ location: string; status: number; body: Buffer; contentType?: string }> {
  const redirect = await t.inject({
    method: 'GET',
    url: `/v1/files/${id}/content${variant ? `?variant=${variant}` : ''}`,
    headers: { authorization },
  });
  if (redirect.statusCode !== 302)
    throw new Error(`content: ${redirect.statusCode} ${redirect.body}`);
  const location = String(redirect.headers.location);
  const url = new URL(location);
  const response = await t.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
  return {
    location,
    status: response.statusCode,
    body: response.rawPayload,
    contentType: response.headers['content-type'] as string | undefined,
  };
}
