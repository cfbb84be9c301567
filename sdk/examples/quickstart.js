// Runs against a Career Tools API: CAREER_TOOLS_URL and CAREER_TOOLS_API_KEY (a key with
// me:read, cv:read and cv:write). `node examples/quickstart.js` after `npm install @career-tools/sdk`.
const { randomUUID } = require('node:crypto');
const { createClient, ProblemError } = require('@career-tools/sdk');

async function main() {
  const api = createClient({
    baseUrl: process.env.CAREER_TOOLS_URL,
    apiKey: process.env.CAREER_TOOLS_API_KEY,
  });

  const { data: me } = await api.GET('/v1/me');
  console.log(`signed in as ${me.email}`);

  // Safe to retry: the same Idempotency-Key returns the first answer.
  const key = randomUUID();
  const { data: cv } = await api.POST('/v1/cvs', {
    body: { title: 'Made with the SDK' },
    params: { header: { 'Idempotency-Key': key } },
  });
  const { data: again } = await api.POST('/v1/cvs', {
    body: { title: 'Made with the SDK' },
    params: { header: { 'Idempotency-Key': key } },
  });
  console.log(`created CV ${cv.id} (retry answered ${again.id})`);

  const { data: cvs } = await api.GET('/v1/cvs', { params: { query: { limit: 5 } } });
  console.log(`${cvs.items.length} CV(s)`);

  try {
    await api.GET('/v1/me/sessions'); // keys never reach session management
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    console.log(`refused: ${error.status} ${error.code}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
