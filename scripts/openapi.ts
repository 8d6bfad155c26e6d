// Writes docs/contact-point-openapi.json from the shared zod contracts.
import { writeFileSync } from 'node:fs';
import { contactPointOpenApi } from '../shared/src/contracts/contact-point-openapi';

writeFileSync(
  new URL('../docs/contact-point-openapi.json', import.meta.url),
  `${JSON.stringify(contactPointOpenApi(), null, 2)}\n`,
);
console.log('docs/contact-point-openapi.json written');
