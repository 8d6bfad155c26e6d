/**
 * Countries and their search forms, from the contact point, cached: the list for a minute, each checked form
 * for ten minutes. A mask that fails its checks makes its country "unavailable" (one operator log line per
 * check), never a hung process; a transport failure is retried sooner.
 */
import type { Logger } from 'pino';
import type { PublicCountries, SearchForm } from '@sesali/shared';
import { ContactPointFailure, type ContactPointClient } from '../contact-point/client';
import { DomainError } from '../errors/domain-error';
import { parseSearchMask, SearchMaskError } from './ism';

type Country = Awaited<ReturnType<ContactPointClient['countries']>>[number];
type FormResult = { ok: true; form: SearchForm } | { ok: false; error: DomainError };

interface Cached<T> {
  value: Promise<T>;
  until: number;
}

export interface CountryDirectoryOptions {
  countriesTtlMs?: number;
  formTtlMs?: number;
  failureTtlMs?: number;
  now?: () => number;
}

export function createCountryDirectory(
  contactPoint: ContactPointClient,
  logger: Logger,
  options: CountryDirectoryOptions = {},
) {
  const countriesTtl = options.countriesTtlMs ?? 60_000;
  const formTtl = options.formTtlMs ?? 10 * 60_000;
  const failureTtl = options.failureTtlMs ?? 30_000;
  const now = options.now ?? Date.now;
  let countries: Cached<Country[]> | undefined;
  const forms = new Map<string, Cached<FormResult>>();

  function allCountries(): Promise<Country[]> {
    if (!countries || countries.until <= now()) {
      const value = contactPoint.countries();
      countries = { value, until: now() + countriesTtl };
      value.catch(() => {
        countries = undefined;
      });
    }
    return countries.value;
  }

  async function loadForm(country: Country): Promise<FormResult> {
    try {
      const xml = await contactPoint.searchMask(country.code);
      return { ok: true, form: await parseSearchMask(xml, country.code, country.name) };
    } catch (error) {
      if (error instanceof SearchMaskError) {
        logger.error(
          { event: 'search_mask_rejected', country: country.code, problem: error.message },
          'search mask rejected: country unavailable',
        );
        return { ok: false, error: new DomainError('country_unavailable', { detail: error.message }) };
      }
      const code = error instanceof ContactPointFailure ? error.code : 'contact_point_error';
      logger.warn(
        { event: 'search_mask_unreachable', country: country.code, code, err: error },
        'search mask could not be fetched',
      );
      return { ok: false, error: new DomainError(code, { cause: error }) };
    }
  }

  function formResult(country: Country): Promise<FormResult> {
    const cached = forms.get(country.code);
    if (cached && cached.until > now()) return cached.value;
    const value = loadForm(country);
    forms.set(country.code, { value, until: now() + formTtl });
    void value.then((result) => {
      if (!result.ok && result.error.code !== 'country_unavailable')
        forms.set(country.code, { value, until: now() + failureTtl });
    });
    return value;
  }

  return {
    /** Every country with its status; a live country whose mask is unusable shows as unavailable. */
    async list(): Promise<PublicCountries['countries']> {
      let all: Country[];
      try {
        all = await allCountries();
      } catch (error) {
        throw new DomainError(error instanceof ContactPointFailure ? error.code : 'contact_point_error', {
          cause: error,
        });
      }
      return Promise.all(
        all.map(async (c) => ({
          code: c.code,
          name: c.name,
          status:
            c.status === 'planned'
              ? ('planned' as const)
              : (await formResult(c)).ok
                ? ('live' as const)
                : ('unavailable' as const),
        })),
      );
    },

    async country(code: string): Promise<Country> {
      const country = (await allCountries()).find((c) => c.code === code);
      if (!country || country.status !== 'live')
        throw new DomainError('not_found', { detail: `no live country ${code}` });
      return country;
    },

    async form(code: string): Promise<SearchForm> {
      const result = await formResult(await this.country(code));
      if (!result.ok) throw result.error;
      return result.form;
    },
  };
}

export type CountryDirectory = ReturnType<typeof createCountryDirectory>;
