import { checkOutboundTarget, isForbiddenAddress, type HostResolver } from './ssrf-guard';

/** A resolver that answers from a table, as DNS would for a hostile domain. */
const fakeDns =
  (table: Record<string, string[]>): HostResolver =>
  (host) =>
    Promise.resolve(
      (table[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );

const dns = fakeDns({
  'public.example': ['93.184.216.34'],
  'loopback.example': ['127.0.0.1'],
  'metadata.example': ['169.254.169.254'],
  'mixed.example': ['93.184.216.34', '10.0.0.5'],
  'mapped.example': ['::ffff:127.0.0.1'],
  'aws-v6.example': ['fd00:ec2::254'],
});
const production = { production: true, resolve: dns };
const development = { production: false, resolve: dns };

describe('checkOutboundTarget (SSRF guard)', () => {
  it('accepts a public https target and pins the address it checked', async () => {
    const target = await checkOutboundTarget('https://public.example/hook', production);
    expect(target.address).toEqual({ address: '93.184.216.34', family: 4 });
    const looked = await new Promise<string>((resolve) =>
      target.lookup('public.example', {}, (_error, address) => resolve(address as string)),
    );
    expect(looked).toBe('93.184.216.34');
  });

  it.each([
    'https://loopback.example/hook',
    'https://metadata.example/latest/meta-data/',
    'https://mixed.example/hook',
    'https://mapped.example/hook',
    'https://aws-v6.example/hook',
    'https://127.0.0.1/hook',
    'https://169.254.169.254/latest/meta-data/',
    'https://[::1]/hook',
    'https://[::ffff:a9fe:a9fe]/hook',
    'https://unknown.example/hook',
  ])('refuses %s in production', async (url) => {
    await expect(checkOutboundTarget(url, production)).rejects.toThrow(/resolves to|resolve/);
  });

  it('refuses plain http, other schemes and credentials in production', async () => {
    await expect(checkOutboundTarget('http://public.example/', production)).rejects.toThrow(
      /https/,
    );
    await expect(checkOutboundTarget('ftp://public.example/', production)).rejects.toThrow(/https/);
    await expect(checkOutboundTarget('https://a:b@public.example/', production)).rejects.toThrow(
      /credentials/,
    );
    await expect(checkOutboundTarget('not a url', production)).rejects.toThrow(/not a URL/);
  });

  it('allows loopback over http outside production, never metadata or private addresses', async () => {
    await expect(
      checkOutboundTarget('http://127.0.0.1:4000/hook', development),
    ).resolves.toBeTruthy();
    await expect(
      checkOutboundTarget('http://loopback.example/', development),
    ).resolves.toBeTruthy();
    await expect(checkOutboundTarget('http://metadata.example/', development)).rejects.toThrow();
    await expect(checkOutboundTarget('http://169.254.169.254/', development)).rejects.toThrow();
    await expect(checkOutboundTarget('http://mixed.example/', development)).rejects.toThrow();
  });

  it('classifies addresses', () => {
    for (const address of [
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '100.64.0.1',
      '224.0.0.1',
      '0.0.0.0',
      'fe80::1',
      'fc00::1',
      'ff02::1',
      '::ffff:10.0.0.1',
      'nonsense',
    ]) {
      expect([address, isForbiddenAddress(address)]).toEqual([address, true]);
    }
    expect(isForbiddenAddress('8.8.8.8')).toBe(false);
    expect(isForbiddenAddress('2606:4700:4700::1111')).toBe(false);
  });
});
