/** Request input checked with the shared schemas: what does not parse is `invalid_request`, with field messages. */
import type { z } from 'zod';
import { DomainError } from '../errors/domain-error';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = Object.fromEntries(
    parsed.error.issues.map((issue) => [issue.path.join('.') || 'body', issue.message]),
  );
  throw new DomainError('invalid_request', { fields });
}
