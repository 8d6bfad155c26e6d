import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFixtureStore } from './fixture-store';
import { writeCountry, writePatient } from './test-fixtures';

// Native ESM Jest has no global `jest`.
const jest = (import.meta as unknown as { jest: typeof globalThis.jest }).jest;

const id = (extension: string) => ({ root: '2.16.17.710.850.1000.990.1', extension });
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sesali-fixture-store-'));
  writeCountry(dir, { code: 'XA' }, '<searchMask/>');
  writePatient(dir, 'XA', 'first', { identifiers: [id('1')] });
});
afterEach(() => {
  jest.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

/** Gives every folder and file the same time, as a coarse file-system clock does within one tick. */
function sameTick(root: string) {
  const at = new Date('2026-11-30T10:00:00Z');
  utimesSync(root, at, at);
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true }))
    utimesSync(join(entry.parentPath, entry.name), at, at);
}

const patientsOf = (store: ReturnType<typeof createFixtureStore>) =>
  store
    .snapshot()
    .countries.get('XA')
    ?.patients.map((p) => p.key);

describe('fixture store', () => {
  it('sees a dropped patient on the next call by default', () => {
    const store = createFixtureStore([dir]);
    expect(patientsOf(store)).toEqual(['XA/first']);
    writePatient(dir, 'XA', 'second', { identifiers: [id('2')] });
    expect(patientsOf(store)).toEqual(['XA/first', 'XA/second']);
  });

  it('walks the folders again only once recheckAfterMs has passed', () => {
    jest.useFakeTimers({ now: new Date('2026-11-30T10:00:00Z') });
    const store = createFixtureStore([dir], undefined, { recheckAfterMs: 1000 });
    const first = store.snapshot();
    expect(patientsOf(store)).toEqual(['XA/first']);
    writePatient(dir, 'XA', 'second', { identifiers: [id('2')] });
    jest.advanceTimersByTime(999);
    expect(store.snapshot()).toBe(first);
    jest.advanceTimersByTime(1);
    expect(patientsOf(store)).toEqual(['XA/first', 'XA/second']);
  });

  it('walks the folders again when the clock is set back', () => {
    jest.useFakeTimers({ now: new Date('2026-11-30T10:00:00Z') });
    const store = createFixtureStore([dir], undefined, { recheckAfterMs: 1000 });
    expect(patientsOf(store)).toEqual(['XA/first']);
    writePatient(dir, 'XA', 'second', { identifiers: [id('2')] });
    jest.setSystemTime(new Date('2026-11-30T09:00:00Z'));
    expect(patientsOf(store)).toEqual(['XA/first', 'XA/second']);
  });

  it('sees a patient dropped within the same tick of the file-system clock', () => {
    sameTick(dir);
    const store = createFixtureStore([dir]);
    expect(patientsOf(store)).toEqual(['XA/first']);
    writePatient(dir, 'XA', 'second', { identifiers: [id('2')] });
    sameTick(dir);
    expect(patientsOf(store)).toEqual(['XA/first', 'XA/second']);
  });

  it('sees a patient file edited in place, which leaves its folder untouched', () => {
    const store = createFixtureStore([dir]);
    expect(store.snapshot().countries.get('XA')?.patients[0]?.demographics.familyName).toBe('FIRST');
    writePatient(dir, 'XA', 'first', {
      identifiers: [id('1')],
      demographics: { givenName: 'Test', familyName: 'RENAMED', birthDate: '1970-01-01', administrativeGender: 'F' },
    });
    expect(store.snapshot().countries.get('XA')?.patients[0]?.demographics.familyName).toBe('RENAMED');
  });

  it('keeps the same snapshot while nothing changed', () => {
    const store = createFixtureStore([dir]);
    expect(store.snapshot()).toBe(store.snapshot());
  });
});
