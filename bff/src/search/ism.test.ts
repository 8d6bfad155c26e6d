import { matchesFormat, validateSearch } from '@sesali/shared';
import { parseSearchMask, SearchMaskError } from './ism';

const PT = `<?xml version="1.0" encoding="UTF-8"?>
<ism:searchFields xmlns:ism="http://ec.europa.eu/sante/ehncp/ism">
  <ism:country code="PT" label="label.ism.addressCountry">
    <ism:patientSearch scope="ALL">
      <ism:identifier type="NORMAL">
        <ism:id contextualDescription="National Health Number" domain="2.16.620.1.101.10.1.1" format="[0-9]{9}"
                label="label.ism.nationalHealthNumber" mandatory="true" originalContextualDescription="Número de utente de Saúde"/>
      </ism:identifier>
      <ism:media fileExtension="PNG" label="label.ism.media" mediaName="PT_CARD"><ism:mediaContent>iVBORw0KGgo=</ism:mediaContent></ism:media>
    </ism:patientSearch>
  </ism:country>
</ism:searchFields>`;

const ES = `<searchFields xmlns="http://ec.europa.eu/sante/ehncp/ism"><country code="ES"><patientSearch scope="ALL">
  <identifier type="CHOICE">
    <ids display="Regional Person Identifiers">
      <id domain="2.16.724.4.41" format="[A-Z0-9]+" label="label.ism.regionalPatientIdentifier" mandatory="true" originalContextualDescription="CIP"/>
      <id domain="2.16.724.4.42" format="\\d{6}" label="label.ism.regionIdentifier" mandatory="true" originalContextualDescription="CITE"/>
    </ids>
    <ids display="National Person Identifier">
      <id domain="2.16.724.4.40" format="[A-Z0-9]+" label="label.ism.nationalPersonIdentifier" mandatory="true" originalContextualDescription="CIPSNS"/>
    </ids>
  </identifier></patientSearch></country></searchFields>`;

const CY = `<ism:searchFields xmlns:ism="http://ec.europa.eu/sante/ehncp/ism"><ism:country code="CY"><ism:patientSearch>
  <ism:identifier type="NORMAL"><ism:id contextualDescription="nationalIdentityCardNumber" domain="2.16.840.1.113883.3.9143.1.1" format="[0-9]+" label="label.ism.nationalIdentityCardNumber" mandatory="true"/></ism:identifier>
  <ism:birthDate contextualDescription="birthdate" format="[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])" label="label.ism.birthDate" mandatory="true"/>
</ism:patientSearch></ism:country></ism:searchFields>`;

const withFormat = (format: string) => PT.replace('[0-9]{9}', format);

async function refusal(xml: string, cc = 'PT'): Promise<string> {
  try {
    await parseSearchMask(xml, cc, 'Portugal');
  } catch (error) {
    if (error instanceof SearchMaskError) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseSearchMask', () => {
  it('turns a NORMAL mask into one identifier group with French and national labels and the card picture', async () => {
    const form = await parseSearchMask(PT, 'PT', 'Portugal');
    expect(form.identifierGroups).toHaveLength(1);
    expect(form.identifierGroups[0]?.fields[0]).toMatchObject({
      key: 'id:2.16.620.1.101.10.1.1',
      label: 'Numéro national de santé',
      nationalLabel: 'Número de utente de Saúde',
      format: '[0-9]{9}',
      mandatory: true,
    });
    expect(form.cardPicture).toBe('data:image/png;base64,iVBORw0KGgo=');
  });

  it('turns a CHOICE mask into alternative groups', async () => {
    const form = await parseSearchMask(ES, 'ES', 'Espagne');
    expect(form.identifierGroups.map((g) => g.fields.map((f) => f.nationalLabel))).toEqual([
      ['CIP', 'CITE'],
      ['CIPSNS'],
    ]);
    expect(validateSearch(form, { group: 1, values: { 'id:2.16.724.4.40': 'ABC123' } })).toEqual({});
    expect(Object.keys(validateSearch(form, { group: 0, values: { 'id:2.16.724.4.41': 'ABC' } }))).toEqual([
      'id:2.16.724.4.42',
    ]);
  });

  it('keeps a mandatory birth date and validates it as a past date', async () => {
    const form = await parseSearchMask(CY, 'CY', 'Chypre');
    expect(form.otherFields).toEqual([
      expect.objectContaining({ key: 'birthDate', kind: 'birthDate', mandatory: true }),
    ]);
    const values = { 'id:2.16.840.1.113883.3.9143.1.1': '123456' };
    expect(validateSearch(form, { group: 0, values })).toHaveProperty('birthDate');
    expect(validateSearch(form, { group: 0, values: { ...values, birthDate: '2999-01-01' } })).toHaveProperty(
      'birthDate',
    );
    expect(validateSearch(form, { group: 0, values: { ...values, birthDate: '1980-02-30' } })).toHaveProperty(
      'birthDate',
    );
    expect(validateSearch(form, { group: 0, values: { ...values, birthDate: '1980-02-28' } })).toEqual({});
  });

  it('matches the whole value against the format', () => {
    expect(matchesFormat('[0-9]{9}', '123456789')).toBe(true);
    expect(matchesFormat('[0-9]{9}', 'x123456789')).toBe(false);
    expect(matchesFormat('^\\d{6}-?\\d{4}$', '123456-1234')).toBe(true);
  });

  it('refuses a catastrophic-backtracking regex before anything matches it', async () => {
    expect(await refusal(withFormat('(a+)+$'))).toMatch(/vulnerable/);
    expect(await refusal(withFormat('(a|a)*b'))).toMatch(/vulnerable/);
  });

  it.each([
    ['not XML', 'hello', /not well-formed/],
    ['truncated', PT.slice(0, 200), /not well-formed/],
    [
      'a DOCTYPE with entities',
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${PT.replace(/^<\?xml[^>]*>/, '')}`,
      /DOCTYPE/,
    ],
    ['another country', PT.replace('code="PT"', 'code="ES"'), /not PT/],
    ['no identifier', PT.replace(/<ism:identifier[\s\S]*<\/ism:identifier>/, ''), /identifier/],
    ['an invalid regex', withFormat('[0-9'), /not a valid regular expression/],
    ['a bad domain', PT.replace('2.16.620.1.101.10.1.1', 'not-an-oid'), /domain/],
    ['too large', PT + `<!--${'x'.repeat(2 * 1024 * 1024)}-->`, /larger than 2 MB/],
  ])('refuses %s with an operator message', async (_label, xml, message) => {
    expect(await refusal(xml)).toMatch(message);
  });
});
