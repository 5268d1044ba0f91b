import type { DiagnosticInput, DiagnosticThemeInput } from './diagnostic-input';
import type { DiagnosticSnapshot } from './diagnostic-snapshot';

/** Kinds of diagnostic items a person may ask to correct from the portal. */
export const CORRECTABLE_ITEM_KINDS = ['situation', 'need', 'constraint'] as const;
export type CorrectableItemKind = (typeof CORRECTABLE_ITEM_KINDS)[number];

/**
 * One value of the diagnostic the person says is wrong: a situation to add or remove under a theme, or a need or
 * constraint to grade differently (or remove). `value` is the grade of a need or constraint; a situation has none.
 */
export interface DiagnosticItemCorrection {
  themeCode: string;
  kind: CorrectableItemKind;
  code: string;
  /** True: the item is not true of the person and goes; false: it is added or regraded. */
  remove: boolean;
  value: string | null;
}

const GROUP = { situation: 'situations', need: 'needs', constraint: 'constraints' } as const;

/**
 * The diagnostic input that states the current version again with one item corrected: every other theme, item,
 * project and scalar is restated as it is (so `buildNextDiagnosticSnapshot` keeps their provenance), and the corrected
 * item alone is new. The result is the whole new state, as `recordDiagnostic` expects it.
 */
export function correctedDiagnosticInput<P>(
  current: DiagnosticSnapshot<P> | null,
  correction: DiagnosticItemCorrection,
): DiagnosticInput {
  const themes = new Map<string, Required<Omit<DiagnosticThemeInput, 'code'>>>();
  const themeOf = (code: string) => {
    let theme = themes.get(code);
    if (!theme) {
      theme = { situations: [], needs: [], constraints: [], objectives: [] };
      themes.set(code, theme);
    }
    return theme;
  };
  const same = (item: { themeCode: string; kind: string; code: string }) =>
    item.themeCode === correction.themeCode && item.kind === correction.kind && item.code === correction.code;
  for (const item of current?.items ?? []) {
    if (same(item)) continue;
    const theme = themeOf(item.themeCode);
    if (item.kind === 'situation') theme.situations = [...theme.situations, item.code];
    else if (item.kind === 'need')
      theme.needs = [...theme.needs, { code: item.code, value: item.value ?? '' }];
    else if (item.kind === 'constraint')
      theme.constraints = [...theme.constraints, { code: item.code, value: item.value ?? '' }];
    else if (item.kind === 'objective')
      theme.objectives = [...theme.objectives, { code: item.code, value: item.value ?? '' }];
  }
  if (!correction.remove) {
    const theme = themeOf(correction.themeCode);
    if (correction.kind === 'situation') theme.situations = [...theme.situations, correction.code];
    else {
      const group = GROUP[correction.kind];
      theme[group] = [...theme[group], { code: correction.code, value: correction.value ?? '' }];
    }
  }
  return {
    themes: [...themes.entries()]
      .map(([code, theme]) => ({ code, ...theme }))
      .filter(
        (theme) =>
          theme.situations.length + theme.needs.length + theme.constraints.length + theme.objectives.length >
          0,
      ),
    projects: (current?.projects ?? []).map((project) => ({
      romeCode: project.romeCode,
      label: project.label,
      mobilityRadiusKm: project.mobilityRadiusKm,
    })),
  };
}
