import { createHash } from 'node:crypto';
import { SocialNetworkError } from '../social-network.port';
import { SandboxNetwork } from './sandbox.driver';

async function connect(sandbox: SandboxNetwork) {
  const verifier = 'v'.repeat(43);
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const url = new URL(
    sandbox.authorizeUrl({ state: 's1', codeChallenge: challenge, redirectUri: 'http://api/cb' }),
  );
  expect(url.searchParams.get('state')).toBe('s1');
  const tokens = await sandbox.exchangeCode({
    code: url.searchParams.get('code')!,
    codeVerifier: verifier,
    redirectUri: 'http://api/cb',
  });
  const [identity] = await sandbox.identities(tokens);
  return { tokens, account: { remoteId: identity.remoteId, accessToken: tokens.accessToken } };
}

describe('sandbox network', () => {
  it('refuses a code with the wrong PKCE verifier', async () => {
    const sandbox = new SandboxNetwork();
    const url = new URL(
      sandbox.authorizeUrl({ state: 's', codeChallenge: 'x', redirectUri: 'http://api/cb' }),
    );
    await expect(
      sandbox.exchangeCode({
        code: url.searchParams.get('code')!,
        codeVerifier: 'y',
        redirectUri: '',
      }),
    ).rejects.toBeInstanceOf(SocialNetworkError);
  });

  it('answers a repeated text as a duplicate of the first post', async () => {
    const sandbox = new SandboxNetwork();
    const { account } = await connect(sandbox);
    const first = await sandbox.createPost(account, { text: 'hello', media: [] });
    const error = await sandbox
      .createPost(account, { text: 'hello', media: [] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'duplicate', existing: first });
  });

  it('keeps a post whose create timed out, findable among recent posts', async () => {
    const sandbox = new SandboxNetwork();
    const { account } = await connect(sandbox);
    const since = new Date(Date.now() - 1000);
    sandbox.simulateTimeoutAfterAccept();
    await expect(sandbox.createPost(account, { text: 'once', media: [] })).rejects.toMatchObject({
      kind: 'timeout',
    });
    const recent = await sandbox.findRecent(account, since);
    expect(recent.map((p) => p.text)).toEqual(['once']);
  });

  it('reports metrics that grow with the post’s age', async () => {
    const sandbox = new SandboxNetwork();
    const { account } = await connect(sandbox);
    const old = `sbx-${(Date.now() - 60_000).toString(36)}-abcd`;
    const older = `sbx-${(Date.now() - 600_000).toString(36)}-abcd`;
    const a = await sandbox.metrics(account, old);
    const b = await sandbox.metrics(account, older);
    expect(b.impressions!).toBeGreaterThan(a.impressions!);
    expect(b.likes).toBeGreaterThan(a.likes);
  });

  it('rotates tokens on refresh and can be told to refuse one', async () => {
    const sandbox = new SandboxNetwork();
    const { tokens } = await connect(sandbox);
    const next = await sandbox.refresh(tokens);
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    sandbox.simulateRefreshFailure();
    await expect(sandbox.refresh(next)).rejects.toMatchObject({ kind: 'invalid_token' });
  });
});
