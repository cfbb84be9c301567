import { createServer, type Server } from 'node:http';
import { htmlToPdf } from './html-to-pdf';

describe('htmlToPdf', () => {
  let server: Server;
  let port: number;
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('prints a document while refusing every network request it makes (no SSRF)', async () => {
    const base = `http://127.0.0.1:${port}`;
    const pdf = await htmlToPdf(
      `<p>CV</p><img src="${base}/img"><link rel="stylesheet" href="${base}/css">` +
        `<iframe src="${base}/frame"></iframe><script>fetch("${base}/script")</script>` +
        `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">`,
      '/usr/bin/chromium',
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(requests).toEqual([]);
  }, 60000);
});
