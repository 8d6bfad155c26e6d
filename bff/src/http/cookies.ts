/**
 * The one cookie Sesali sets: the session handle. Behind HTTPS it takes the `__Host-` prefix, so the browser
 * refuses it unless Secure, Path=/ and host-only.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-sesali.sid' : 'sesali.sid';
}

export function sessionCookieOptions(secure: boolean, idleMinutes: number) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    path: '/',
    maxAge: idleMinutes * 60 * 1000,
  };
}
