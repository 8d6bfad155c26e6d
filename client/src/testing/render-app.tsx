/**
 * Renders the SPA's real routes at a URL, with a fresh query client, for component tests.
 *
 * Every page is a lazily loaded route. Its first import in a test file is where the module graph is transformed
 * and evaluated (over half a second for the summary page on a loaded machine, cache cold), and it would happen
 * inside the first `findBy…` (1 s by default), which then fails now and then. So a file that renders the app
 * resolves every route's module once, before its first test: the router's `lazy` then answers from the module
 * cache, and the queries wait only for what the test is about.
 */
import { render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, createMemoryRouter, type RouteObject } from 'react-router';
import { routes } from '@/app/router';
import { createQueryClient } from '@/lib/query-client';

async function loadLazyRoutes(routeObjects: RouteObject[]): Promise<void> {
  await Promise.all(
    routeObjects.map(async (route) => {
      const { lazy } = route;
      if (typeof lazy === 'function') await lazy();
      else if (lazy) await Promise.all(Object.values(lazy).map((load) => load?.()));
      await loadLazyRoutes(route.children ?? []);
    }),
  );
}

// Bounded by the module loading itself, not by a page: generous for a cold cache on a busy machine.
beforeAll(() => loadLazyRoutes(routes), 30_000);

export function renderApp(url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient };
}
