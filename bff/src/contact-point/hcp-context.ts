/** The HCP identity assertion's content, from the session: the professional in the chosen situation. */
import type { PurposeOfUse } from '@sesali/shared';
import type { SessionUser } from '../auth/session-data';
import { DomainError } from '../errors/domain-error';
import type { HcpContext } from './assertions';

export function hcpContext(user: SessionUser, purposeOfUse: PurposeOfUse): HcpContext {
  const situation = user.access.situations.find((s) => s.id === user.situationId);
  if (!situation) throw new DomainError('situation_required');
  return {
    subject: user.sub,
    purposeOfUse,
    identity: {
      rpps: user.rpps,
      givenName: user.givenName,
      familyName: user.familyName,
      professionCode: situation.professionCode,
      professionLabel: situation.professionLabel,
      specialtyCode: situation.specialtyCode,
      organisation: situation.organisation,
      organisationId: situation.organisationId,
      facilityType: situation.sectorCode,
      locality: situation.city,
    },
  };
}
