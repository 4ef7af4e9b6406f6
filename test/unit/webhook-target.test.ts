import { classifyIp, parseIp, parseRange, rangeContains, type AddressKind } from '../../src/modules/webhook/ip-address';
import { checkTarget, parseAllowedHost, webhookTargetPolicy, type ResolvedAddress } from '../../src/modules/webhook/webhook-target';

/** The kind of a URL's host, as the dispatcher sees it: through the WHATWG URL parser first. */
function kindOfUrl(url: string): AddressKind | null {
  const ip = parseIp(new URL(url).hostname);
  return ip ? classifyIp(ip) : null;
}

function kindOf(address: string): AddressKind {
  const ip = parseIp(address);
  if (!ip) throw new Error(`not an address: ${address}`);
  return classifyIp(ip);
}

describe('parseIp', () => {
  it.each([
    ['192.0.2.1', 4, [192, 0, 2, 1]],
    ['0.0.0.0', 4, [0, 0, 0, 0]],
    ['255.255.255.255', 4, [255, 255, 255, 255]],
  ])('%s is IPv4', (text, version, bytes) => {
    expect(parseIp(text)).toEqual({ version, bytes: Uint8Array.from(bytes) });
  });

  it.each([
    ['::', '00000000000000000000000000000000'],
    ['::1', '00000000000000000000000000000001'],
    ['[::1]', '00000000000000000000000000000001'],
    ['2001:db8::8:800:200c:417a', '20010db80000000000080800200c417a'],
    ['::ffff:127.0.0.1', '00000000000000000000ffff7f000001'],
    ['::FFFF:7F00:1', '00000000000000000000ffff7f000001'],
    ['1:2:3:4:5:6:7::', '00010002000300040005000600070000'],
    ['1:2:3:4:5:6:1.2.3.4', '00010002000300040005000601020304'],
    ['fe80::1%eth0', 'fe800000000000000000000000000001'],
  ])('%s is IPv6', (text, hex) => {
    const parsed = parseIp(text);
    expect(parsed?.version).toBe(6);
    expect(Buffer.from(parsed!.bytes).toString('hex')).toBe(hex);
  });

  it.each([
    'localhost',
    'example.cn',
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '01.2.3.4',
    '0x7f.0.0.1',
    '2130706433',
    '1.2.3.-4',
    ':::',
    '1::2::3',
    ':1::',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7:8::',
    '12345::',
    'g::1',
    '1.2.3.4::',
    '::1.2.3',
    '[::1',
    ' 127.0.0.1x',
  ])('%p is not an address', (text) => {
    expect(parseIp(text)).toBeNull();
  });
});

