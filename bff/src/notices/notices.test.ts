import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { euLanguages } from '@sesali/shared';
import { loadNotices, NoticeError, shippedNoticesDir } from './notices';

describe('Patient Information Notices', () => {
  const notices = loadNotices();
  const master = notices.get('fr');

  it('exist in the 24 official EU languages, only the French master marked as reviewed', () => {
    expect([...notices.keys()].sort()).toEqual([...euLanguages].sort());
    expect(master?.reviewedByNativeSpeaker).toBe(true);
    for (const [lang, notice] of notices) if (lang !== 'fr') expect(notice.reviewedByNativeSpeaker).toBe(false);
  });

  it.each(euLanguages.filter((l) => l !== 'fr'))(
    '%s has every section of the French master, in order, with as many paragraphs and items',
    (lang) => {
      const notice = notices.get(lang);
      const shape = (n: typeof master) => n?.sections.map((s) => [s.id, s.paragraphs.length, s.items?.length ?? 0]);
      expect(shape(notice)).toEqual(shape(master));
      // Translated, not copied: the text differs from the French master.
      expect(notice?.sections[0]?.paragraphs[0]).not.toBe(master?.sections[0]?.paragraphs[0]);
    },
  );

  it('refuses to start with a missing or malformed file, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesali-notices-'));
    try {
      cpSync(shippedNoticesDir, dir, { recursive: true });
      rmSync(join(dir, 'mt.json'));
      const broken = JSON.parse(readFileSync(join(dir, 'de.json'), 'utf8')) as { sections: unknown[] };
      broken.sections.pop();
      writeFileSync(join(dir, 'de.json'), JSON.stringify(broken));
      expect(() => loadNotices(dir)).toThrow(NoticeError);
      expect(() => loadNotices(dir)).toThrow(/de\.json: sections[\s\S]*mt\.json: missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
