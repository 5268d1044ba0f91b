import { DiagnosticException, DiagnosticExceptionCode } from './diagnostic.exception';

/** A code answered with a value: a France Travail need (`BESOIN`…) or constraint (`OUI`…). */
export interface GradedCodeInput {
  code: string;
  value: string;
}

/** What is known under one theme. A theme listed with nothing under it records nothing. */
export interface DiagnosticThemeInput {
  /** `theme` code. */
  code: string;
  /** `situation` codes of this theme. */
  situations?: readonly string[];
  /** `objective` codes of this theme, graded with a `ft-besoin-value` (POINT_FORT, BESOIN, NON_EXPLORE). */
  needs?: readonly GradedCodeInput[];
  /** `ft-contrainte` codes of this theme, graded with one of the contrainte's values (OUI, NON_ABORDEE, CLOTUREE). */
  constraints?: readonly GradedCodeInput[];
  /**
   * `objective` codes of this theme worked on, graded with their progress (`OBJECTIVE_PROGRESS_VALUES`): the
   * objectifs of a France Travail contrainte.
   */
  objectives?: readonly GradedCodeInput[];
}

/** Progress of an objective worked on (France Travail `objectifs[].valeur`). */
export const OBJECTIVE_PROGRESS_VALUES = ['NON_ABORDE', 'EN_COURS', 'REALISE', 'ABANDONNE'] as const;

export interface DiagnosticProjectInput {
  /** ROME code, e.g. `K1303`. */
  romeCode: string;
  label?: string | null;
  mobilityRadiusKm?: number | null;
}

/**
 * A diagnostic as stated by its author. `themes` and `projects` are the whole new state (what is not listed is no
 * longer true); a scalar left out (`undefined`) keeps the previous version's value, an explicit `null` clears it.
 */
export interface DiagnosticInput {
  /** `education-level` code. */
  educationLevel?: string | null;
  /** `work-situation` code. */
  workSituation?: string | null;
  /** YYYY-MM-DD. */
  workSituationSince?: string | null;
  rqth?: boolean | null;
  themes: readonly DiagnosticThemeInput[];
  projects: readonly DiagnosticProjectInput[];
}

/** ROME 4 job codes: a domain letter A–N and four digits. */
export const ROME_CODE_PATTERN = /^[A-N]\d{4}$/;

/**
 * Checks what needs no référentiel: one entry per theme, per code within a theme and per ROME code, and the ROME
 * format. Throws a `DiagnosticException` naming every field at fault.
 */
export function assertValidDiagnosticInput(input: DiagnosticInput): void {
  const seenThemes = new Set<string>();
  for (const [t, theme] of input.themes.entries()) {
    if (seenThemes.has(theme.code)) {
      throw new DiagnosticException(
        DiagnosticExceptionCode.DuplicateTheme,
        `Theme ${theme.code} is listed twice`,
        {
          fields: [`themes.${t}.code`],
        },
      );
    }
    seenThemes.add(theme.code);
    const groups = [
      ['situations', (theme.situations ?? []).map((code) => ({ code }))],
      ['needs', theme.needs ?? []],
      ['constraints', theme.constraints ?? []],
      ['objectives', theme.objectives ?? []],
    ] as const;
    for (const [group, items] of groups) {
      const seen = new Set<string>();
      for (const [i, item] of items.entries()) {
        if (seen.has(item.code)) {
          throw new DiagnosticException(
            DiagnosticExceptionCode.DuplicateItem,
            `Code ${item.code} is listed twice under theme ${theme.code}`,
            {
              fields: [
                group === 'situations' ? `themes.${t}.situations.${i}` : `themes.${t}.${group}.${i}.code`,
              ],
            },
          );
        }
        seen.add(item.code);
      }
    }
    for (const [i, objective] of (theme.objectives ?? []).entries()) {
      if (!(OBJECTIVE_PROGRESS_VALUES as readonly string[]).includes(objective.value)) {
        throw new DiagnosticException(
          DiagnosticExceptionCode.InvalidValue,
          `${objective.value} is not an objective progress (${OBJECTIVE_PROGRESS_VALUES.join(', ')})`,
          { fields: [`themes.${t}.objectives.${i}.value`] },
        );
      }
    }
  }
  const seenProjects = new Set<string>();
  for (const [p, project] of input.projects.entries()) {
    if (!ROME_CODE_PATTERN.test(project.romeCode)) {
      throw new DiagnosticException(
        DiagnosticExceptionCode.InvalidRomeCode,
        `${project.romeCode} is not a ROME code`,
        {
          fields: [`projects.${p}.romeCode`],
        },
      );
    }
    if (seenProjects.has(project.romeCode)) {
      throw new DiagnosticException(
        DiagnosticExceptionCode.DuplicateProject,
        `ROME code ${project.romeCode} is listed twice`,
        {
          fields: [`projects.${p}.romeCode`],
        },
      );
    }
    seenProjects.add(project.romeCode);
  }
}
