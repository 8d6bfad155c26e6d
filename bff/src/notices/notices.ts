/**
 * The Patient Information Notice in the 24 official EU languages (bff/notices/<lang>.json), loaded and validated
 * once at start: a missing or invalid file stops the BFF with its path, as a bad configuration would.
 */
import { existsSync, readFileSync } from 'node:fs';
import { shippedPath } from '../paths';
import { join } from 'node:path';
import { euLanguages, noticeSchema, type EuLanguage, type Notice } from '@sesali/shared';

export const shippedNoticesDir = shippedPath('notices');

export class NoticeError extends Error {}

export function loadNotices(dir = shippedNoticesDir): Map<EuLanguage, Notice> {
  const notices = new Map<EuLanguage, Notice>();
  const problems: string[] = [];
  for (const language of euLanguages) {
    const file = join(dir, `${language}.json`);
    if (!existsSync(file)) {
      problems.push(`${file}: missing`);
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${file}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = noticeSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    } else if (parsed.data.language !== language) {
      problems.push(`${file}: declares language ${parsed.data.language}`);
    } else {
      notices.set(language, parsed.data);
    }
  }
  if (problems.length > 0)
    throw new NoticeError(`Invalid Patient Information Notices:\n  - ${problems.join('\n  - ')}`);
  return notices;
}
