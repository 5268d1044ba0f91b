import { createHash } from 'node:crypto';
import {
  cleanText,
  isInvalid,
  parseDate,
  type ObservedAddress,
  type PersonObservation,
  type RecordIssue,
} from '@spie/ingestion/domain';
import { normalizeName } from '@spie/person/domain';
import type { DossierMiloDto, RendezVousMiloDto } from './imilo.dto';
import { DEFAULT_TIME_ZONE, naiveToZonedIso } from './zoned-time';

/** Situation categories of i-Milo, as stable hub codes. */
export const MISSION_LOCALE_SITUATION_CATEGORIES = [
  'employment',
  'apprenticeship',
  'training',
  'company_immersion',
  'pmsmp',
  'volunteering',
  'schooling',
  'job_seeker',
  'no_situation',
] as const;
export type MissionLocaleSituationCategory = (typeof MISSION_LOCALE_SITUATION_CATEGORIES)[number];

export type MissionLocaleSituationState = 'planned' | 'ongoing' | 'ended';

export type MissionLocaleRdvStatus =
  'planned' | 'present' | 'absent' | 'cancelled' | 'postponed' | 'unspecified';

/** A situation of the young person (employment, training…) as i-Milo records it. */
export interface MissionLocaleSituation {
  /** null when i-Milo sent a state this connector does not know (a warning says which). */
  state: MissionLocaleSituationState | null;
  category: MissionLocaleSituationCategory | null;
  /** i-Milo's label, as sent. */
  categoryLabel: string;
  /** YYYY-MM-DD. */
  endOn: string | null;
  /** Distinct ROME codes, in this order: job held, job prepared, first job sought. */
  romeCodes: string[];
}

/** The CEJ (contrat d'engagement jeune) of the dossier. */
export interface MissionLocaleCej {
  /** i-Milo's `accompagnementCEJ` flag, and no actual end date. */
  active: boolean;
  startOn: string | null;
  plannedEndOn: string | null;
  actualEndOn: string | null;
  /** `premierAccompagnement`: a date (YYYY-MM-DD) when it reads as one, otherwise the text as sent. */
  firstAccompaniment: string | null;
}

/** One i-Milo dossier, mapped: what the apply step of the mission locale job needs. */
export interface MissionLocaleDossierRecord {
  idDossier: string;
  /** i-Milo's person id. Kept for support; not a person identifier of the hub. */
  idJeune: string | null;
  person: PersonObservation;
  /** The mission locale the dossier belongs to; `code` matches `organisation.structure_code`. */
  structure: { code: string | null; name: string; usualName: string | null } | null;
  cej: MissionLocaleCej | null;
  situations: MissionLocaleSituation[];
  /** SHA-256 of the mapped content: an unchanged dossier can be skipped. */
  contentHash: string;
}

/** One i-Milo appointment, mapped. */
export interface MissionLocaleRdvRecord {
  id: string;
  idDossier: string;
  /** ISO 8601 with the structure's offset (`2026-03-02T09:30:00+01:00`). */
  startsAt: string;
  endsAt: string | null;
  subject: string | null;
  adviser: string | null;
  place: string | null;
  /** i-Milo's free label (`Téléphone`, `Entretien individuel`…). */
  type: string | null;
  status: MissionLocaleRdvStatus;
  /** i-Milo's status label, as sent. */
  statusLabel: string;
  comment: string | null;
}

export interface Mapped<T> {
  record: T;
  /** Errors (the record must not be applied) and warnings (a value was dropped). No personal value in messages. */
  issues: RecordIssue[];
}

const STATES: Record<string, MissionLocaleSituationState> = {
  PREVU: 'planned',
  EN_COURS: 'ongoing',
  TERMINE: 'ended',
};

/** i-Milo labels, compared without accents, case or punctuation (`normalizeName`). */
const CATEGORIES: Record<string, MissionLocaleSituationCategory> = {
  EMPLOI: 'employment',
  'CONTRAT EN ALTERNANCE': 'apprenticeship',
  FORMATION: 'training',
  'IMMERSION EN ENTREPRISE': 'company_immersion',
  IMMERSION: 'company_immersion',
  PMSMP: 'pmsmp',
  'CONTRAT DE VOLONTARIAT BENEVOLAT': 'volunteering',
  SCOLARITE: 'schooling',
  'DEMANDEUR D EMPLOI': 'job_seeker',
  'SANS SITUATION': 'no_situation',
};

const RDV_STATUSES: Record<string, MissionLocaleRdvStatus> = {
  PLANIFIE: 'planned',
  PRESENT: 'present',
  ABSENT: 'absent',
  ANNULE: 'cancelled',
  REPORTE: 'postponed',
  'NON PRECISE': 'unspecified',
};

const ROME = /^[A-N]\d{4}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const POSTAL_CODE = /^\d{5}$/;
/** France Travail job-seeker number: 7 digits and a check character, sometimes with a 3-character prefix. */
const NUMERO_DE = /^[0-9A-Z]{8,11}$/;

