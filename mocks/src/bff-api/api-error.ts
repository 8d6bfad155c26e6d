/** A BFF error answer as the BFF's error middleware writes it: the catalogue's status and French message. */
import { HttpResponse } from 'msw';
import { errorCatalogue, type ErrorCode } from '@sesali/shared';

export const apiError = (code: ErrorCode, reason?: string) =>
  HttpResponse.json(
    { code, message: errorCatalogue[code].message, ...(reason ? { reason } : {}) },
    { status: errorCatalogue[code].status },
  );
