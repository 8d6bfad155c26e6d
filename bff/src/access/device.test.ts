import { evaluateDevice } from './device';

const minimums = { chrome: 155, edge: 155, firefox: 140, safari: 16 };
const decide = (userAgent: string | undefined, extra: { secChUaMobile?: string; touchMac?: boolean } = {}) =>
  evaluateDevice({ userAgent, secChUaMobile: extra.secChUaMobile, touchMac: extra.touchMac ?? false }, minimums);

const UA = {
  chromeLinux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  chromeOld:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0',
  firefoxEsr: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0',
  firefoxOld: 'Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0',
  safari17:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  safari15:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 12_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6 Safari/605.1.15',
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  android:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36',
  androidTablet:
    'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  ie11: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko',
  opera:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 OPR/120.0.0.0',
};

describe('evaluateDevice', () => {
  it.each([
    ['recent Chrome on Linux', UA.chromeLinux],
    ['recent Edge', UA.edge],
    ['Firefox ESR 140', UA.firefoxEsr],
    ['Safari 17 on a Mac', UA.safari17],
  ])('allows %s', (_label, ua) => {
    expect(decide(ua)).toEqual({ allowed: true });
  });

  it.each([
    ['an iPhone', UA.iphone],
    ['an Android phone', UA.android],
    ['an Android tablet', UA.androidTablet],
  ])('refuses %s as a mobile device', (_label, ua) => {
    expect(decide(ua)).toEqual({ allowed: false, reason: 'mobile_device' });
  });

  it('refuses a phone that only Client Hints reveal', () => {
    expect(decide(UA.chromeLinux, { secChUaMobile: '?1' })).toEqual({ allowed: false, reason: 'mobile_device' });
    expect(decide(UA.chromeLinux, { secChUaMobile: '?0' })).toEqual({ allowed: true });
  });

  it('refuses an iPad that presents itself as a Mac when the client reports touch', () => {
    expect(decide(UA.safari17, { touchMac: true })).toEqual({ allowed: false, reason: 'mobile_device' });
  });

  it.each([
    ['old Chrome', UA.chromeOld],
    ['old Firefox', UA.firefoxOld],
    ['Safari 15', UA.safari15],
    ['Internet Explorer', UA.ie11],
    ['Opera', UA.opera],
    ['empty', ''],
    ['missing', undefined],
    ['absurd', '\u0000\u0001<script>'],
    ['huge', 'Mozilla/5.0 '.repeat(500)],
    ['a bot', 'curl/8.5.0'],
  ])('refuses %s as an unsupported browser', (_label, ua) => {
    expect(decide(ua)).toEqual({ allowed: false, reason: 'browser_unsupported' });
  });
});
