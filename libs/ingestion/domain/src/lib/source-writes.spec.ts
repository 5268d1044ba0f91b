import {
  DataCategory,
  decideWriteRights,
  HABILITATION_TEMPLATES,
  type Persona,
  type WriteRights,
} from '@spie/access/domain';

import { INGEST_SOURCES } from './ingest-source';
import {
  decideImportRights,
  importsMatrixMarkdown,
  partitionWritable,
  SOURCE_WRITES,
  sourcesSentBy,
  writableFor,
} from './source-writes';

const C = DataCategory;
const agent = (login: string, organisationType: string, roles: string[]): Persona => ({
  login,
  kind: 'agent',
  organisationType,
  roles,
  description: '',
});
const cafConnector = agent('caf-connector', 'caf', ['connector']);
const ftConnector = agent('ft-connector', 'france_travail_agency', ['connector']);
const mlConnector = agent('ml-connector', 'mission_locale', ['connector']);
const orientationTeam = agent('cd52-orientation', 'department', ['orientation']);
const adviser = agent('ft-conseiller', 'france_travail_agency', ['adviser', 'referent']);
const admin = agent('hub-admin', 'department', ['admin']);

describe('SOURCE_WRITES', () => {
  it('should declare at least one category for every source, each once', () => {
    for (const source of INGEST_SOURCES) {
      expect([source, SOURCE_WRITES[source].length > 0]).toEqual([source, true]);
      expect(new Set(SOURCE_WRITES[source]).size).toBe(SOURCE_WRITES[source].length);
    }
  });

  it('should let a CAF connector send the CAF flux and no France Travail file', () => {
    expect(sourcesSentBy(cafConnector)).toEqual(['caf-msa']);
  });

  it('should let the department orientation team send the CAF flux and its own lists, nothing else', () => {
    expect(sourcesSentBy(orientationTeam)).toEqual(['caf-msa', 'department']);
  });

  it('should let each partner technical account send its own files only', () => {
    expect(sourcesSentBy(ftConnector)).toEqual([
      'france-travail-principal',
      'france-travail-actions',
      'france-travail-diagnostic',
    ]);
    expect(sourcesSentBy(mlConnector)).toEqual(['mission-locale']);
  });

  it('should refuse a partner another partner’s source even when its habilitation writes the same categories', () => {
    const grants = HABILITATION_TEMPLATES['mission_locale'].map((template, index) => ({
      ...template,
      id: `ml-${index}`,
      organisationId: 'ml',
      validFrom: new Date(0),
      validTo: null,
      revokedAt: null,
    }));
    const subject = {
      kind: 'agent' as const,
      active: true,
      organisationId: 'ml',
      organisationType: 'mission_locale',
      roles: ['connector'],
    };
    // Same categories (identity, contact, orientation) as an i-Milo event.
    expect(decideImportRights(subject, 'mission-locale', grants, new Date())).toMatchObject({
      allowed: true,
    });
    expect(decideImportRights(subject, 'france-travail-principal', grants, new Date())).toMatchObject({
      allowed: false,
      code: 'NOT_A_SENDER_OF_SOURCE',
    });
  });

  it('should let no adviser, administrator or person send a file', () => {
    expect(sourcesSentBy(adviser)).toEqual([]);
    expect(sourcesSentBy(admin)).toEqual([]);
    expect(sourcesSentBy({ ...cafConnector, kind: 'person' })).toEqual([]);
  });
});

describe('writableFor', () => {
  const rights = (write: DataCategory[]): WriteRights => ({
    allowed: true,
    grant: {
      id: 'h',
      organisationId: 'o',
      purpose: 'transmission_flux' as never,
      legalBasis: 'casf-l262-40',
      read: [],
      write,
      validFrom: new Date(0),
      validTo: null,
      revokedAt: null,
      retentionMonths: 48,
    },
    writable: write,
  });

  it('should keep only the source’s own categories, however wide the habilitation', () => {
    expect([...writableFor('department', rights([C.Identity, C.Nir, C.Contact, C.Household]))]).toEqual([
      C.Identity,
      C.Nir,
      C.Contact,
    ]);
  });

  it('should leave what a habilitation narrowed since still writes, and nothing once it is revoked', () => {
    const grants = HABILITATION_TEMPLATES['caf'].map((template) => ({
      ...template,
      id: 'caf-0',
      organisationId: 'caf',
      validFrom: new Date(0),
      validTo: null,
      revokedAt: null as Date | null,
      write: template.write.filter((category) => category !== C.Nir),
    }));
    const subject = {
      kind: 'agent' as const,
      active: true,
      organisationId: 'caf',
      organisationType: 'caf',
      roles: ['connector'],
    };
    const narrowed = decideImportRights(subject, 'caf-msa', grants, new Date());
    expect(narrowed).toMatchObject({ allowed: false, code: 'CATEGORIES_NOT_COVERED', missing: [C.Nir] });
    expect([...writableFor('caf-msa', narrowed)]).toEqual(
      SOURCE_WRITES['caf-msa'].filter((category) => category !== C.Nir),
    );
    const revoked = decideImportRights(
      subject,
      'caf-msa',
      grants.map((grant) => ({ ...grant, revokedAt: new Date(0) })),
      new Date(),
    );
    expect(writableFor('caf-msa', revoked).size).toBe(0);
  });

  it('should give nothing to refused rights', () => {
    const refused = decideWriteRights(
      { kind: 'system', active: true, organisationId: null, roles: [] },
      SOURCE_WRITES['caf-msa'],
      [],
      new Date(),
    );
    expect(writableFor('caf-msa', refused).size).toBe(0);
  });
});

describe('partitionWritable', () => {
  it('should refuse each record that writes outside the writable categories, naming them', () => {
    const records = [
      { key: 'a', writes: [C.Identity] },
      { key: 'b', writes: [C.Identity, C.Nir, C.Nir] },
      { key: 'c', writes: [] },
    ];
    const { kept, refused } = partitionWritable(records, (r) => r.writes, new Set([C.Identity]));
    expect(kept.map((r) => r.key)).toEqual(['a', 'c']);
    expect(refused).toEqual([{ record: records[1], outside: [C.Nir] }]);
  });
});

describe('importsMatrixMarkdown', () => {
  it('should list each source with its categories and the personas that may send it', () => {
    const markdown = importsMatrixMarkdown([cafConnector, orientationTeam, adviser]);
    expect(markdown).toContain(
      '| `caf-msa` | identity, nir, household, rsa_rights, resources, contact | `caf-connector`, `cd52-orientation` |',
    );
    expect(markdown).toContain('| `department` | identity, nir, contact | `cd52-orientation` |');
    expect(markdown).toContain(
      '| `france-travail-diagnostic` | diagnostic_social, diagnostic_health, diagnostic_professional | — |',
    );
  });
});
