import type DataLoader from 'dataloader';

import { groupBy, requestLoader, type LoaderContext } from '@spie/platform/graphql';
import type { CodeListEntryEntity, ReferentielService } from '@spie/referentiel/data-access';
import type { CodeListCode } from '@spie/referentiel/domain';

/** Per-request loader of a list's entries (one query for every list asked in the request). */
export function referentielEntriesLoader(
  context: LoaderContext,
  service: ReferentielService,
  options: { includeClosed: boolean },
): DataLoader<string, CodeListEntryEntity[] | null> {
  return requestLoader(
    context,
    `referentiel.entries.${options.includeClosed ? 'all' : 'open'}`,
    async (lists) =>
      groupBy(
        await service.entries(lists, { includeClosed: options.includeClosed }),
        (entry) => entry.listCode,
      ),
  );
}

/** The label of a stored code, for DTOs of other contexts (`etatDossierLabel`, `typeLabel`…); null for no code. */
export async function referentielLabel(
  service: ReferentielService,
  list: CodeListCode,
  code: string | null | undefined,
): Promise<string | null> {
  if (code === null || code === undefined) return null;
  return (await service.entry(list, code))?.label ?? null;
}
