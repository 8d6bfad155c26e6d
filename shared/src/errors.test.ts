import { normalizeApiError } from './errors';

describe('normalizeApiError', () => {
  it('keeps a well-formed error body', () => {
    expect(normalizeApiError({ code: 'access_denied', message: 'x' }, 403)).toEqual({
      code: 'access_denied',
      message: 'x',
    });
  });
  it('turns an unknown body into a generic French error, never the raw text', () => {
    const error = normalizeApiError('<html>stack trace</html>', 502);
    expect(error.code).toBe('internal_error');
    expect(error.message).not.toContain('stack');
  });
  it('maps a bare 401 to not_authenticated', () => {
    expect(normalizeApiError(undefined, 401).code).toBe('not_authenticated');
  });
});
