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
    ...(theme.objectives ?? []).map((objective) =>
      carry(theme.code, 'objective', objective.code, objective.value),
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

/**
 * The next version when one source states what it knows (a partner's diagnostic, e.g. France Travail's): the input is
 * the whole of what that source now says, so the items and projects the source stated before are replaced by it,
 * while what other sources stated stays. An item the input states again replaces another source's item with the same
 * theme, kind and code (the latest statement wins; an unchanged value keeps its first provenance). Scalars left out
 * keep their value, as in `buildNextDiagnosticSnapshot`.
 */
export function buildNextSourceSnapshot<P>(
  previous: DiagnosticSnapshot<P> | null,
  input: DiagnosticInput,
  provenance: P,
  statedBySource: (provenance: P) => boolean,
): DiagnosticSnapshot<P> {
  const stated = buildNextDiagnosticSnapshot(previous, input, provenance);
  const restated = new Set(stated.items.map(itemKey));
  const restatedProjects = new Set(stated.projects.map((project) => project.romeCode));
  const kept = (previous?.items ?? []).filter(
    (item) => !statedBySource(item.provenance) && !restated.has(itemKey(item)),
  );
  const keptProjects = (previous?.projects ?? []).filter(
    (project) => !statedBySource(project.provenance) && !restatedProjects.has(project.romeCode),
  );
  return { ...stated, items: [...kept, ...stated.items], projects: [...keptProjects, ...stated.projects] };
}

/** True when two versions say the same thing (provenance aside): recording the second would add nothing. */
export function sameDiagnosticContent<P>(a: DiagnosticSnapshot<P>, b: DiagnosticSnapshot<P>): boolean {
  const items = (snapshot: DiagnosticSnapshot<P>) =>
    snapshot.items.map((item) => `${itemKey(item)}\u0000${item.value ?? ''}`).sort();
  const projects = (snapshot: DiagnosticSnapshot<P>) =>
    snapshot.projects
      .map(
        (project) => `${project.romeCode}\u0000${project.label ?? ''}\u0000${project.mobilityRadiusKm ?? ''}`,
      )
      .sort();
  return (
    a.educationLevel === b.educationLevel &&
    a.workSituation === b.workSituation &&
    a.workSituationSince === b.workSituationSince &&
    a.rqth === b.rqth &&
    JSON.stringify(items(a)) === JSON.stringify(items(b)) &&
    JSON.stringify(projects(a)) === JSON.stringify(projects(b))
  );
}
