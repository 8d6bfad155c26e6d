/**
 * MSW handlers of the Patient Summary endpoints, for the SPA's unit tests. The BFF answers only after the
 * patient was found in this session and consent was recorded; here each known `ref` stands for one of those
 * situations (`summaryRefs`), so a viewer test starts on the summary page without replaying the journey:
 * - Maria Santos: consent recorded, the translated summary (summarySample) and an original PDF;
 * - Carmen López: found but no consent yet (consent_required);
 * - João Ferreira (Porto): consent recorded, but his country holds no Patient Summary (no_summary);
 * any other well-formed ref is not in the session (not_found).
 */
import { http, HttpResponse } from 'msw';
import { apiPaths, type ErrorCode, type SessionResponse, type SummaryResponse } from '@sesali/shared';
import { apiError } from './api-error';
import { refusal } from './refusal';
import { mockCandidates } from './search';
import { summarySample } from './summary-sample';

export const summaryRefs = {
  withSummary: mockCandidates.mariaSantos.ref,
  consentRequired: mockCandidates.carmenLopez.ref,
  noSummary: mockCandidates.joaoFerreiraPorto.ref,
} as const;

export const sampleSummaryResponse: SummaryResponse = {
  summary: summarySample,
  source: {
    countryCode: 'PT',
    countryName: 'Portugal',
    documentTitle: 'Resumo de Saúde do Utente',
    documentDate: '2026-10-02T10:15:00+01:00',
    originalPdf: true,
  },
  identityCheck: { method: 'identifier', compared: ['identifier'] },
};

/** The smallest file a browser's viewer recognises as a PDF: the SPA only links to it. */
const ORIGINAL_PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export interface SummaryHandlersOptions {
  /** Who is logged in (null: nobody), or how to know it now; as for searchHandlers. */
  session: SessionResponse | null | (() => SessionResponse | null);
  /** Answers by ref, replacing or adding to the defaults above. */
  outcomes?: Record<string, SummaryResponse | ErrorCode>;
}

export function summaryHandlers({ session: sessionOrGetter, outcomes = {} }: SummaryHandlersOptions) {
  const currentSession = () => (typeof sessionOrGetter === 'function' ? sessionOrGetter() : sessionOrGetter);
  const answers: Record<string, SummaryResponse | ErrorCode> = {
    [summaryRefs.withSummary]: sampleSummaryResponse,
    [summaryRefs.consentRequired]: 'consent_required',
    [summaryRefs.noSummary]: 'no_summary',
    ...outcomes,
  };
  const answerFor = (ref: string) => (Object.hasOwn(answers, ref) ? answers[ref] : undefined) ?? 'not_found';

  return [
    http.get(apiPaths.summary(':ref'), ({ params }) => {
      const refused = refusal(currentSession());
      if (refused) return refused;
      const answer = answerFor(String(params.ref));
      return typeof answer === 'string' ? apiError(answer) : HttpResponse.json(answer);
    }),

    http.get(apiPaths.original(':ref'), ({ params }) => {
      const refused = refusal(currentSession());
      if (refused) return refused;
      const answer = answerFor(String(params.ref));
      if (typeof answer === 'string') return apiError(answer);
      if (!answer.source.originalPdf) return apiError('not_found');
      return new HttpResponse(ORIGINAL_PDF, { headers: { 'content-type': 'application/pdf' } });
    }),
  ];
}
