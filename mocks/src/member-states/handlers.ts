/**
 * MSW handlers implementing the contact-point API for the simulated member states, entirely from fixture files.
 * They check the assertions as a member state would (ES256 signature against the BFF's JWKS, audience, expiry,
 * TRC patient = requested patient, same professional) and answer with eHDSI error codes when one is wrong.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import {
  assertionHeaders,
  assertionTypes,
  contactPointPaths,
  documentFormatCodes,
  documentQueryRequestSchema,
  documentRetrieveRequestSchema,
  ehdsiErrorCodes,
  hcpAssertionClaimsSchema,
  patientQueryRequestSchema,
  trcAssertionClaimsSchema,
  type Country,
  type DocumentMetadata,
  type PatientDemographics,
  type PatientId,
} from '@sesali/shared';
import type { Behaviour, DocumentFixture } from './fixture-schemas';
import type { FixtureCountry, FixturePatient, FixtureStore } from './fixture-store';

export interface MemberStateOptions {
  /** Origin the handlers answer on (CONTACT_POINT_URL). */
  baseUrl: string;
  fixtures: FixtureStore;
  /** The BFF's public keys (createRemoteJWKSet of its /.well-known/jwks.json, or a local set in tests). */
  keys: JWTVerifyGetKey;
  /** The audience the BFF puts in its assertions (CONTACT_POINT_URL). */
  audience: string;
  /** Added to every answer (MOCKS_LATENCY_MS). */
  latencyMs?: number;
}

type Operation = NonNullable<Behaviour['on']>;

/** Oldest assertion accepted, in seconds since it was issued. */
const ASSERTION_MAX_AGE_S = 600;
/** Verified assertions remembered (the oldest forgotten first). */
const VERIFIED_ASSERTIONS_KEPT = 1000;

const fail = (status: number, errorCode: string, errorMessage: string) =>
  HttpResponse.json({ errorCode, errorMessage }, { status });

const samePatientId = (a: PatientId, b: PatientId) => a.root === b.root && a.extension.trim() === b.extension.trim();