class Issues {
  readonly list: RecordIssue[] = [];
  error(code: RecordIssue['code'], field: string, message: string): void {
    this.list.push({ code, field, message, severity: 'error' });
  }
  warning(code: RecordIssue['code'], field: string, message: string): void {
    this.list.push({ code, field, message, severity: 'warning' });
  }
}

/**
 * A dossier as a person observation plus the mission locale's facts about them. Identifiers: the dossier id
 * (`mission_locale_imilo`) and, when present and well formed, the France Travail number (`france_travail`).
 * Values i-Milo leaves empty are `undefined` in the observation (never "none": an empty mail in i-Milo does not
 * mean the person has no e-mail address).
 */
export function mapDossier(dto: DossierMiloDto): Mapped<MissionLocaleDossierRecord> {
  const issues = new Issues();
  const idDossier = String(dto.idDossier).trim();

  const birthName = cleanText(dto.nomNaissance);
  const usageName = cleanText(dto.nomUsage);
  const lastName = usageName ?? birthName ?? '';
  if (!lastName)
    issues.error('MISSING_FIELD', 'nomUsage', 'No name: nomUsage and nomNaissance are both empty');
  const firstName = cleanText(dto.prenom);
  if (!firstName) issues.error('MISSING_FIELD', 'prenom', 'The first name is empty');

  const birthDate = parseDate(dto.dateNaissance);
  let birthDateValue: string | undefined;
  if (birthDate === undefined) issues.error('MISSING_FIELD', 'dateNaissance', 'The birth date is empty');
  else if (isInvalid(birthDate))
    issues.error('INVALID_DATE', 'dateNaissance', 'The birth date is not a date');
  else birthDateValue = birthDate;

  const identifiers: PersonObservation['identifiers'] = [
    { system: 'mission_locale_imilo', value: idDossier },
  ];
  const numeroDE = cleanText(dto.numeroDE)?.replace(/\s+/g, '').toUpperCase();
  if (numeroDE !== undefined) {
    if (NUMERO_DE.test(numeroDE)) identifiers.push({ system: 'france_travail', value: numeroDE });
    else
      issues.warning(
        'INVALID_VALUE',
        'numeroDE',
        'The France Travail number is not 8 to 11 letters or digits',
      );
  }

  let email: string | undefined;
  const mail = cleanText(dto.mail);
  if (mail !== undefined) {
    if (EMAIL.test(mail)) email = mail;
    else issues.warning('INVALID_VALUE', 'mail', 'The e-mail address is not well formed');
  }

  const person: PersonObservation = {
    identifiers,
    lastName,
    birthName:
      birthName && usageName && normalizeName(birthName) !== normalizeName(usageName) ? birthName : null,
    firstNames: firstName ? [firstName] : [],
    birthDate: birthDateValue,
    email,
    address: mapAddress(dto, issues),
  };

  const structureName =
    cleanText(dto.structureRattachement?.nomOfficiel) ?? cleanText(dto.structureRattachement?.nomUsuel);
  const structure =
    dto.structureRattachement && structureName
      ? {
          code: cleanText(dto.structureRattachement.codeStructure) ?? null,
          name: structureName,
          usualName: cleanText(dto.structureRattachement.nomUsuel) ?? null,
        }
      : null;

  const record: Omit<MissionLocaleDossierRecord, 'contentHash'> = {
    idDossier,
    idJeune: cleanText(dto.idJeune) ?? null,
    person,
    structure,
    cej: mapCej(dto, issues),
    situations: dto.situations.map((situation, index) => mapSituation(situation, index, issues)),
  };
  return { record: { ...record, contentHash: hash(record) }, issues: issues.list };
}

function mapAddress(dto: DossierMiloDto, issues: Issues): ObservedAddress | undefined {
  const address = dto.adresse;
  if (!address) return undefined;
  const street = cleanText(
    [cleanText(address.numero), cleanText(address.libelleVoie)].filter(Boolean).join(' '),
  );
  const complement = cleanText(address.complement);
  const lines = [street, complement].filter((line): line is string => line !== undefined);
  let postalCode = cleanText(address.codePostal)?.replace(/\s+/g, '') ?? null;
  if (postalCode !== null && !POSTAL_CODE.test(postalCode)) {
    issues.warning('INVALID_VALUE', 'adresse.codePostal', 'The postal code is not five digits');
    postalCode = null;
  }
  const city = cleanText(address.commune) ?? null;
  if (lines.length === 0 && postalCode === null && city === null) return undefined;
  return { lines, postalCode, city };
}

