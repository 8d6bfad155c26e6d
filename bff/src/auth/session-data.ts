/** What the server-side session holds. The browser only has the session cookie. */
import type { AccessDecision } from '@sesali/shared';

/** An OIDC login in progress: fresh for every redirect to PSC, consumed by the callback (login-state.ts). */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  startedAt: number;
  /** The client's report of a touch-first Mac (iPadOS), kept for the device check of later calls. */
  touchMac: boolean;
}

export interface SessionUser {
  sub: string;
  rpps: string | null;
  givenName: string;
  familyName: string;
  authMode: string | null;
  /** Kept for RP-initiated logout (`id_token_hint`). */
  idToken: string;
  access: AccessDecision;
  situationId: string | null;
  loggedInAt: number;
  touchMac: boolean;
}

declare module 'express-session' {
  interface SessionData {
    user?: SessionUser;
  }
}