/** Simulated latency that ends early when the caller gives up, so no timer outlives the request. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    timer.unref();
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Thrown inside a handler to answer with an error response. */
class Refusal extends Error {
  constructor(readonly response: Response) {
    super('refusal');
  }
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

export function memberStateHandlers(options: MemberStateOptions) {
  const url = (path: string) => new URL(path, options.baseUrl).href;

  /**
   * The claims of a valid assertion of type `typ`. A member state checks an assertion once for as long as it is
   * valid: the BFF presents the same assertions again for as long as half their lifetime (with the query and
   * the retrieval of a document, and from one summary to the next), so a token already verified is taken from
   * here until it expires.
   */
  const verified = new Map<string, { payload: JWTPayload; until: number }>();
  async function claimsOf(token: string, typ: string): Promise<JWTPayload> {
    const key = `${typ} ${token}`;
    const known = verified.get(key);
    if (known && Date.now() < known.until) return known.payload;
    const { payload } = await jwtVerify(token, options.keys, {
      algorithms: ['ES256'],
      audience: options.audience,
      typ,
      maxTokenAge: ASSERTION_MAX_AGE_S,
    });
    const until = Math.min((payload.exp ?? Infinity) * 1000, ((payload.iat ?? 0) + ASSERTION_MAX_AGE_S) * 1000);
    if (verified.size >= VERIFIED_ASSERTIONS_KEPT) verified.delete(verified.keys().next().value as string);
    verified.set(key, { payload, until });
    return payload;
  }

  async function verify(request: Request, needTrc: boolean) {
    const hcpToken = request.headers.get(assertionHeaders.hcp);
    if (!hcpToken) throw new Refusal(fail(403, ehdsiErrorCodes.ASSERTION_INVALID, 'HCP identity assertion missing'));
    let hcp;
    try {
      hcp = hcpAssertionClaimsSchema.parse(await claimsOf(hcpToken, assertionTypes.hcp));
    } catch (error) {
      throw new Refusal(
        fail(403, ehdsiErrorCodes.ASSERTION_INVALID, `HCP identity assertion rejected: ${(error as Error).message}`),
      );
    }
    if (!needTrc) return { hcp, trc: undefined };
    const trcToken = request.headers.get(assertionHeaders.trc);
    if (!trcToken) throw new Refusal(fail(403, ehdsiErrorCodes.TRC_MISMATCH, 'TRC assertion missing'));
    try {
      const trc = trcAssertionClaimsSchema.parse(await claimsOf(trcToken, assertionTypes.trc));
      if (trc.sub !== hcp.sub) throw new Error('TRC subject differs from the HCP assertion');
      return { hcp, trc };
    } catch (error) {
      throw new Refusal(fail(403, ehdsiErrorCodes.TRC_MISMATCH, `TRC assertion rejected: ${(error as Error).message}`));
    }
  }

  function country(code: string): FixtureCountry {
    const found = options.fixtures.snapshot().countries.get(code);
    if (!found || found.status !== 'live')
      throw new Refusal(fail(404, ehdsiErrorCodes.CONNECTION_NOT_POSSIBLE, `unknown or not live country ${code}`));
    if (found.down) throw new Refusal(fail(503, ehdsiErrorCodes.CONNECTION_NOT_POSSIBLE, `${code} is unreachable`));
    return found;
  }

  /** The patient's scenario knobs for this operation: latency first, then an HTTP status or an eHDSI code. */
  async function behave(patient: FixturePatient, operation: Operation, signal: AbortSignal) {
    const b = patient.behaviour;
    if (!b || (b.on && b.on !== operation)) return;
    if (b.latencyMs) await wait(b.latencyMs, signal);
    if (b.errorCode) throw new Refusal(fail(b.httpStatus ?? 403, b.errorCode, `simulated error ${b.errorCode}`));
    if (b.httpStatus) throw new Refusal(new HttpResponse('simulated failure', { status: b.httpStatus }));
  }

  /** A document's metadata; its size from the file, unless the caller has the bytes it will send. */
  function metadata(
    c: FixtureCountry,
    patient: FixturePatient,
    doc: DocumentFixture,
    size = statSync(join(patient.dir, doc.file)).size,
  ): DocumentMetadata {
    const twins = patient.documents.filter((d) => d.twinOf === doc.id || doc.twinOf === d.id);
    return {
      uuid: doc.id,
      classCode: doc.classCode,
      creationDate: doc.creationDate,
      description: doc.description,
      formatCode: documentFormatCodes[doc.format],
      mimeType: doc.mimeType,
      size,
      title: doc.title,
      language: doc.language,
      hcid: c.homeCommunityId,
      repositoryId: doc.repositoryId,
      associatedDocuments: twins.map((t) => ({ uuid: t.id, formatCode: documentFormatCodes[t.format] })),
    };
  }

  async function answer(
    request: Request,
    handler: () => JsonBodyType | Response | Promise<JsonBodyType | Response>,
  ): Promise<Response> {
    try {
      if (options.latencyMs) await wait(options.latencyMs, request.signal);
      const result = await handler();
      return result instanceof Response ? result : HttpResponse.json(result);
    } catch (error) {
      if (error instanceof Refusal) return error.response;
      throw error;
    }
  }

  const invalid = (what: string) => new Refusal(fail(400, ehdsiErrorCodes.GENERIC, `invalid request: ${what}`));

  return [
    http.get(url(contactPointPaths.countries), ({ request }) =>
      answer(request, () => {
        const all = [...options.fixtures.snapshot().countries.values()].sort((a, b) => a.code.localeCompare(b.code));
        const countries: Country[] = all.map((c) => ({
          code: c.code,
          name: c.nameFr,
          status: c.status,
          services: c.status === 'live' ? ['PS'] : [],
          languages: c.languages,
          purposesOfUse: c.purposesOfUse,
          homeCommunityId: c.homeCommunityId,
        }));
        return { countries };
      }),
    ),

    http.get(url('/v1/countries/:cc/search-mask'), ({ request, params }) =>
      answer(request, () => {
        const c = options.fixtures.snapshot().countries.get(String(params.cc));
        if (!c?.searchMaskFile) throw new Refusal(fail(404, ehdsiErrorCodes.GENERIC, 'no search mask'));
        return new HttpResponse(readFileSync(c.searchMaskFile), { headers: { 'content-type': 'application/xml' } });
      }),
    ),

    http.post(url(contactPointPaths.patientQuery), ({ request }) =>
      answer(request, async () => {
        await verify(request, false);
        const body = patientQueryRequestSchema.safeParse(await readJson(request));
        if (!body.success) throw invalid('patient query');
        const c = country(body.data.countryCode);
        const wanted = body.data.patientDemographics.patientId;
        const matches = c.patients.filter((p) =>
          wanted.every((id) => p.identifiers.some((own) => samePatientId(own, id))),
        );
        for (const patient of matches) await behave(patient, 'patients.query', request.signal);
        if (matches.length > 0 && matches.every((p) => !p.serviceActivated)) {
          throw new Refusal(fail(403, ehdsiErrorCodes.NO_CONSENT, 'the patient has not activated the service'));
        }
        const patients: PatientDemographics[] = matches
          .filter((p) => p.serviceActivated)
          .map((p) => ({ ...p.demographics, patientId: p.identifiers }));
        return { patients };
      }),
    ),

    http.post(url(contactPointPaths.documentQuery), ({ request }) =>
      answer(request, async () => {
        const { trc } = await verify(request, true);
        const body = documentQueryRequestSchema.safeParse(await readJson(request));
        if (!body.success) throw invalid('document query');
        if (!trc || !samePatientId(trc.patientId, body.data.patientId)) {
          throw new Refusal(fail(403, ehdsiErrorCodes.TRC_MISMATCH, 'the TRC assertion is for another patient'));
        }
        const c = country(body.data.countryCode);
        const owners = c.patients.filter(
          (p) => p.serviceActivated && p.identifiers.some((id) => samePatientId(id, body.data.patientId)),
        );
        // An identifier two people share cannot select a summary: the portal must use a unique one.
        if (owners.length > 1) throw new Refusal(fail(409, ehdsiErrorCodes.PI_MULTIPLE_MATCHES, 'several patients'));
        const patient = owners[0];
        if (!patient) throw new Refusal(fail(404, ehdsiErrorCodes.PI_NO_MATCH, 'unknown patient'));
        await behave(patient, 'documents.query', request.signal);
        const documents = patient.documents.filter((d) => body.data.classCode.includes(d.classCode));
        if (documents.length === 0)
          throw new Refusal(fail(404, ehdsiErrorCodes.NO_PATIENT_SUMMARY, 'no patient summary registered'));
        return { documents: documents.map((d) => metadata(c, patient, d)) };
      }),
    ),

    http.post(url(contactPointPaths.documentRetrieve), ({ request }) =>
      answer(request, async () => {
        const { trc } = await verify(request, true);
        const body = documentRetrieveRequestSchema.safeParse(await readJson(request));
        if (!body.success) throw invalid('document retrieve');
        const c = country(body.data.countryCode);
        const patient = c.patients.find((p) => p.documents.some((d) => d.id === body.data.documentId.documentUniqueId));
        const doc = patient?.documents.find((d) => d.id === body.data.documentId.documentUniqueId);
        if (!patient || !doc) throw new Refusal(fail(404, ehdsiErrorCodes.NO_PATIENT_SUMMARY, 'unknown document'));
        if (!trc || !patient.identifiers.some((id) => samePatientId(id, trc.patientId))) {
          throw new Refusal(fail(403, ehdsiErrorCodes.TRC_MISMATCH, 'the TRC assertion is for another patient'));
        }
        await behave(patient, 'documents.retrieve', request.signal);
        let bytes = readFileSync(join(patient.dir, doc.file));
        const pad = patient.behaviour?.padDocumentToBytes;
        if (pad && pad > bytes.byteLength) {
          bytes = Buffer.concat([bytes, Buffer.from(`<!--${'x'.repeat(Math.max(0, pad - bytes.byteLength - 7))}-->`)]);
        }
        return {
          document: { ...metadata(c, patient, doc, bytes.byteLength), base64Binary: bytes.toString('base64') },
        };
      }),
    ),
  ];
}
