/**
 * The professional's own consultation history, from the audit trail: only the events this professional's PSC
 * subject recorded, newest first, a page at a time. Express-free.
 */
import { HISTORY_PAGE_SIZE, historyActionSchema, type HistoryItem, type HistoryResponse } from '@sesali/shared';
import type { AuditStore } from '../audit/audit-store';
import type { AuditEvent } from '../audit/events';
import type { SessionUser } from '../auth/session-data';

const HISTORY_ACTIONS = historyActionSchema.options;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function toItem(event: AuditEvent): HistoryItem {
  const purpose = event.details.purpose;
  return {
    time: event.time,
    action: historyActionSchema.parse(event.action),
    outcome: event.outcome,
    country: text(event.details.country),
    patientInitials: text(event.details.patientInitials),
    patientBirthYear: text(event.details.patientBirthYear),
    purpose: purpose === 'TREATMENT' || purpose === 'EMERGENCY' ? purpose : null,
  };
}

export function createHistoryService(store: AuditStore) {
  return {
    async history(user: SessionUser, page: number): Promise<HistoryResponse> {
      const query = { actorSub: user.sub, actions: HISTORY_ACTIONS };
      const [total, events] = await Promise.all([
        store.count(query),
        store.events({ ...query, order: 'desc', limit: HISTORY_PAGE_SIZE, offset: (page - 1) * HISTORY_PAGE_SIZE }),
      ]);
      return { page, pageSize: HISTORY_PAGE_SIZE, total, items: events.map(toItem) };
    },
  };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
