import { BASE64_PATTERN, documentRetrieveResponseSchema, isBase64 } from './contact-point';

/** The pattern the contract publishes (docs/contact-point-openapi.json), which isBase64 implements. */
const PATTERN = new RegExp(BASE64_PATTERN);

describe('isBase64', () => {
  it('accepts exactly what the published pattern accepts', () => {
    const alphabet = ['A', 'z', '0', '9', '+', '/', '=', '-', '_', ' ', '\n', 'é', '.'];
    const texts = ['', 'QQ==', 'QQ=', 'QQ', 'Q=Q=', 'QQ===', 'QQ=A', '=', '==', '===', 'a-b', 'ab\n', 'ab c'];
    // Every text of up to four characters over an alphabet with valid and foreign characters.
    const grow = (prefixes: string[]) => prefixes.flatMap((p) => alphabet.map((c) => p + c));
    let level = [''];
    for (let length = 1; length <= 4; length++) texts.push(...(level = grow(level)));
    // One expectation over the 30,000 texts (one each took two seconds): the texts where the two disagree.
    expect(texts.filter((text) => isBase64(text) !== PATTERN.test(text))).toEqual([]);
  });

  it('is what the retrieve answer checks', () => {
    const base64Binary = documentRetrieveResponseSchema.shape.document.shape.base64Binary;
    expect(base64Binary.safeParse(Buffer.from('<a/>').toString('base64')).success).toBe(true);
    expect(base64Binary.safeParse('PGEvPg==\n').success).toBe(false);
    expect(base64Binary.safeParse('PGEv-g==').success).toBe(false);
  });
});
