/**
 * The floor every HTTP scenario is compared with: a bare node:http server on
 * 127.0.0.1 that answers `{"status":"ok"}` to everything. Started by the bench
 * runner with fork(); it reports its port over IPC and exits when the runner goes away.
 */
import { createServer } from 'node:http';

const BODY = Buffer.from(JSON.stringify({ status: 'ok' }));

const server = createServer((_request, response) => {
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': BODY.length,
  });
  response.end(BODY);
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('unexpected address');
  process.send?.({ port: address.port });
});

const stop = (): void => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
