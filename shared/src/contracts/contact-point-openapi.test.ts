import { readFileSync } from 'node:fs';
import { contactPointOpenApi } from './contact-point-openapi';

describe('docs/contact-point-openapi.json', () => {
  it('is exactly what the zod contracts generate (run `npm run openapi` after changing them)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(new URL('../../../docs/contact-point-openapi.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(contactPointOpenApi())));
  });
});
