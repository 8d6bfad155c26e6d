import { isTouchMac } from './login-button';

describe('isTouchMac', () => {
  it('flags an iPad presenting itself as a Mac, and only that', () => {
    const mac =
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
    expect(isTouchMac({ maxTouchPoints: 5, userAgent: mac })).toBe(true);
    expect(isTouchMac({ maxTouchPoints: 0, userAgent: mac })).toBe(false);
    expect(isTouchMac({ maxTouchPoints: 10, userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)' })).toBe(false);
  });
});
