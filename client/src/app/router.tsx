/** Routes of the SPA; each page is its own lazily loaded chunk. */
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RootLayout } from '@/components/layouts/root-layout';
import { RouteError } from '@/components/errors/route-error';

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <p className="fr-container fr-py-6w">Chargement…</p>,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('@/features/home/components/home-page')).HomePage }),
      },
      {
        path: 'situation',
        lazy: async () => ({ Component: (await import('@/features/session/components/situation-page')).SituationPage }),
      },
      {
        path: 'acces-refuse',
        lazy: async () => ({
          Component: (await import('@/features/access/components/access-refused-page')).AccessRefusedPage,
        }),
      },
      {
        path: 'erreur-connexion',
        lazy: async () => ({
          Component: (await import('@/features/access/components/login-error-page')).LoginErrorPage,
        }),
      },
      {
        path: 'aide',
        lazy: async () => ({ Component: (await import('@/features/help/components/help-page')).HelpPage }),
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('@/components/errors/not-found-page')).NotFoundPage }),
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
