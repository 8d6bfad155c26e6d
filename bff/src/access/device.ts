/**
 * The device gate (DOMAIN.md §3, policy): desktop browsers only, recent enough. The User-Agent is parsed by
 * bowser; `Sec-CH-UA-Mobile: ?1` and the client's touch report (iPadOS presents itself as a Mac) catch the
 * mobile devices the User-Agent hides. Runs before the redirect to PSC and on every API call.
 */
import Bowser from 'bowser';
import type { DeviceRefusalReason } from '@sesali/shared';
import type { Config } from '../config/config';

export interface DeviceInput {
  userAgent: string | undefined;
  secChUaMobile: string | undefined;
  /** The SPA reported a touch-first device that calls itself a Mac (iPadOS). */
  touchMac: boolean;
}

export type DeviceDecision = { allowed: true } | { allowed: false; reason: DeviceRefusalReason };

const MAX_UA_LENGTH = 1024;

/** bowser browser names → our configuration keys. Firefox ESR reports itself as Firefox. */
const BROWSER_KEYS: Readonly<Record<string, keyof Config['browserMinVersions']>> = {
  Chrome: 'chrome',
  Chromium: 'chrome',
  'Microsoft Edge': 'edge',
  Firefox: 'firefox',
  Safari: 'safari',
};

export function evaluateDevice(input: DeviceInput, minimums: Config['browserMinVersions']): DeviceDecision {
  if (input.secChUaMobile?.trim() === '?1') return { allowed: false, reason: 'mobile_device' };
  const userAgent = input.userAgent?.trim() ?? '';
  if (userAgent === '' || userAgent.length > MAX_UA_LENGTH) return { allowed: false, reason: 'browser_unsupported' };

  const parser = Bowser.getParser(userAgent);
  const platform = parser.getPlatformType(true);
  if (platform === 'mobile' || platform === 'tablet') return { allowed: false, reason: 'mobile_device' };
  if (input.touchMac && parser.getOSName(true) === 'macos') return { allowed: false, reason: 'mobile_device' };
  if (platform !== 'desktop') return { allowed: false, reason: 'browser_unsupported' };

  const key = BROWSER_KEYS[parser.getBrowserName()];
  if (!key) return { allowed: false, reason: 'browser_unsupported' };
  const major = Number.parseInt(parser.getBrowserVersion() ?? '', 10);
  if (!Number.isFinite(major) || major < minimums[key]) return { allowed: false, reason: 'browser_unsupported' };
  return { allowed: true };
}
