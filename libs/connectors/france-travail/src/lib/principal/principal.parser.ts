import type { Readable } from 'node:stream';
import {
  neutraliseFormula,
  type FileHeader,
  type ObservedAddress,
  type ParsedItem,
  type PersonObservation,
} from '@spie/ingestion/domain';
import { ROME_CODE } from '../shared/codes';
import { readCsv } from '../shared/csv-reader';
import { KeySet } from '../shared/key-set';
import { rejectBadLine, toParsedItem } from '../shared/records';
import { RowReader } from '../shared/row-reader';
import {
  PRINCIPAL_COLUMNS,
  type FranceTravailPrincipalRecord,
  type FranceTravailProject,
  type FranceTravailReferent,
} from './principal.types';

export interface ParsePrincipalOptions {
  onHeader?(header: FileHeader): void;
  /** Longest line accepted, in bytes (default 64 KiB); a longer one stops the file with LINE_TOO_LONG. */
  maxRecordSize?: number;
}

const DEPARTMENT_CODE = /^(0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-8]|98[6-8])$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const POSTAL_LINE = /^(\d{5})\s+(.+)$/;

const FEMALE = new Set(['MME', 'MADAME', 'MLLE', 'MELLE', 'MADEMOISELLE', 'F']);
const MALE = new Set(['M', 'MR', 'MONSIEUR', 'H']);

/**
 * Streams the France Travail "fichier principal" (44 columns, `;`, `NULL` for no value) as one parsed item per line.
 * Key: `identifiant_unique_de`. Whole-file faults throw `IngestFileError` (EMPTY_FILE, CSV_MISSING_HEADERS,
 * LINE_TOO_LONG, encoding); line faults are rejected records (CSV_MALFORMED, MISSING_FIELD, INVALID_DATE,
 * DUPLICATE_IN_FILE). Unknown extra columns are reported in the header details (`unknownHeaders`).
 */
export async function* parsePrincipalFile(
  input: Readable | AsyncIterable<Buffer | string>,
  options: ParsePrincipalOptions = {},
): AsyncGenerator<ParsedItem<FranceTravailPrincipalRecord>> {
  const seen = new KeySet();
  for await (const item of readCsv(input, {
    columns: PRINCIPAL_COLUMNS,
    onHeader: options.onHeader,
    maxRecordSize: options.maxRecordSize,
  })) {
    if (item.kind === 'bad') {
      yield rejectBadLine(item.line);
      continue;
    }
    const reader = new RowReader(item.row);
    const data = mapPrincipalRow(reader);
    yield toParsedItem(
      item.row.position,
      data.franceTravailId === '' ? null : data.franceTravailId,
      data,
      reader.issues,
      seen,
      'identifiant_unique_de',
    );
  }
}

function mapPrincipalRow(row: RowReader): FranceTravailPrincipalRecord {
  const franceTravailId = row.required('identifiant_unique_de') ?? '';
  const birthPlaceName = row.text('lieu_naissance');
  const birthPlaceCode = row.text('code_lieu_naissance');
  const person: PersonObservation = {
    identifiers: franceTravailId ? [{ system: 'france_travail', value: franceTravailId }] : [],
    lastName: row.required('nom') ?? '',
    firstNames: splitFirstNames(row),
    birthDate: row.date('date_naissance'),
    birthPlace:
      birthPlaceName && birthPlaceCode
        ? `${birthPlaceName} (${birthPlaceCode})`
        : (birthPlaceName ?? birthPlaceCode),
    sex: sexOf(row),
    address: addressOf(row),
  };

  const departmentCode = row.text('departement');
  if (departmentCode !== null && !DEPARTMENT_CODE.test(departmentCode)) {
    row.warn(
      'INVALID_CODE',
      'departement',
      `departement "${departmentCode}" is not a French department code`,
    );
  }

  return {
    franceTravailId,
    person,
    birthPlaceCode,
    departmentCode,
    regionCode: row.text('dr'),
    rsaBeneficiary: row.flag('brsa'),
    registration: {
      registeredOn: row.date('inscription'),
      reasonCode: row.text('code_motif_inscription'),
      reason: row.text('motif_inscription'),
      category: row.text('categorie_inscription'),
    },
    agency: { safirCode: row.text('code_safir'), name: row.text('struct_principale') },
    followUp: {
      structure: row.text('struct_suivi'),
      startOn: row.date('suivi_debut'),
      plannedEndOn: row.date('suivi_fin_prev'),
    },
    referent: referentOf(row),
    accompanimentMode: row.text('modalite_accompagnement'),
    lastPpaeInterviewOn: row.date('der_entretien_ppae'),
    lastInterviewOn: row.date('der_entretien'),
    projects: projectsOf(row),
    searchAxes: {
      main: row.text('mrech.axetravailprincipal'),
      secondary: row.text('mrech.axetravailsecondaire'),
    },
    difficulties: {
      financiere: row.flag('dif_financiere'),
      adminJuridique: row.flag('dif_admin_jur'),
      sante: row.flag('dif_sante'),
      logement: row.flag('dif_logement'),
      transport: row.flag('dif_transport'),
      insertionCommunication: row.flag('dif_inser_com'),
      familiale: row.flag('dif_familiale'),
    },
  };
}

