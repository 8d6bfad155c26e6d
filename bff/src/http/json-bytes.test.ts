import fc from 'fast-check';
import { jsonBytes } from './json-bytes';

const same = (value: object) => expect(jsonBytes(value).toString('utf8')).toBe(JSON.stringify(value));

describe('jsonBytes', () => {
  it('writes what JSON.stringify writes, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => same({ value, list: [value, [value]] })),
      { numRuns: 300 },
    );
  });

  it('leaves out what JSON leaves out, uses toJSON, and escapes keys and text', () => {
    same({
      skipped: undefined,
      fn: () => 1,
      symbol: Symbol('s'),
      array: [undefined, () => 1, Symbol('t'), null, 0, -0, NaN, Infinity],
      date: new Date(Date.UTC(2026, 10, 30)),
      nested: { a: { b: { c: { d: { e: [1, { f: undefined, g: 'h' }] } } } } },
      'key "quoted"\n': 'line\nbreak \u2028 \ud83d\ude00 \ud800 ’ € é',
      empty: {},
      emptyArray: [],
      onlySkipped: { x: undefined },
      gone: { toJSON: () => undefined },
      deep: { a: { b: { c: { gone: { toJSON: () => undefined }, kept: 1 } } } },
      list: [{ toJSON: () => undefined }, { a: [{ toJSON: () => undefined }] }],
    });
    same(new Date(0));
    same([undefined, { a: undefined }]);
  });

  it('writes a large answer, wide characters included, across many groups', () => {
    const sections = Array.from({ length: 40 }, (_, i) => ({
      title: `Section ${i} – ’`,
      entries: Array.from({ length: 50 }, (_, j) => ({ code: `${i}.${j}`, text: 'é€ '.repeat(20 + j) })),
      narrative: 'x'.repeat(20_000),
    }));
    const value = { summary: { sections }, source: { countryCode: 'PT' } };
    expect(JSON.stringify(value).length).toBeGreaterThan(1_000_000);
    same(value);
  });
});
