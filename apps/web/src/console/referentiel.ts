import { useGql } from '../shared/graphql';

const LISTS_QUERY = /* GraphQL */ `
  query Lists($codes: [String!]) {
    referentiel {
      lists(codes: $codes) {
        code
        entries {
          code
          label
          parentCode
          validTo
          externalCodes {
            system
            code
          }
          attributesJson
        }
      }
    }
  }
`;

export interface Entry {
  code: string;
  label: string;
  parentCode: string | null;
  /** Set when a later version closed the entry: readable, no longer offered for new data. */
  validTo: string | null;
  externalCodes: Array<{ system: string; code: string }>;
  attributesJson: string;
}

/** Entries of référentiel lists, by list code. */
export function useLists(codes: string[]): Record<string, Entry[]> {
  const query = useGql<{ referentiel: { lists: Array<{ code: string; entries: Entry[] }> } }>(
    LISTS_QUERY,
    { codes },
    { staleTime: Infinity },
  );
  return Object.fromEntries((query.data?.data.referentiel.lists ?? []).map((l) => [l.code, l.entries]));
}

/** The entries of a list still offered for new data. */
export function offered(entries: readonly Entry[] | undefined): Entry[] {
  const today = new Date().toISOString().slice(0, 10);
  return (entries ?? []).filter((entry) => !entry.validTo || entry.validTo >= today);
}

/** The theme a France Travail contrainte belongs to (`externalCodes.theme`). */
export function themeOfConstraint(entry: Entry): string | null {
  return entry.externalCodes.find((external) => external.system === 'theme')?.code ?? null;
}

/** The values a France Travail contrainte accepts (`attributes.valeurs`: `NON_ABORDEE|OUI|CLOTUREE`). */
export function constraintValues(entry: Entry): string[] {
  try {
    const attributes = JSON.parse(entry.attributesJson) as { valeurs?: string };
    return (attributes.valeurs ?? '').split('|').filter(Boolean);
  } catch {
    return [];
  }
}
