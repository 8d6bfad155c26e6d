import { DocumentError } from '../errors';
import { attribute, readXml, readXmlBytes, textContent, type XmlElement } from './xml-tree';

const unreadable = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).code).toBe('document_unreadable');
    return (error as DocumentError).detail;
  }
  throw new Error('expected a DocumentError');
};

/** A document whose text is well past one decoded piece (32 KB), with `marker` at byte `at` of the file. */
function documentWith(marker: string, at: number, newline = '\n'): string {
  const head = `<?xml version="1.0" encoding="UTF-8"?>${newline}<doc>${newline}<pad>`;
  const padding = 'x'.repeat(at - Buffer.byteLength(head));
  return `${head}${padding}</pad><m a="${marker}">${marker}</m>${newline}<tail>${'y'.repeat(40_000)}</tail></doc>`;
}

const elementNamed = (root: XmlElement, name: string) =>
  root.children.find((node): node is XmlElement => typeof node !== 'string' && node.name === name);

describe('readXmlBytes', () => {
  it('reads UTF-8 with or without a BOM, UTF-16 with a BOM, and a declared single-byte encoding', () => {
    const text = '<?xml version="1.0"?><p n="é€😀">Ação – ünïcödé 😀</p>';
    const expected = 'Ação – ünïcödé 😀';
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf16be = Buffer.from(utf16le.subarray(2)).swap16();
    for (const bytes of [
      Buffer.from(text),
      Buffer.concat([bom, Buffer.from(text)]),
      utf16le,
      Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]),
    ]) {
      const root = readXmlBytes(bytes);
      expect(textContent(root)).toBe(expected);
      expect(attribute(root, 'n')).toBe('é€😀');
    }
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><p>Ação</p>', 'latin1');
    expect(textContent(readXmlBytes(latin1))).toBe('Ação');
  });

  it('refuses invalid UTF-8 and an unsupported encoding, by name', () => {
    const invalid = Buffer.concat([Buffer.from('<p>'), Buffer.from([0xc3, 0x28]), Buffer.from('</p>')]);
    expect(unreadable(() => readXmlBytes(invalid))).toMatch(/not valid UTF-8/);
    // Found after the first pieces were already parsed: still an error, never a partial tree.
    const late = Buffer.concat([Buffer.from(documentWith('a', 40_000)), Buffer.from([0xff])]);
    expect(unreadable(() => readXmlBytes(late))).toMatch(/not valid UTF-8/);
    const ebcdic = Buffer.from('<?xml version="1.0" encoding="EBCDIC-US"?><p/>');
    expect(unreadable(() => readXmlBytes(ebcdic))).toMatch(/unsupported character encoding "ebcdic-us"/);
  });

  it.each([
    ['a two-byte character', 'é'],
    ['a three-byte character', '€'],
    ['a four-byte character (a surrogate pair in the text)', '😀'],
  ])('reads %s cut by the boundary between two pieces', (_, character) => {
    for (let offset = -4; offset <= 4; offset++) {
      // The marker's first bytes end one piece, its last bytes begin the next.
      const text = documentWith(character, 32 * 1024 + offset - Buffer.byteLength('</pad><m a="'));
      const root = readXmlBytes(Buffer.from(text));
      const marker = elementNamed(root, 'm');
      expect(attribute(marker, 'a')).toBe(character);
      expect(textContent(marker as XmlElement)).toBe(character);
      expect(root).toEqual(readXml(text));
    }
  });

  it('reads a CR LF cut by the boundary between two pieces as one line end', () => {
    for (let offset = -2; offset <= 2; offset++) {
      const text = documentWith('z', 32 * 1024 + offset, '\r\n').replace('<pad>', '<pad>\r\n');
      const root = readXmlBytes(Buffer.from(text));
      expect(root).toEqual(readXml(text));
      expect(textContent(elementNamed(root, 'pad') as XmlElement)).not.toContain('\r');
    }
  });

  it('names the line and column where a document spanning several pieces stops being well-formed', () => {
    const text = `${documentWith('a', 40_000).replace('</tail></doc>', '</tail>')}<oops`;
    expect(unreadable(() => readXmlBytes(Buffer.from(text)))).toMatch(/not well-formed XML: .*\d+:\d+/);
  });
});
