import {
  DataCategory,
  decideWriteRights,
  personaHabilitations,
  Purpose,
  type HabilitationGrant,
  type Persona,
  type WriteRefusalCode,
  type WriterSubject,
  type WriteRights,
} from '@spie/access/domain';

import { INGEST_SOURCES, type IngestSource } from './ingest-source';

const C = DataCategory;

/**
 * The data categories each source writes: the one place the rights checks read (who may send a source, what a job
 * may still write) and the docs show (`docs/access-matrix.md`, Imports). A source adding a kind of fact adds its
 * category here, or its records are refused when applied (`CATEGORY_NOT_WRITABLE`).
 */
export const SOURCE_WRITES: Readonly<Record<IngestSource, readonly DataCategory[]>> = {
  // The RSA beneficiary flux (CASF L.262-40): household members with their NIR, the household, its right, its
  // address. The flux also carries the members' resources (not kept yet): whoever receives it receives them.
  'caf-msa': [C.Identity, C.Nir, C.Household, C.RsaRights, C.Resources, C.Contact],
  // The job seeker (identity, France Travail identifier, address) and France Travail's PPAE follow-up.
  'france-travail-principal': [C.Identity, C.Contact, C.Orientation],
  // Actions and prestations of people France Travail already knows, and the CEJ follow-up a `CEJ` line states.
  'france-travail-actions': [C.Contract, C.Orientation],
  // France Travail's diagnostic: its contraintes (santé, code 25, is health data), besoins and ROME projects.
  'france-travail-diagnostic': [C.DiagnosticSocial, C.DiagnosticHealth, C.DiagnosticProfessional],
  // People of a department list: identity, its SI and France Travail identifiers, a NIR when the list has one,
  // contact details. The lists' other columns stay in the file.
  department: [C.Identity, C.Nir, C.Contact],
  // The young person of an i-Milo dossier (identity, identifiers, contact) and the mission locale's CEJ.
  'mission-locale': [C.Identity, C.Contact, C.Orientation],
};

/**
 * Which types of organisation send each source: a file's provenance is its sender (the hub records
 * `source: france_travail` for a France Travail file), so an organisation never sends another partner's files, even
 * when its habilitation writes the same categories. The department receives the CAF/MSA flux (L.262-40).
 */
export const SOURCE_SENDERS: Readonly<Record<IngestSource, readonly string[]>> = {
  'caf-msa': ['caf', 'msa', 'department'],
  'france-travail-principal': ['france_travail_agency'],
  'france-travail-actions': ['france_travail_agency'],
  'france-travail-diagnostic': ['france_travail_agency'],
  department: ['department'],
  'mission-locale': ['mission_locale'],
};

/** Why an account may not send a source: the access layer's reasons, or its organisation is not a sender of it. */
export type ImportRefusalCode = WriteRefusalCode | 'NOT_A_SENDER_OF_SOURCE';

export type ImportRights =
  | Extract<WriteRights, { allowed: true }>
  | {
      allowed: false;
      code: ImportRefusalCode;
      message: string;
      missing: readonly DataCategory[];
      /** `CATEGORIES_NOT_COVERED`: the sender's current habilitation that writes the most of the source. */
      closest?: HabilitationGrant;
    };

/**
 * A file is a transmission: it writes in bulk, for people outside any portfolio, so it is sent only under a
 * transmission habilitation (one that reads nothing), never under an accompaniment or orientation one.
 */
export const IMPORT_PURPOSE = Purpose.TransmissionFlux;

/**
 * Whether `subject` may send (or resume) a batch of `source` now, and under which habilitation: an active agent of
 * an organisation that sends this source, whose organisation holds a current transmission habilitation, under a
 * purpose its roles allow, writing every category of the source.
 */
export function decideImportRights(
  subject: WriterSubject,
  source: IngestSource,
  grants: readonly HabilitationGrant[],
  now: Date,
): ImportRights {
  const rights = decideWriteRights(subject, SOURCE_WRITES[source], grants, now, {
    purposes: [IMPORT_PURPOSE],
  });
  if (rights.allowed && !SOURCE_SENDERS[source].includes(subject.organisationType ?? '')) {
    return {
      allowed: false,
      code: 'NOT_A_SENDER_OF_SOURCE',
      message: `${source} files are sent by ${SOURCE_SENDERS[source].join(', ')} organisations only`,
      missing: [],
    };
  }
  return rights;
}

