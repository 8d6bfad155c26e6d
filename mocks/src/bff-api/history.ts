/**
 * GET /api/me/history as the BFF answers it, for the SPA's tests: a professional's consultations, newest first,
 * HISTORY_PAGE_SIZE a page, behind the same guards as the BFF.
 */
import { http, HttpResponse } from 'msw';
import {
  apiPaths,
  HISTORY_PAGE_SIZE,
  historyQuerySchema,
  type HistoryItem,
  type HistoryResponse,
  type SessionResponse,
} from '@sesali/shared';
import { apiError } from './api-error';
import { refusal } from './refusal';

/** 23 consultations (two pages): Croatian and Portuguese patients, one refused document, one emergency. */
export const historySample: HistoryItem[] = Array.from({ length: 23 }, (_, i) => ({
  time: new Date(Date.UTC(2026, 10, 28, 17, 0) - i * 3_600_000).toISOString(),
  action:
    i === 1
      ? 'document_refused'
      : i % 4 === 0
        ? 'summary_viewed'
        : i % 4 === 1
          ? 'consent_attested'
          : 'identity_confirmed',
  outcome: i === 1 ? 'refused' : 'success',
  country: i % 2 === 0 ? 'HR' : 'PT',
  patientInitials: i % 2 === 0 ? 'I. B.' : 'A.R. S.M.',
  patientBirthYear: i % 2 === 0 ? '1956' : '1990',
  purpose: i === 4 ? 'EMERGENCY' : 'TREATMENT',
}));

export function historyHandlers(options: { session: () => SessionResponse | null; items?: HistoryItem[] }) {
  const items = options.items ?? historySample;
  return [
    http.get(apiPaths.history, ({ request }) => {
      const refused = refusal(options.session());
      if (refused) return refused;
      const query = historyQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!query.success) return apiError('invalid_request');
      const { page } = query.data;
      const body: HistoryResponse = {
        page,
        pageSize: HISTORY_PAGE_SIZE,
        total: items.length,
        items: items.slice((page - 1) * HISTORY_PAGE_SIZE, page * HISTORY_PAGE_SIZE),
      };
      return HttpResponse.json(body);
    }),
  ];
}
