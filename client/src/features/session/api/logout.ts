/** POST /auth/logout: the BFF destroys the session and answers where to go (PSC's end-session URL). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authPaths } from '@sesali/shared';
import { z } from 'zod';
import { apiClient } from '@/lib/api-client';
import { sessionLoggedOut } from '../session-lifetime';

const logoutResponseSchema = z.object({ redirectUrl: z.string().min(1) });

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.post(authPaths.logout, logoutResponseSchema, {}),
    onSuccess: ({ redirectUrl }) => {
      sessionLoggedOut();
      queryClient.clear();
      window.location.assign(redirectUrl);
    },
  });
}
