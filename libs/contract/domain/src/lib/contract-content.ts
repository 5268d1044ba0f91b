import { createHash } from 'node:crypto';

import type { CodeListCode } from '@spie/referentiel/domain';

import { ContractException, ContractExceptionCode } from './contract.exception';

export interface ContractActionInput {
  /** `action` code of the objective's theme. */
  code?: string | null;
  /** Defaults to the référentiel label of `code`. */
  label?: string | null;
  dueDate?: string | null;
}

export interface ContractObjectiveInput {
  /** `theme` code. */
  themeCode: string;
  /** `objective` code of that theme. */
  code?: string | null;
  /** Defaults to the référentiel label of `code`. */
  label?: string | null;
  actions?: readonly ContractActionInput[];
}

export interface ContractActionContent {
  code: string | null;
  label: string;
  dueDate: string | null;
}

export interface ContractObjectiveContent {
  themeCode: string;
  code: string | null;
  label: string;
  actions: ContractActionContent[];
}

/** What the parties agree on and what the content hash covers: dates, objectives and actions, in order. */
export interface ContractContent {
  startDate: string | null;
  endDate: string | null;
  objectives: ContractObjectiveContent[];
}

/** One référentiel code named by a contract input, with its field. */
export interface ContractCodeReference {
  list: CodeListCode;
  code: string;
  field: string;
}

/** The référentiel entry fields contract checks need. */
export interface ContractReferentielEntry {
  listCode: string;
  code: string;
  label: string;
  parentCode: string | null;
}

/** End strictly after start (both YYYY-MM-DD). */
export function assertContractDates(startDate: string | null, endDate: string | null): void {
  if (startDate && endDate && endDate <= startDate) {
    throw new ContractException(
      ContractExceptionCode.InvalidDates,
      'The end date must be after the start date',
      {
        fields: ['endDate'],
      },
    );
  }
}

export function contractCodeReferences(
  objectives: readonly ContractObjectiveInput[],
): ContractCodeReference[] {
  return objectives.flatMap((objective, o) => [
    { list: 'theme' as const, code: objective.themeCode, field: `objectives.${o}.themeCode` },
    ...(objective.code
      ? [{ list: 'objective' as const, code: objective.code, field: `objectives.${o}.code` }]
      : []),
    ...(objective.actions ?? []).flatMap((action, a) =>
      action.code
        ? [{ list: 'action' as const, code: action.code, field: `objectives.${o}.actions.${a}.code` }]
        : [],
    ),
  ]);
}

const key = (list: string, code: string) => `${list}\u0000${code}`;

/**
 * Builds the content from an input whose codes are known to exist: codes must belong to the objective's theme, a
 * missing label takes the référentiel's, and an objective or action with neither code nor label is refused.
 */
export function resolveContractObjectives(
  objectives: readonly ContractObjectiveInput[],
  entries: readonly ContractReferentielEntry[],
): ContractObjectiveContent[] {
  const byKey = new Map(entries.map((entry) => [key(entry.listCode, entry.code), entry]));
  const outside: string[] = [];
  const unlabelled: string[] = [];
  const labelOf = (
    list: 'objective' | 'action',
    themeCode: string,
    item: { code?: string | null; label?: string | null },
    field: string,
  ) => {
    const entry = item.code ? byKey.get(key(list, item.code)) : undefined;
    if (entry && entry.parentCode !== themeCode) outside.push(`${field}.code`);
    const label = item.label?.trim() || entry?.label || null;
    if (!label) unlabelled.push(`${field}.label`);
    return label ?? '';
  };
  const content = objectives.map((objective, o) => ({
    themeCode: objective.themeCode,
    code: objective.code || null,
    label: labelOf('objective', objective.themeCode, objective, `objectives.${o}`),
    actions: (objective.actions ?? []).map((action, a) => ({
      code: action.code || null,
      label: labelOf('action', objective.themeCode, action, `objectives.${o}.actions.${a}`),
      dueDate: action.dueDate ?? null,
    })),
  }));
  if (outside.length > 0) {
    throw new ContractException(
      ContractExceptionCode.CodeOutsideTheme,
      "Some codes belong to another theme than their objective's",
      {
        fields: outside,
      },
    );
  }
  if (unlabelled.length > 0) {
    throw new ContractException(
      ContractExceptionCode.LabelRequired,
      'An objective or action needs a code or a label',
      {
        fields: unlabelled,
      },
    );
  }
  return content;
}

/** JSON with object keys sorted at every level and no insignificant whitespace: equal content, equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
}

/**
 * SHA-256 (hex) of the canonical JSON of the dates, objectives and actions: what was signed. Identifiers, statuses
 * and provenance are not content and are left out, so a copy of a version (an amendment) hashes the same.
 */
export function contractContentHash(content: ContractContent): string {
  const canonical: ContractContent = {
    startDate: content.startDate,
    endDate: content.endDate,
    objectives: content.objectives.map((objective) => ({
      themeCode: objective.themeCode,
      code: objective.code,
      label: objective.label,
      actions: objective.actions.map((action) => ({
        code: action.code,
        label: action.label,
        dueDate: action.dueDate,
      })),
    })),
  };
  return createHash('sha256').update(canonicalJson(canonical), 'utf8').digest('hex');
}

/** The calendar date of an instant where the contract is followed (metropolitan France by default), YYYY-MM-DD. */
export function localDateOf(instant: Date, timeZone = 'Europe/Paris'): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
