import type DataLoader from 'dataloader';

import { groupBy, requestLoader, type LoaderContext } from '@spie/platform/graphql';
import type { CodeListEntryEntity, ReferentielService } from '@spie/referentiel/data-access';
import type { CodeListCode } from '@spie/referentiel/domain';

const KEY_SEPARATOR = '\u0000';

function entryKey(list: string, code: string): string {
  return `${list}${KEY_SEPARATOR}${code}`;
}

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

/** Per-request loader of one entry by list and code, closed entries included (existing data keeps its codes). */
export function referentielEntryLoader(
  context: LoaderContext,
  service: ReferentielService,
): DataLoader<string, CodeListEntryEntity | null> {
  return requestLoader(context, 'referentiel.entry', async (keys) => {
    const lists = [...new Set(keys.map((key) => key.split(KEY_SEPARATOR)[0] as string))];
    const entries = await service.entries(lists, { includeClosed: true });
    return new Map(entries.map((entry) => [entryKey(entry.listCode, entry.code), entry]));
  });
}

/** The label of a stored code, for DTOs of other contexts (`etatDossierLabel`, `typeLabel`…); null for no code. */
export async function referentielLabel(
  context: LoaderContext,
  service: ReferentielService,
  list: CodeListCode,
  code: string | null | undefined,
): Promise<string | null> {
  if (code === null || code === undefined) return null;
  return (await referentielEntryLoader(context, service).load(entryKey(list, code)))?.label ?? null;
}