describe('classifyIp', () => {
  it.each<[string, AddressKind]>([
    // IPv4
    ['8.8.8.8', 'public'],
    ['114.114.114.114', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.15.255.255', 'public'],
    ['172.32.0.0', 'public'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['100.63.255.255', 'public'],
    ['100.128.0.0', 'public'],
    ['169.254.169.254', 'link-local'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['192.88.99.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['198.19.255.255', 'reserved'],
    ['198.20.0.0', 'public'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    // IPv6
    ['2400:3200::1', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['2001::1', 'reserved'],
    ['2001:2::1', 'reserved'],
    ['100::1', 'reserved'],
    ['64:ff9b:1::1', 'private'],
    ['::7f00:1', 'reserved'],
    ['::ffff:0:7f00:1', 'reserved'],
    ['4000::1', 'reserved'],
    // IPv6 forms of IPv4 addresses are judged by the IPv4 address
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['64:ff9b::808:808', 'public'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:0101::1', 'private'],
    ['2002:0808:0808::1', 'public'],
  ])('%s is %s', (address, kind) => {
    expect(kindOf(address)).toBe(kind);
  });

  it.each<[string, AddressKind]>([
    ['http://127.0.0.1/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://017700000001/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://%31%32%37.0.0.1/', 'loopback'],
    ['http://１２７.０.０.１/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[0:0:0:0:0:ffff:7f00:0001]/', 'loopback'],
    ['http://[::1]:8080/', 'loopback'],
    ['http://0/', 'unspecified'],
    ['http://0x0a.1.2.3/', 'private'],
    ['http://167772161/', 'private'],
    ['http://0251.0376.0251.0376/', 'link-local'],
    ['http://2852039166/', 'link-local'],
    ['https://[fd00::1]/hook', 'unique-local'],
  ])('numeric host trick %s is %s once the URL parser has read it', (url, kind) => {
    expect(kindOfUrl(url)).toBe(kind);
  });
});

describe('ranges', () => {
  it('matches CIDR blocks of either family, IPv4-mapped addresses against IPv4 blocks', () => {
    const block = parseRange('10.20.0.0/16')!;
    expect(rangeContains(block, parseIp('10.20.3.4')!)).toBe(true);
    expect(rangeContains(block, parseIp('10.21.0.1')!)).toBe(false);
    expect(rangeContains(block, parseIp('::ffff:10.20.0.9')!)).toBe(true);
    expect(rangeContains(block, parseIp('64:ff9b::10.20.0.9')!)).toBe(false);
    const v6 = parseRange('fd00:1::/32')!;
    expect(rangeContains(v6, parseIp('fd00:1:ffff::1')!)).toBe(true);
    expect(rangeContains(v6, parseIp('fd00:2::1')!)).toBe(false);
    expect(rangeContains(parseRange('0.0.0.0/0')!, parseIp('8.8.8.8')!)).toBe(true);
    expect(rangeContains(parseRange('0.0.0.0/0')!, parseIp('2400::1')!)).toBe(false);
    // Host bits are cleared: 172.20.5.6/12 is 172.16.0.0/12.
    expect(rangeContains(parseRange('172.20.5.6/12')!, parseIp('172.31.0.1')!)).toBe(true);
    expect(rangeContains(parseRange('192.168.1.0/25')!, parseIp('192.168.1.128')!)).toBe(false);
  });

  it.each(['10.0.0.0', '10.0.0.0/33', '::/129', '10.0.0.0/-1', '10.0.0/8', 'example.cn/8', '10.0.0.0/8/8', '10.0.0.0/'])('%p is not a range', (text) => {
    expect(parseRange(text)).toBeNull();
  });
});

describe('WEBHOOK_ALLOWED_HOSTS entries', () => {
  it('reads host names, *.domains, addresses and ranges, normalised as URLs write them', () => {
    expect(parseAllowedHost('Partner.Intranet.XY')).toEqual({ name: 'partner.intranet.xy' });
    expect(parseAllowedHost('partner.intranet.xy.')).toEqual({ name: 'partner.intranet.xy' });
    expect(parseAllowedHost('*.intranet.xy')).toEqual({ suffix: '.intranet.xy' });
    expect(parseAllowedHost('政务.中国')).toEqual({ name: 'xn--zfr164b.xn--fiqs8s' });
    expect(parseAllowedHost('127.0.0.1')).toEqual({ range: parseRange('127.0.0.1/32') });
    expect(parseAllowedHost('2130706433')).toEqual({ range: parseRange('127.0.0.1/32') });
    expect(parseAllowedHost('[fd00::1]')).toEqual({ range: parseRange('fd00::1/128') });
    expect(parseAllowedHost(' 10.20.0.0/16 ')).toEqual({ range: parseRange('10.20.0.0/16') });
  });

  it.each(['http://partner.xy', 'partner.xy:8443', 'partner.xy/hook', 'user@partner.xy', 'two words', '*.', '*', '*.10.0.0.1', '-bad.xy', '10.0.0.0/40', 'a..b'])(
    '%p is refused',
    (entry) => {
      expect(parseAllowedHost(entry)).toBeNull();
      expect(() => webhookTargetPolicy([entry])).toThrow(entry);
    },
  );
});

describe('checkTarget', () => {
  const none = webhookTargetPolicy([]);
  /** A resolver answering from a table, counting the names it was asked. */
  function resolver(table: Record<string, string[]>) {
    const asked: string[] = [];
    const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
      asked.push(hostname);
      const addresses = table[hostname];
      if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    };
    return { resolve, asked };
  }

  it('allows public addresses and names that resolve only to public addresses', async () => {
    const { resolve } = resolver({ 'api.example.cn': ['203.119.0.1', '2400:3200::1'] });
    expect(await checkTarget('8.8.8.8', none, resolve)).toEqual({ allowed: true, addresses: [{ address: '8.8.8.8', family: 4 }] });
    expect(await checkTarget('[2400:3200::1]', none, resolve)).toEqual({ allowed: true, addresses: [{ address: '2400:3200::1', family: 6 }] });
    expect(await checkTarget('api.example.cn', none, resolve)).toEqual({
      allowed: true,
      addresses: [
        { address: '203.119.0.1', family: 4 },
        { address: '2400:3200::1', family: 6 },
      ],
    });
  });

  it('refuses a name when any one of its addresses is internal', async () => {
    const { resolve } = resolver({ 'mixed.example.cn': ['203.119.0.1', '10.0.0.5'], 'meta.example.cn': ['169.254.169.254'], 'v6.example.cn': ['::1'] });
    expect(await checkTarget('mixed.example.cn', none, resolve)).toEqual({ allowed: false, reason: 'private' });
    expect(await checkTarget('meta.example.cn', none, resolve)).toEqual({ allowed: false, reason: 'link-local' });
    expect(await checkTarget('v6.example.cn', none, resolve)).toEqual({ allowed: false, reason: 'loopback' });
  });

  it('refuses localhost names without asking the resolver, and rejects names that do not resolve', async () => {
    const { resolve, asked } = resolver({});
    for (const name of ['localhost', 'LOCALHOST.', 'api.localhost']) {
      expect(await checkTarget(name, none, resolve)).toEqual({ allowed: false, reason: 'loopback' });
    }
    expect(asked).toEqual([]);
    await expect(checkTarget('nowhere.example.cn', none, resolve)).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });

  it('lets the allow-list open internal hosts by name, by domain or by range — never unspecified, multicast or broadcast', async () => {
    const policy = webhookTargetPolicy(['partner.intranet.xy', '*.hr.intranet.xy', '10.20.0.0/16', '127.0.0.1', 'fd00:1::/32']);
    const { resolve } = resolver({
      'partner.intranet.xy': ['172.18.0.9'],
      'partner.intranet.xy.': ['172.18.0.9'],
      'jobs.hr.intranet.xy': ['192.168.3.3'],
      'other.intranet.xy': ['192.168.3.4'],
      'hr.intranet.xy': ['192.168.3.5'],
      'partner-zero.intranet.xy': ['0.0.0.0'],
      'wiki.intranet.xy': ['10.20.1.1'],
      'wiki2.intranet.xy': ['10.20.1.1', '10.30.1.1'],
    });
    expect(await checkTarget('partner.intranet.xy', policy, resolve)).toMatchObject({ allowed: true });
    expect(await checkTarget('partner.intranet.xy.', policy, resolve)).toMatchObject({ allowed: true });
    expect(await checkTarget('jobs.hr.intranet.xy', policy, resolve)).toMatchObject({ allowed: true });
    // `*.hr.intranet.xy` is the names under it, not the domain itself.
    expect(await checkTarget('hr.intranet.xy', policy, resolve)).toEqual({ allowed: false, reason: 'private' });
    expect(await checkTarget('other.intranet.xy', policy, resolve)).toEqual({ allowed: false, reason: 'private' });
    expect(await checkTarget('wiki.intranet.xy', policy, resolve)).toMatchObject({ allowed: true });
    expect(await checkTarget('wiki2.intranet.xy', policy, resolve)).toEqual({ allowed: false, reason: 'private' });
    expect(await checkTarget('10.20.255.1', policy, resolve)).toMatchObject({ allowed: true });
    expect(await checkTarget('127.0.0.1', policy, resolve)).toMatchObject({ allowed: true });
    expect(await checkTarget('[::ffff:7f00:1]', policy, resolve)).toMatchObject({ allowed: true });
    expect(await checkTarget('127.0.0.2', policy, resolve)).toEqual({ allowed: false, reason: 'loopback' });
    expect(await checkTarget('[::1]', policy, resolve)).toEqual({ allowed: false, reason: 'loopback' });
    expect(await checkTarget('[fd00:1:2::3]', policy, resolve)).toMatchObject({ allowed: true });
    expect(await checkTarget('[fd00:2::3]', policy, resolve)).toEqual({ allowed: false, reason: 'unique-local' });
    expect(await checkTarget('localhost', policy, resolve)).toEqual({ allowed: false, reason: 'loopback' });
    expect(await checkTarget('partner-zero.intranet.xy', webhookTargetPolicy(['partner-zero.intranet.xy']), resolve)).toEqual({
      allowed: false,
      reason: 'unspecified',
    });
    const everything = webhookTargetPolicy(['0.0.0.0/0', '::/0']);
    expect(await checkTarget('0.0.0.0', everything, resolve)).toEqual({ allowed: false, reason: 'unspecified' });
    expect(await checkTarget('[::]', everything, resolve)).toEqual({ allowed: false, reason: 'unspecified' });
    expect(await checkTarget('224.0.0.1', everything, resolve)).toEqual({ allowed: false, reason: 'multicast' });
    expect(await checkTarget('255.255.255.255', everything, resolve)).toEqual({ allowed: false, reason: 'broadcast' });
    expect(await checkTarget('169.254.169.254', everything, resolve)).toMatchObject({ allowed: true });
  });
});
