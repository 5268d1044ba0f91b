import { UseFilters } from '@nestjs/common';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { PublicEndpoint } from '@spie/platform/auth';
import { requestLoader, type LoaderContext } from '@spie/platform/graphql';
import { ReferentielService } from '@spie/referentiel/data-access';

import {
  CodeListDTO,
  ReferentielDTO,
  ReferentielEntryDTO,
  ReferentielEntryRevisionDTO,
} from './dtos/referentiel.dto';
import { ReferentielExceptionFilter } from './referentiel-exception.filter';
import { referentielEntriesLoader } from './referentiel-loaders';
import { toCodeListDTO, toReferentielEntryDTO, toReferentielEntryRevisionDTO } from './referentiel.mapper';

/** Read-only and public: the référentiel holds codes and labels, no personal data. */
@Resolver(() => ReferentielDTO)
@UseFilters(ReferentielExceptionFilter)
export class ReferentielResolver {
  constructor(private readonly service: ReferentielService) {}

  @PublicEndpoint()
  @Query(() => ReferentielDTO, {
    description: 'The shared référentiel: current version, versions and code lists',
  })
  async referentiel(): Promise<ReferentielDTO> {
    const versions = [...(await this.service.versions())].sort(
      (a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.loadedAt.getTime() - a.loadedAt.getTime(),
    );
    const [current] = versions;
    return {
      version: current?.version ?? null,
      publishedAt: current?.publishedAt ?? null,
      versions: versions.map((row) => ({
        version: row.version,
        publishedAt: row.publishedAt,
        description: row.description,
        loadedAt: row.loadedAt,
      })),
    };
  }

  @PublicEndpoint()
  @Query(() => ReferentielEntryDTO, {
    nullable: true,
    description: 'One entry by list and code, closed entries included (null when the code never existed)',
  })
  async referentielEntry(
    @Args('list', { type: () => String }) list: string,
    @Args('code', { type: () => String }) code: string,
    @Context() context: LoaderContext,
  ): Promise<ReferentielEntryDTO | null> {
    const entries =
      (await referentielEntriesLoader(context, this.service, { includeClosed: true }).load(list)) ?? [];
    const entry = entries.find((row) => row.code === code);
    return entry ? toReferentielEntryDTO(entry) : null;
  }

  @ResolveField(() => [CodeListDTO], {
    description: 'The code lists, all of them or those named, ordered by code',
  })
  async lists(
    @Args('codes', { type: () => [String], nullable: true }) codes?: string[] | null,
  ): Promise<CodeListDTO[]> {
    const wanted = codes ? new Set(codes) : null;
    return (await this.service.lists()).filter((list) => !wanted || wanted.has(list.code)).map(toCodeListDTO);
  }
}

@Resolver(() => CodeListDTO)
export class CodeListResolver {
  constructor(private readonly service: ReferentielService) {}

  @ResolveField(() => [ReferentielEntryDTO], {
    description: 'Entries in list order; closed ones only when asked',
  })
  async entries(
    @Parent() list: CodeListDTO,
    @Context() context: LoaderContext,
    @Args('includeClosed', { type: () => Boolean, nullable: true, defaultValue: false })
    includeClosed: boolean | null,
  ): Promise<ReferentielEntryDTO[]> {
    const loader = referentielEntriesLoader(context, this.service, { includeClosed: includeClosed === true });
    return ((await loader.load(list.code)) ?? []).map(toReferentielEntryDTO);
  }
}

@Resolver(() => ReferentielEntryDTO)
export class ReferentielEntryResolver {
  constructor(private readonly service: ReferentielService) {}

  @ResolveField(() => [ReferentielEntryRevisionDTO], {
    description: 'The state of the entry in each version that added or changed it, newest first',
  })
  async history(
    @Parent() entry: ReferentielEntryDTO,
    @Context() context: LoaderContext,
  ): Promise<ReferentielEntryRevisionDTO[]> {
    // Revisions are read per entry (the service reads one entry's history); the loader dedupes within a request.
    const loader = requestLoader(context, 'referentiel.revisions', async (keys) => {
      const pairs = keys.map((key) => JSON.parse(key) as [string, string]);
      const results = await Promise.all(pairs.map(([list, code]) => this.service.revisions(list, code)));
      return new Map(keys.map((key, index) => [key, results[index] ?? []]));
    });
    const revisions = (await loader.load(JSON.stringify([entry.list, entry.code]))) ?? [];
    return [...revisions].reverse().map(toReferentielEntryRevisionDTO);
  }
}
