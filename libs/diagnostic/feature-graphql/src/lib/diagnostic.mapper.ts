import type {
  DiagnosticEntity,
  DiagnosticItemEntity,
  DiagnosticWithContent,
  ReferentielLabel,
} from '@spie/diagnostic/data-access';
import { referentielEntryKey } from '@spie/diagnostic/domain';

import type {
  DiagnosticDTO,
  DiagnosticGradedItemDTO,
  DiagnosticSummaryDTO,
  DiagnosticThemeDTO,
} from './dtos/diagnostic.dto';

/** Référentiel list of each kind of item shown under a theme. */
const ITEM_LISTS = {
  situation: 'situation',
  need: 'objective',
  constraint: 'ft-contrainte',
  objective: 'objective',
} as const;
type ShownKind = keyof typeof ITEM_LISTS;
type ShownItem = DiagnosticItemEntity & { kind: ShownKind };
const isShown = (item: DiagnosticItemEntity): item is ShownItem => item.kind in ITEM_LISTS;

export function toDiagnosticDTO(diagnostic: DiagnosticWithContent): DiagnosticDTO {
  return {
    id: diagnostic.id,
    version: diagnostic.version,
    createdAt: diagnostic.createdAt,
    educationLevel: diagnostic.educationLevel,
    workSituation: diagnostic.workSituation,
    workSituationSince: diagnostic.workSituationSince,
    rqth: diagnostic.rqth,
    referentielVersion: diagnostic.referentielVersion,
    projects: diagnostic.projects.map((project) => ({
      romeCode: project.romeCode,
      label: project.label,
      mobilityRadiusKm: project.mobilityRadiusKm,
      provenance: project.provenance,
    })),
    provenance: diagnostic.provenance,
    personId: diagnostic.personId,
    authorAgentId: diagnostic.authorAgentId,
    authorOrganisationId: diagnostic.authorOrganisationId,
    items: diagnostic.items,
  };
}

export function toDiagnosticSummaryDTO(diagnostic: DiagnosticEntity): DiagnosticSummaryDTO {
  return {
    version: diagnostic.version,
    createdAt: diagnostic.createdAt,
    source: diagnostic.provenance.source,
  };
}

/** Keys (`referentielEntryKey`) of every label the themes of these items need. */
export function referentielKeysOf(items: readonly DiagnosticItemEntity[]): string[] {
  const shown = items.filter(isShown);
  return [
    ...new Set([
      ...shown.map((item) => referentielEntryKey('theme', item.themeCode)),
      ...shown.map((item) => referentielEntryKey(ITEM_LISTS[item.kind], item.code)),
    ]),
  ];
}

/**
 * Groups items by theme, themes and items in référentiel order (then by code), with the référentiel's labels (the
 * code itself when an entry is missing).
 */
export function toDiagnosticThemeDTOs(
  items: readonly DiagnosticItemEntity[],
  labels: ReadonlyMap<string, ReferentielLabel>,
): DiagnosticThemeDTO[] {
  const entryOf = (list: string, code: string) => labels.get(referentielEntryKey(list, code));
  const inReferentielOrder = (list: string) => (a: { code: string }, b: { code: string }) =>
    (entryOf(list, a.code)?.position ?? Number.MAX_SAFE_INTEGER) -
      (entryOf(list, b.code)?.position ?? Number.MAX_SAFE_INTEGER) || a.code.localeCompare(b.code);
  const shown = items.filter(isShown);
  const graded = (themeCode: string, kind: ShownKind): DiagnosticGradedItemDTO[] =>
    shown
      .filter((item) => item.themeCode === themeCode && item.kind === kind)
      .map((item) => ({
        code: item.code,
        label: entryOf(ITEM_LISTS[kind], item.code)?.label ?? item.code,
        value: item.value ?? '',
        provenance: item.provenance,
      }))
      .sort(inReferentielOrder(ITEM_LISTS[kind]));

  return [...new Set(shown.map((item) => item.themeCode))]
    .map((code) => ({ code }))
    .sort(inReferentielOrder('theme'))
    .map(({ code }) => ({
      code,
      label: entryOf('theme', code)?.label ?? code,
      situations: graded(code, 'situation').map(({ value: _value, ...situation }) => situation),
      needs: graded(code, 'need'),
      constraints: graded(code, 'constraint'),
      objectives: graded(code, 'objective'),
    }));
}
