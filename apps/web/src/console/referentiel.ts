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
        }
      }
    }
  }
`;

export interface Entry {
  code: string;
  label: string;
  parentCode: string | null;
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