/** Why a batch's jobs stopped writing: its starter's rights were withdrawn since (the batch is held). */
export const STARTER_RIGHTS_REVOKED = 'STARTER_RIGHTS_REVOKED';

/** What a record writes outside what its batch may write: refused when applied, with this code. */
export const CATEGORY_NOT_WRITABLE = 'CATEGORY_NOT_WRITABLE';

/**
 * The categories a job of a batch of `source` may still write under the acting agent's rights now: the source's own
 * categories (a connector writes only its source's fields) that its habilitation writes. A habilitation narrowed since
 * the batch was accepted (still current, no longer covering the whole source) leaves the categories it still writes:
 * records writing others are refused one by one. Empty (the batch is held) when the agent has no current habilitation
 * for the source at all: revoked, expired, account disabled.
 */
export function writableFor(source: IngestSource, rights: ImportRights): ReadonlySet<DataCategory> {
  const grant = rights.allowed
    ? rights.grant
    : rights.code === 'CATEGORIES_NOT_COVERED'
      ? rights.closest
      : undefined;
  if (!grant) return new Set();
  return new Set(SOURCE_WRITES[source].filter((category) => grant.write.includes(category)));
}

/**
 * Splits records into those whose every category is writable and those that would write something else (with the
 * categories at fault, for the per-record report).
 */
export function partitionWritable<T>(
  records: readonly T[],
  categoriesOf: (record: T) => readonly DataCategory[],
  writable: ReadonlySet<DataCategory>,
): { kept: T[]; refused: Array<{ record: T; outside: DataCategory[] }> } {
  const kept: T[] = [];
  const refused: Array<{ record: T; outside: DataCategory[] }> = [];
  for (const record of records) {
    const outside = [...new Set(categoriesOf(record))].filter((category) => !writable.has(category));
    if (outside.length === 0) kept.push(record);
    else refused.push({ record, outside });
  }
  return { kept, refused };
}

/** The sources a persona may send, by the habilitation templates of its organisation type and its roles. */
export function sourcesSentBy(persona: Persona, now = new Date()): IngestSource[] {
  if (persona.kind !== 'agent') return [];
  const grants: HabilitationGrant[] = personaHabilitations(persona).map((template, index) => ({
    ...template,
    id: `template-${index}`,
    organisationId: 'persona',
    validFrom: new Date(0),
    validTo: null,
    revokedAt: null,
  }));
  const subject: WriterSubject = {
    kind: 'agent',
    active: true,
    organisationId: 'persona',
    organisationType: persona.organisationType,
    roles: persona.roles,
  };
  return INGEST_SOURCES.filter((source) => decideImportRights(subject, source, grants, now).allowed);
}

/** The Imports section of `docs/access-matrix.md`: what each source writes, and which persona may send it. */
export function importsMatrixMarkdown(personas: readonly Persona[]): string {
  const senders = new Map(personas.map((persona) => [persona.login, sourcesSentBy(persona)]));
  return [
    '## Imports',
    '',
    'What each source writes (`SOURCE_WRITES`, libs/ingestion/domain) and which persona may send it: an active agent',
    'of an organisation of a type that sends the source (`SOURCE_SENDERS`: a France Travail file comes from France',
    'Travail) holding a current transmission habilitation (`transmission_flux`, a purpose one of its roles allows)',
    'that writes every category of the source. The check runs when the file is sent (`POST /imports/:source` answers',
    '403 `IMPORT_NOT_HABILITATED`, `spie ingest` exits 2) and again in every job of the batch (a batch whose sender',
    'lost its rights is held: `STARTER_RIGHTS_REVOKED`).',
    '',
    '| Source | Writes | Sent by |',
    '|---|---|---|',
    ...INGEST_SOURCES.map((source) => {
      const by = personas.filter((persona) => senders.get(persona.login)?.includes(source));
      return `| \`${source}\` | ${SOURCE_WRITES[source].join(', ')} | ${by.map((p) => `\`${p.login}\``).join(', ') || '—'} |`;
    }),
  ].join('\n');
}
