import type { CodeListCode } from '@spie/referentiel/domain';

import type { DiagnosticInput } from './diagnostic-input';
import { DiagnosticException, DiagnosticExceptionCode } from './diagnostic.exception';

/** One référentiel code named by a diagnostic input, with the input field it sits in. */
export interface DiagnosticCodeReference {
  list: CodeListCode;
  code: string;
  /** Input path, e.g. `themes.0.needs.1.code`. */
  field: string;
}

/** The référentiel entry fields the theme checks need (a subset of a stored code-list entry). */
export interface ReferentielEntryView {
  listCode: string;
  code: string;
  parentCode: string | null;
  externalCodes: Record<string, string>;
  attributes: Record<string, string | number | boolean>;
}

/** Every code of the input, by list, for the existence check against the référentiel. */
export function diagnosticCodeReferences(input: DiagnosticInput): DiagnosticCodeReference[] {
  const references: DiagnosticCodeReference[] = [];
  if (input.educationLevel)
    references.push({ list: 'education-level', code: input.educationLevel, field: 'educationLevel' });
  if (input.workSituation)
    references.push({ list: 'work-situation', code: input.workSituation, field: 'workSituation' });
  for (const [t, theme] of input.themes.entries()) {
    references.push({ list: 'theme', code: theme.code, field: `themes.${t}.code` });
    for (const [i, code] of (theme.situations ?? []).entries()) {
      references.push({ list: 'situation', code, field: `themes.${t}.situations.${i}` });
    }
    for (const [i, need] of (theme.needs ?? []).entries()) {
      references.push({ list: 'objective', code: need.code, field: `themes.${t}.needs.${i}.code` });
      references.push({ list: 'ft-besoin-value', code: need.value, field: `themes.${t}.needs.${i}.value` });
    }
    for (const [i, objective] of (theme.objectives ?? []).entries()) {
      references.push({ list: 'objective', code: objective.code, field: `themes.${t}.objectives.${i}.code` });
    }
    for (const [i, constraint] of (theme.constraints ?? []).entries()) {
      references.push({
        list: 'ft-contrainte',
        code: constraint.code,
        field: `themes.${t}.constraints.${i}.code`,
      });
    }
  }
  return references;
}

export const referentielEntryKey = (list: string, code: string): string => `${list}\u0000${code}`;

/**
 * Once every code is known to exist: checks that situations, needs and objectives belong to the theme they are listed
 * under, that a France Travail constraint is the one mapped to that theme, and that its value is one it accepts.
 */
export function assertCodesFitThemes(input: DiagnosticInput, entries: readonly ReferentielEntryView[]): void {
  const byKey = new Map(entries.map((entry) => [referentielEntryKey(entry.listCode, entry.code), entry]));
  const outside: string[] = [];
  const invalidValues: string[] = [];
  for (const [t, theme] of input.themes.entries()) {
    for (const [i, code] of (theme.situations ?? []).entries()) {
      const entry = byKey.get(referentielEntryKey('situation', code));
      if (entry && entry.parentCode !== theme.code) outside.push(`themes.${t}.situations.${i}`);
    }
    for (const [i, need] of (theme.needs ?? []).entries()) {
      const entry = byKey.get(referentielEntryKey('objective', need.code));
      if (entry && entry.parentCode !== theme.code) outside.push(`themes.${t}.needs.${i}.code`);
    }
    for (const [i, objective] of (theme.objectives ?? []).entries()) {
      const entry = byKey.get(referentielEntryKey('objective', objective.code));
      if (entry && entry.parentCode !== theme.code) outside.push(`themes.${t}.objectives.${i}.code`);
    }
    for (const [i, constraint] of (theme.constraints ?? []).entries()) {
      const entry = byKey.get(referentielEntryKey('ft-contrainte', constraint.code));
      if (!entry) continue;
      if (entry.externalCodes['theme'] !== theme.code) outside.push(`themes.${t}.constraints.${i}.code`);
      const accepted = String(entry.attributes['valeurs'] ?? '')
        .split('|')
        .filter(Boolean);
      if (!accepted.includes(constraint.value)) invalidValues.push(`themes.${t}.constraints.${i}.value`);
    }
  }
  if (outside.length > 0) {
    throw new DiagnosticException(
      DiagnosticExceptionCode.CodeOutsideTheme,
      'Some codes belong to another theme',
      {
        fields: outside,
      },
    );
  }
  if (invalidValues.length > 0) {
    throw new DiagnosticException(
      DiagnosticExceptionCode.InvalidValue,
      'Some constraint values are not accepted',
      {
        fields: invalidValues,
      },
    );
  }
}