/**
 * `prenom` may list several first names separated by commas: split first, then each one kept as text when it starts
 * like a formula (`LEA,=CMD()` would otherwise store a first name starting with `=`).
 */
function splitFirstNames(row: RowReader): string[] {
  const value = row.raw('prenom');
  if (value === null) return [];
  let neutralisedAny = false;
  const names = value
    .split(',')
    .map((name) => name.trim().replace(/\s+/g, ' '))
    .filter((name) => name !== '')
    .map((name) => {
      const { value: safe, neutralised } = neutraliseFormula(name);
      neutralisedAny ||= neutralised;
      return safe;
    });
  if (neutralisedAny)
    row.warn('FORMULA_NEUTRALISED', 'prenom', 'prenom starts like a spreadsheet formula; kept as text');
  return names;
}

function sexOf(row: RowReader): 'F' | 'M' | null | undefined {
  const civility = row.text('civilite');
  if (civility === null) return null;
  const normalised = civility.toUpperCase().replace(/[.\s]/g, '');
  if (FEMALE.has(normalised)) return 'F';
  if (MALE.has(normalised)) return 'M';
  row.warn('INVALID_VALUE', 'civilite', `civilite "${civility}" is neither MME nor M.; sex left unknown`);
  return undefined;
}

/**
 * `adresse_ligne2` to `adresse_ligne6` in the AFNOR NF Z10-011 order (ligne 1, the name, is not sent). The last line
 * shaped `NNNNN CITY` gives the postal code and city and leaves `lines`; a foreign address keeps all its lines.
 */
function addressOf(row: RowReader): ObservedAddress | null {
  const lines = (
    ['adresse_ligne2', 'adresse_ligne3', 'adresse_ligne4', 'adresse_ligne5', 'adresse_ligne6'] as const
  )
    .map((column) => row.text(column))
    .filter((line): line is string => line !== null);
  if (lines.length === 0) return null;
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = POSTAL_LINE.exec(lines[i]);
    if (match) {
      return {
        lines: lines.filter((_, j) => j !== i),
        postalCode: match[1],
        city: match[2],
      };
    }
  }
  return { lines, postalCode: null, city: null };
}

function referentOf(row: RowReader): FranceTravailReferent | null {
  const referent: FranceTravailReferent = {
    civility: row.text('referent_civilite'),
    lastName: row.text('referent_nom'),
    firstName: row.text('referent_prenom'),
    email: row.text('referent_mail'),
  };
  if (referent.email !== null && !EMAIL.test(referent.email)) {
    row.warn('INVALID_VALUE', 'referent_mail', 'referent_mail is not an e-mail address');
  }
  return Object.values(referent).every((value) => value === null) ? null : referent;
}

function projectsOf(row: RowReader): FranceTravailProject[] {
  const projects: FranceTravailProject[] = [];
  for (const [codeColumn, labelColumn] of [
    ['rome_1', 'appelation_rome_1'],
    ['rome_2', 'appelation_rome_2'],
  ] as const) {
    const code = row.text(codeColumn);
    const label = row.text(labelColumn);
    if (code === null) {
      if (label !== null) {
        row.warn('MISSING_FIELD', codeColumn, `${labelColumn} "${label}" has no ROME code; project left out`);
      }
      continue;
    }
    const romeCode = code.toUpperCase();
    if (!ROME_CODE.test(romeCode)) {
      row.warn(
        'INVALID_CODE',
        codeColumn,
        `${codeColumn} "${code}" is not a ROME code (${label ?? 'no label'}); project left out`,
      );
      continue;
    }
    if (!projects.some((project) => project.romeCode === romeCode)) projects.push({ romeCode, label });
  }
  return projects;
}
