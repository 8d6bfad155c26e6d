/**
 * What the SPA reflects of the BFF's rules (the BFF enforces them): a refused professional sees the refusal
 * page; one with several qualifying situations chooses one before anything else. Public pages stay open.
 */
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiClientError } from '@/lib/api-client';
import { useSession } from '../api/get-session';

const ALWAYS_OPEN = ['/acces-refuse', '/erreur-connexion', '/aide', '/situation', '/notice'];

export function SessionGate({ children }: { children: ReactNode }) {
  const session = useSession();
  const { pathname } = useLocation();
  const open = ALWAYS_OPEN.some((path) => pathname === path || pathname.startsWith(`${path}/`));
  const deviceRefusal =
    session.error instanceof ApiClientError && session.error.code === 'device_not_allowed'
      ? session.error.error.reason
      : undefined;
  if (!open && deviceRefusal) return <Navigate to={`/acces-refuse?raison=${deviceRefusal}`} replace />;
  if (!open && session.data) {
    if (session.data.access.decision === 'deny')
      return <Navigate to={`/acces-refuse?raison=${session.data.access.reason}`} replace />;
    if (session.data.situation === null) return <Navigate to="/situation" replace />;
  }
  return <>{children}</>;
}
