import { DataCategory } from './categories';
import { HABILITATION_TEMPLATES, Purpose } from './legal-frame';
import type { HabilitationGrant } from './policy';
import { decideWriteRights, type WriterSubject } from './write-rights';

const NOW = new Date('2026-11-23T10:00:00Z');
const C = DataCategory;
const CAF_FLUX = [C.Identity, C.Nir, C.Household, C.RsaRights, C.Resources, C.Contact];

function grantsOf(type: string, organisationId: string): HabilitationGrant[] {
  return HABILITATION_TEMPLATES[type].map((template, index) => ({
    id: `${type}-${index}`,
    organisationId,
    purpose: template.purpose,
    legalBasis: template.legalBasis,
    read: template.read,
    write: template.write,
    validFrom: new Date('2026-01-01T00:00:00Z'),
    validTo: null,
    revokedAt: null,
    retentionMonths: template.retentionMonths,
  }));
}

const cafConnector: WriterSubject = {
  kind: 'agent',
  active: true,
  organisationId: 'caf',
  roles: ['connector'],
};
const orientationTeam: WriterSubject = {
  kind: 'agent',
  active: true,
  organisationId: 'cd',
  roles: ['orientation'],
};

describe('decideWriteRights', () => {
  it('should let a CAF connector write the RSA flux under its transmission habilitation (L.262-40)', () => {
    const rights = decideWriteRights(cafConnector, CAF_FLUX, grantsOf('caf', 'caf'), NOW);
    expect(rights).toMatchObject({
      allowed: true,
      grant: { purpose: Purpose.TransmissionFlux, legalBasis: 'casf-l262-40' },
    });
  });

  it('should refuse a CAF connector what its habilitation does not write, naming the missing categories', () => {
    const rights = decideWriteRights(
      cafConnector,
      [C.Identity, C.Orientation, C.Contract],
      grantsOf('caf', 'caf'),
      NOW,
    );
    expect(rights).toEqual({
      allowed: false,
      code: 'CATEGORIES_NOT_COVERED',
      message: expect.stringContaining('orientation, contract'),
      missing: [C.Orientation, C.Contract],
      closest: expect.objectContaining({ purpose: Purpose.TransmissionFlux }),
    });
  });

  it('should let the department orientation team write the flux it receives, not a France Travail diagnostic', () => {
    const grants = grantsOf('department', 'cd');
    expect(decideWriteRights(orientationTeam, CAF_FLUX, grants, NOW)).toMatchObject({
      allowed: true,
      grant: { purpose: Purpose.TransmissionFlux, legalBasis: 'casf-l262-40' },
    });
    expect(decideWriteRights(orientationTeam, [C.DiagnosticSocial], grants, NOW)).toMatchObject({
      allowed: false,
      code: 'CATEGORIES_NOT_COVERED',
    });
  });

  it('should never add up two habilitations to cover a set', () => {
    // The orientation habilitation writes orientation, the transmission writes identity: not both at once.
    expect(
      decideWriteRights(orientationTeam, [C.Identity, C.Orientation], grantsOf('department', 'cd'), NOW),
    ).toMatchObject({ allowed: false, code: 'CATEGORIES_NOT_COVERED', missing: [C.Identity] });
  });

  it('should refuse once the habilitation is revoked or expired', () => {
    for (const change of [
      { revokedAt: new Date(NOW.getTime() - 1) },
      { validTo: new Date(NOW.getTime() - 1) },
      { validFrom: new Date(NOW.getTime() + 1000) },
    ]) {
      const grants = grantsOf('caf', 'caf').map((grant) => ({ ...grant, ...change }));
      expect(decideWriteRights(cafConnector, CAF_FLUX, grants, NOW)).toMatchObject({
        allowed: false,
        code: 'NO_HABILITATION',
      });
    }
  });

  it('should refuse a habilitation its roles do not allow, or of another organisation', () => {
    const adviser: WriterSubject = { ...cafConnector, organisationId: 'ft', roles: ['adviser', 'referent'] };
    const ft = grantsOf('france_travail_agency', 'ft');
    // The agency's transmission is for its technical account only.
    expect(decideWriteRights(adviser, [C.Identity], ft, NOW)).toMatchObject({
      allowed: false,
      code: 'CATEGORIES_NOT_COVERED',
    });
    expect(
      decideWriteRights({ ...adviser, roles: ['connector'] }, [C.Identity, C.Orientation], ft, NOW),
    ).toMatchObject({ allowed: true, grant: { id: 'france_travail_agency-1' } });
    expect(decideWriteRights(cafConnector, CAF_FLUX, grantsOf('caf', 'other'), NOW)).toMatchObject({
      allowed: false,
      code: 'NO_HABILITATION',
    });
  });

  it('should act only under the purposes asked for, when asked', () => {
    const grants = grantsOf('france_travail_agency', 'ft');
    const adviser: WriterSubject = { ...cafConnector, organisationId: 'ft', roles: ['adviser'] };
    expect(decideWriteRights(adviser, [C.DiagnosticSocial], grants, NOW)).toMatchObject({ allowed: true });
    expect(
      decideWriteRights(adviser, [C.DiagnosticSocial], grants, NOW, { purposes: [Purpose.TransmissionFlux] }),
    ).toMatchObject({
      allowed: false,
      code: 'NO_HABILITATION',
      message: expect.stringContaining('transmission_flux'),
    });
  });

  it('should refuse a disabled account, a system component and a person', () => {
    const grants = grantsOf('caf', 'caf');
    expect(decideWriteRights({ ...cafConnector, active: false }, CAF_FLUX, grants, NOW)).toMatchObject({
      code: 'AGENT_DISABLED',
    });
    expect(
      decideWriteRights(
        { kind: 'system', active: true, organisationId: null, roles: [] },
        CAF_FLUX,
        grants,
        NOW,
      ),
    ).toMatchObject({ code: 'NOT_AN_AGENT' });
    expect(decideWriteRights({ ...cafConnector, kind: 'person' }, [C.Contact], grants, NOW)).toMatchObject({
      code: 'NOT_AN_AGENT',
    });
  });
});
