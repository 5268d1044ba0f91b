import type { DiagnosticInput } from './diagnostic-input';

/** Kinds of items a diagnostic holds under a theme (the recording input uses the first three). */
export const DIAGNOSTIC_ITEM_KINDS = ['situation', 'need', 'constraint', 'strength', 'objective'] as const;
export type DiagnosticItemKind = (typeof DIAGNOSTIC_ITEM_KINDS)[number];

export interface DiagnosticSnapshotItem<P> {
  themeCode: string;
  kind: DiagnosticItemKind;
  code: string;
  value: string | null;
  /** Where the item came from: the version that first stated it with this value. */
  provenance: P;
}

export interface DiagnosticSnapshotProject<P> {
  romeCode: string;
  label: string | null;
  mobilityRadiusKm: number | null;
  provenance: P;
}

/** The content of one diagnostic version, independent of storage. `P` is the provenance type. */
export interface DiagnosticSnapshot<P> {
  educationLevel: string | null;
  workSituation: string | null;
  workSituationSince: string | null;
  rqth: boolean | null;
  items: DiagnosticSnapshotItem<P>[];
  projects: DiagnosticSnapshotProject<P>[];
}

const itemKey = (item: { themeCode: string; kind: string; code: string }) =>
  `${item.themeCode}\u0000${item.kind}\u0000${item.code}`;

/**
 * The next version of a diagnostic: the input's themes and projects replace the previous ones; scalars left out keep
 * their previous value. An item or project stated again unchanged keeps its original provenance (who said it first,
 * and when); a new or changed one gets `provenance`.
 */
export function buildNextDiagnosticSnapshot<P>(
  previous: DiagnosticSnapshot<P> | null,
  input: DiagnosticInput,
  provenance: P,
): DiagnosticSnapshot<P> {
  const previousItems = new Map((previous?.items ?? []).map((item) => [itemKey(item), item]));
  const carry = (
    themeCode: string,
    kind: DiagnosticItemKind,
    code: string,
    value: string | null,
  ): DiagnosticSnapshotItem<P> => {
    const before = previousItems.get(itemKey({ themeCode, kind, code }));
    return {
      themeCode,
      kind,
      code,
      value,
      provenance: before && before.value === value ? before.provenance : provenance,
    };
  };
  const items = input.themes.flatMap((theme) => [
    ...(theme.situations ?? []).map((code) => carry(theme.code, 'situation', code, null)),
    ...(theme.needs ?? []).map((need) => carry(theme.code, 'need', need.code, need.value)),
    ...(theme.constraints ?? []).map((constraint) =>
      carry(theme.code, 'constraint', constraint.code, constraint.value),
    ),
  ]);

  const previousProjects = new Map((previous?.projects ?? []).map((project) => [project.romeCode, project]));
  const projects = input.projects.map((project): DiagnosticSnapshotProject<P> => {
    const label = project.label?.trim() || null;
    const mobilityRadiusKm = project.mobilityRadiusKm ?? null;
    const before = previousProjects.get(project.romeCode);
    const unchanged = before && before.label === label && before.mobilityRadiusKm === mobilityRadiusKm;
    return {
      romeCode: project.romeCode,
      label,
      mobilityRadiusKm,
      provenance: unchanged ? before.provenance : provenance,
    };
  });

  const scalar = <K extends 'educationLevel' | 'workSituation' | 'workSituationSince' | 'rqth'>(key: K) =>
    (input[key] === undefined ? (previous?.[key] ?? null) : input[key]) as DiagnosticSnapshot<P>[K];

  return {
    educationLevel: scalar('educationLevel'),
    workSituation: scalar('workSituation'),
    workSituationSince: scalar('workSituationSince'),
    rqth: scalar('rqth'),
    items,
    projects,
  };
}
