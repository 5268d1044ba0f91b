import { REFERENTIEL_V1, type CodeListCode } from '@spie/referentiel/domain';

import { ACTIONS_COLUMNS, type ActionsColumn } from '../actions/actions.types';
import { PRINCIPAL_COLUMNS, type PrincipalColumn } from '../principal/principal.types';

/**
 * Builders of France Travail files in their real layouts, for tests, demos and benches (the project's own suite must
 * not need the public samples): the "fichier principal" (44 columns) and "fichier actions" (11 columns) as France
 * Travail writes them (`;`, `NULL` for no value, dates `YYYY-MM-DD 00:00:00.0`), and diagnostic API answers.
 */

/** A line: the columns given; the others are `NULL`. A value is written as given (no escaping of `;`). */
export type PrincipalLine = Partial<Record<PrincipalColumn, string | null>>;
export type ActionLine = Partial<Record<ActionsColumn, string | null>>;

/** A date as France Travail's extracts write it. */
export function ftDate(isoDate: string): string {
  return `${isoDate} 00:00:00.0`;
}

function csv<C extends string>(
  columns: readonly C[],
  lines: ReadonlyArray<Partial<Record<C, string | null>>>,
): Buffer {
  const text = [
    columns.join(';'),
    ...lines.map((line) => columns.map((column) => line[column] ?? 'NULL').join(';')),
  ].join('\n');
  return Buffer.from(`${text}\n`, 'utf8');
}

export function buildPrincipalFile(lines: readonly PrincipalLine[]): Buffer {
  return csv(PRINCIPAL_COLUMNS, lines);
}

export function buildActionsFile(lines: readonly ActionLine[]): Buffer {
  return csv(ACTIONS_COLUMNS, lines);
}

export interface DiagnosticContrainteSpec {
  /** `ft-contrainte` code (23–29), or any code to exercise unknown ones. */
  code: string;
  valeur: string;
  situations?: Array<{ code: string; valeur: string }>;
  objectifs?: Array<{ code: string; valeur: string }>;
}

export interface DiagnosticAnswerSpec {
  identifiant: string;
  /** ISO 8601 instant of the last change (`dateDeModification`). */
  modifiedAt: string;
  /** France Travail adviser id. */
  conseiller?: string;
  contraintes?: DiagnosticContrainteSpec[];
  /** Besoins of one target job (France Travail besoin codes 1–21 with `POINT_FORT`, `BESOIN`, `NON_EXPLORE`). */
  besoins?: Array<{ code: string; valeur: string }>;
  /** The target job's name (the API identifies it by an encrypted id, never a ROME code). */
  nomMetier?: string;
}

function label(list: CodeListCode, code: string): string {
  const entries = REFERENTIEL_V1.lists.find((candidate) => candidate.code === list)?.entries ?? [];
  return entries.find((entry) => entry.code === code)?.label ?? `Libellé ${code}`;
}

function besoinLabel(code: string): string {
  const objectives = REFERENTIEL_V1.lists.find((list) => list.code === 'objective')?.entries ?? [];
  return (
    objectives.find((entry) => entry.externalCodes?.['franceTravailBesoin'] === code)?.label ??
    `Besoin ${code}`
  );
}

/** One `{ identifiant, dossier }` of the diagnostic API, with France Travail's labels for known codes. */
export function buildDiagnosticAnswer(spec: DiagnosticAnswerSpec): Record<string, unknown> {
  return {
    identifiant: spec.identifiant,
    dossier: {
      besoinsParDiagnosticIndividuDtos:
        spec.besoins === undefined
          ? []
          : [
              {
                dateMiseAJour: spec.modifiedAt,
                estPrioritaire: true,
                idMetierChiffre: `${spec.identifiant}#metier`,
                nomMetier: spec.nomMetier ?? 'Boulanger',
                statut: 'EN_COURS',
                typologie: 'métier recherché',
                besoins: spec.besoins.map((besoin) => ({ ...besoin, libelle: besoinLabel(besoin.code) })),
              },
            ],
      contraintesIndividusDto: {
        code: '7',
        libelle: 'Résoudre ses contraintes personnelles',
        conseiller: spec.conseiller ?? 'conseiller01',
        dateDeModification: spec.modifiedAt,
        contraintes: (spec.contraintes ?? []).map((contrainte) => ({
          code: contrainte.code,
          libelle: label('ft-contrainte', contrainte.code),
          valeur: contrainte.valeur,
          date: spec.modifiedAt,
          situations: (contrainte.situations ?? []).map((situation) => ({
            ...situation,
            libelle: label('ft-situation-value', situation.code),
          })),
          objectifs: (contrainte.objectifs ?? []).map((objectif) => ({
            ...objectif,
            libelle: label('ft-objectif-value', objectif.code),
          })),
        })),
      },
    },
  };
}

/** A diagnostic file: the answers as a JSON array. */
export function buildDiagnosticFile(answers: readonly DiagnosticAnswerSpec[]): Buffer {
  return Buffer.from(JSON.stringify(answers.map(buildDiagnosticAnswer)), 'utf8');
}
