import type { AccessDecision } from '@sesali/shared';
import type { CompletedLogin } from './psc-client';
import type { SessionUser } from './session-data';

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 256) : null;

/** The part of PSC's answer the session keeps: names for the header, RPPS for the HCP assertion, the decision. */
export function toSessionUser(login: CompletedLogin, access: AccessDecision, touchMac: boolean): SessionUser {
  const { userinfo } = login;
  return {
    sub: login.sub,
    rpps: text(userinfo.SubjectNameID) ?? text(userinfo.preferred_username),
    givenName: text(userinfo.given_name) ?? '',
    familyName: text(userinfo.family_name) ?? '',
    authMode: text(userinfo.authMode),
    idToken: login.idToken,
    access,
    situationId:
      access.decision === 'allow' && access.situations.length === 1 ? (access.situations[0]?.id ?? null) : null,
    loggedInAt: Date.now(),
    touchMac,
  };
}