function mapCej(dto: DossierMiloDto, issues: Issues): MissionLocaleCej | null {
  const cej = dto.accompagnementCEJ;
  const date = (raw: string | null, field: string): string | null => {
    const parsed = parseDate(raw);
    if (parsed === undefined) return null;
    if (isInvalid(parsed)) {
      issues.warning(
        'INVALID_DATE',
        `accompagnementCEJ.${field}`,
        `accompagnementCEJ.${field} is not a date`,
      );
      return null;
    }
    return parsed;
  };
  const startOn = date(cej.dateDebut, 'dateDebut');
  const plannedEndOn = date(cej.dateFinPrevue, 'dateFinPrevue');
  const actualEndOn = date(cej.dateFinReelle, 'dateFinReelle');
  const firstText = cleanText(cej.premierAccompagnement);
  const firstDate = parseDate(firstText);
  const firstAccompaniment =
    firstText === undefined ? null : isInvalid(firstDate) ? firstText : (firstDate ?? null);
  if (!cej.accompagnementCEJ && !startOn && !plannedEndOn && !actualEndOn) return null;
  return {
    active: cej.accompagnementCEJ && actualEndOn === null,
    startOn,
    plannedEndOn,
    actualEndOn,
    firstAccompaniment,
  };
}

function mapSituation(
  situation: DossierMiloDto['situations'][number],
  index: number,
  issues: Issues,
): MissionLocaleSituation {
  const field = `situations[${index}]`;
  const stateKey = normalizeName(situation.etat).replace(/ /g, '_');
  const state = STATES[stateKey] ?? null;
  if (state === null)
    issues.warning('INVALID_CODE', `${field}.etat`, `Unknown situation state ${quote(situation.etat)}`);
  const categoryLabel = cleanText(situation.categorieSituation) ?? '';
  const category = CATEGORIES[normalizeName(categoryLabel)] ?? null;
  if (category === null) {
    issues.warning(
      'INVALID_CODE',
      `${field}.categorieSituation`,
      `Unknown situation category ${quote(categoryLabel)}`,
    );
  }
  const endParsed = parseDate(situation.dateFin);
  let endOn: string | null = null;
  if (isInvalid(endParsed)) issues.warning('INVALID_DATE', `${field}.dateFin`, 'The end date is not a date');
  else endOn = endParsed ?? null;

  const romeCodes: string[] = [];
  const candidates: Array<[string, string | null]> = [
    ['codeRomeMetierExerce', situation.codeRomeMetierExerce],
    ['codeRomeMetierPrepare', situation.codeRomeMetierPrepare],
    ['codeRomePremierMetier', situation.codeRomePremierMetier],
  ];
  for (const [key, raw] of candidates) {
    const code = cleanText(raw)?.toUpperCase();
    if (code === undefined) continue;
    if (!ROME.test(code)) {
      issues.warning('INVALID_CODE', `${field}.${key}`, `Not a ROME code: ${quote(code)}`);
      continue;
    }
    if (!romeCodes.includes(code)) romeCodes.push(code);
  }
  return { state, category, categoryLabel, endOn, romeCodes };
}

/**
 * An appointment with its times as instants. i-Milo's times are wall-clock times of the structure: `timeZone`
 * (default Europe/Paris) must be the structure's zone for overseas missions locales.
 */
export function mapRdv(
  dto: RendezVousMiloDto,
  options: { timeZone?: string } = {},
): Mapped<MissionLocaleRdvRecord> {
  const issues = new Issues();
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const startsAt = naiveToZonedIso(dto.dateHeureDebut, timeZone);
  if (startsAt === null) {
    issues.error('INVALID_DATE', 'dateHeureDebut', 'The start is not a yyyy-MM-dd HH:mm:ss date-time');
  }
  let endsAt: string | null = null;
  const end = cleanText(dto.dateHeureFin);
  if (end !== undefined) {
    endsAt = naiveToZonedIso(end, timeZone);
    if (endsAt === null) {
      issues.warning('INVALID_DATE', 'dateHeureFin', 'The end is not a yyyy-MM-dd HH:mm:ss date-time');
    } else if (startsAt !== null && Date.parse(endsAt) < Date.parse(startsAt)) {
      issues.warning('INVALID_VALUE', 'dateHeureFin', 'The end is before the start');
      endsAt = null;
    }
  }
  const statusLabel = cleanText(dto.statut) ?? '';
  let status = RDV_STATUSES[normalizeName(statusLabel)];
  if (status === undefined) {
    issues.warning('INVALID_CODE', 'statut', `Unknown appointment status ${quote(statusLabel)}`);
    status = 'unspecified';
  }
  return {
    record: {
      id: String(dto.id).trim(),
      idDossier: String(dto.idDossier).trim(),
      startsAt: startsAt ?? '',
      endsAt,
      subject: cleanText(dto.objet) ?? null,
      adviser: cleanText(dto.conseiller) ?? null,
      place: cleanText(dto.lieu) ?? null,
      type: cleanText(dto.type) ?? null,
      status,
      statusLabel,
      comment: dto.commentaire?.trim() ? dto.commentaire.trim() : null,
    },
    issues: issues.list,
  };
}

/** A code from i-Milo in a message: short, and never a personal value (only enumerations go through here). */
function quote(value: string): string {
  return JSON.stringify(value.slice(0, 40));
}

function hash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
