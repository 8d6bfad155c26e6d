/**
 * Sesali's two cookies: the session handle, and a login in progress (auth/login-state.ts) until the callback.
 * Behind HTTPS both take the `__Host-` prefix, so the browser refuses them unless Secure, Path=/ and host-only.
 */
const hostOnly = (name: string, secure: boolean) => (secure ? `__Host-${name}` : name);

export const sessionCookieName = (secure: boolean): string => hostOnly('sesali.sid', secure);
export const loginCookieName = (secure: boolean): string => hostOnly('sesali.login', secure);

export function sessionCookieOptions(secure: boolean, idleMinutes: number) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    path: '/',
    maxAge: idleMinutes * 60 * 1000,
  };
}
