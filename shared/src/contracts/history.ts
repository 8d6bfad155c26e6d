/**
 * GET /api/me/history?page=N: the professional's own consultations, newest first, as the audit trail recorded
 * them. A patient appears by country, initials and birth year only.
 */
import { z } from 'zod';

export const HISTORY_PAGE_SIZE = 20;

/** The events about patients: what a professional's own history shows. */
const patientActions = [
  'patient_search',
  'identity_confirmed',
  'consent_attested',
  'summary_viewed',
  'original_viewed',
  'document_refused',
  'member_state_error',
] as const;

/** Every kind of event the audit trail records (the BFF's audit module writes them). */
export const auditActions = [
  'login',
  'login_failed',
  'access_refused',
  'situation_chosen',
  ...patientActions,
  'logout',
  'session_expired',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const historyActionSchema = z.enum(patientActions);
export type HistoryAction = z.infer<typeof historyActionSchema>;

export const historyQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });

export const historyItemSchema = z.object({
  time: z.iso.datetime(),
  action: historyActionSchema,
  outcome: z.enum(['success', 'refused', 'failure']),
  country: z.string().nullable(),
  patientInitials: z.string().nullable(),
  patientBirthYear: z.string().nullable(),
  purpose: z.enum(['TREATMENT', 'EMERGENCY']).nullable(),
});
export type HistoryItem = z.infer<typeof historyItemSchema>;

export const historyResponseSchema = z.object({
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  total: z.number().int().min(0),
  items: z.array(historyItemSchema),
});
export type HistoryResponse = z.infer<typeof historyResponseSchema>;
