import { REFERENTIEL_V1 } from '@spie/referentiel/domain';
import { FRANCE_TRAVAIL_ACTION_CATEGORIES } from './action-categories.data';

export type ActionThemeLookup =
  { kind: 'theme'; themeCode: string } | { kind: 'uncategorised' } | { kind: 'unknown' };

/** Upper case, accents stripped, curly apostrophes straightened, spaces collapsed. */
export function normaliseActionLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

let table: Map<string, string | null> | null = null;

function categories(): Map<string, string | null> {
  if (table) return table;
  const themes = REFERENTIEL_V1.lists.find((list) => list.code === 'theme');
  const byCarnetDeBord = new Map<string, string>();
  for (const entry of themes?.entries ?? []) {
    const external = entry.externalCodes?.['carnetDeBord'];
    if (external) byCarnetDeBord.set(external, entry.code);
  }
  const built = new Map<string, string | null>();
  for (const [label, focus] of FRANCE_TRAVAIL_ACTION_CATEGORIES) {
    const themeCode = focus === null ? null : byCarnetDeBord.get(focus);
    if (themeCode === undefined) {
      throw new Error(
        `Action categorisation: focus "${focus}" is not a theme of référentiel ${REFERENTIEL_V1.version}`,
      );
    }
    built.set(normaliseActionLabel(label), themeCode);
  }
  table = built;
  return built;
}

/** Our theme for a France Travail action label (`lblaction`). */
export function themeOfActionLabel(label: string): ActionThemeLookup {
  const found = categories().get(normaliseActionLabel(label));
  if (found === undefined) return { kind: 'unknown' };
  return found === null ? { kind: 'uncategorised' } : { kind: 'theme', themeCode: found };
}
