import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';

import {
  ReferentielException,
  ReferentielExceptionCode,
  type CodeListCode,
  type ReferentielVersionSeed,
} from '@spie/referentiel/domain';

import { CodeListEntryRevisionEntity } from '../entities/code-list-entry-revision.entity';
import { CodeListEntryEntity } from '../entities/code-list-entry.entity';
import { CodeListEntity } from '../entities/code-list.entity';
import { ReferentielVersionEntity } from '../entities/referentiel-version.entity';

export interface LoadReport {
  version: string;
  status: 'loaded' | 'already_loaded';
  added: number;
  changed: number;
  closed: number;
}

/**
 * How long a process keeps the référentiel's entries for the labels of stored codes. A version loaded by this process
 * shows at once; one loaded by another process (`spie seed`) shows in the gateway within this time.
 */
export const REFERENTIEL_ENTRIES_TTL_MS = 60_000;

const ENTRY_KEY_SEPARATOR = '\u0000';

/** Reads and loads the versioned référentiel. Loading never touches person data: it stores codes only. */
@Injectable()
export class ReferentielService {
  private entryIndexCache: { until: number; index: Promise<Map<string, CodeListEntryEntity>> } | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One entry by list and code, closed entries included (existing data keeps its codes), from every entry of the
   * référentiel kept in memory for `REFERENTIEL_ENTRIES_TTL_MS` (a few hundred rows): labels cost no query per request.
   * Read-only: the entries are shared.
   */
  async entry(list: string, code: string): Promise<Readonly<CodeListEntryEntity> | null> {
    return (await this.entryIndex()).get(`${list}${ENTRY_KEY_SEPARATOR}${code}`) ?? null;
  }

  private entryIndex(): Promise<Map<string, CodeListEntryEntity>> {
    const now = Date.now();
    if (this.entryIndexCache && this.entryIndexCache.until > now) return this.entryIndexCache.index;
    const index = this.dataSource
      .getRepository(CodeListEntryEntity)
      .find()
      .then((rows) => new Map(rows.map((row) => [`${row.listCode}${ENTRY_KEY_SEPARATOR}${row.code}`, row])));
    const cache = { until: now + REFERENTIEL_ENTRIES_TTL_MS, index };
    this.entryIndexCache = cache;
    // A failed read is not kept: the next call reads again.
    index.catch(() => {
      if (this.entryIndexCache === cache) this.entryIndexCache = undefined;
    });
    return index;
  }

  async currentVersion(): Promise<string | null> {
    const rows = await this.dataSource
      .getRepository(ReferentielVersionEntity)
      .find({ order: { publishedAt: 'DESC', loadedAt: 'DESC' }, take: 1 });
    return rows[0]?.version ?? null;
  }

  async versions(): Promise<ReferentielVersionEntity[]> {
    return this.dataSource.getRepository(ReferentielVersionEntity).find({ order: { publishedAt: 'DESC' } });
  }

  async lists(): Promise<CodeListEntity[]> {
    return this.dataSource.getRepository(CodeListEntity).find({ order: { code: 'ASC' } });
  }

  async entries(
    listCodes: readonly string[],
    options: { includeClosed?: boolean } = {},
  ): Promise<CodeListEntryEntity[]> {
    const query = this.dataSource
      .getRepository(CodeListEntryEntity)
      .createQueryBuilder('e')
      .where('e.list_code IN (:...listCodes)', { listCodes: [...listCodes] })
      .orderBy('e.list_code')
      .addOrderBy('e.position');
    if (!options.includeClosed) query.andWhere('(e.valid_to IS NULL OR e.valid_to >= CURRENT_DATE)');
    return listCodes.length === 0 ? [] : query.getMany();
  }

  async revisions(listCode: string, code: string): Promise<CodeListEntryRevisionEntity[]> {
    return this.dataSource
      .getRepository(CodeListEntryRevisionEntity)
      .find({ where: { listCode, code }, order: { recordedAt: 'ASC' } });
  }

  /**
   * Throws `UNKNOWN_CODE` unless every code exists in the list; with `forNewData`, also refuses closed entries
   * (existing data may keep them).
   */
  async assertCodes(
    list: CodeListCode,
    codes: ReadonlyArray<string | null | undefined>,
    options: { forNewData?: boolean; manager?: EntityManager } = {},
  ): Promise<void> {
    const wanted = [...new Set(codes.filter((code): code is string => !!code))];
    if (wanted.length === 0) return;
    const rows = await (options.manager ?? this.dataSource.manager)
      .getRepository(CodeListEntryEntity)
      .find({ select: { code: true, validTo: true }, where: { listCode: list, code: In(wanted) } });
    const found = new Map(rows.map((row) => [row.code, row]));
    const unknown = wanted.filter((code) => !found.has(code));
    if (unknown.length > 0) {
      throw new ReferentielException(
        ReferentielExceptionCode.UnknownCode,
        `Unknown ${list} code(s): ${unknown.join(', ')}`,
        {
          list,
          codes: unknown,
        },
      );
    }
    if (options.forNewData) {
      const today = new Date().toISOString().slice(0, 10);
      const closed = wanted.filter((code) => {
        const validTo = found.get(code)?.validTo;
        return validTo !== null && validTo !== undefined && validTo < today;
      });
      if (closed.length > 0) {
        throw new ReferentielException(
          ReferentielExceptionCode.ClosedCode,
          `Closed ${list} code(s): ${closed.join(', ')}`,
          {
            list,
            codes: closed,
          },
        );
      }
    }
  }

  /**
   * Loads a version: adds new entries, records a revision for changed ones, closes (validTo) entries the version no
   * longer lists. Idempotent; a different content under an already loaded version number is refused.
   */
  async load(seed: ReferentielVersionSeed): Promise<LoadReport> {
    const contentHash = createHash('sha256').update(JSON.stringify(seed)).digest('hex');
    try {
      return await this.loadVersion(seed, contentHash);
    } finally {
      this.entryIndexCache = undefined;
    }
  }

  private loadVersion(seed: ReferentielVersionSeed, contentHash: string): Promise<LoadReport> {
    return this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(52002)');
      const existing = await em
        .getRepository(ReferentielVersionEntity)
        .findOne({ where: { version: seed.version } });
      if (existing) {
        if (existing.contentHash !== contentHash) {
          throw new ReferentielException(
            ReferentielExceptionCode.VersionConflict,
            `Référentiel ${seed.version} is already loaded with a different content: publish a new version number`,
          );
        }
        return { version: seed.version, status: 'already_loaded', added: 0, changed: 0, closed: 0 };
      }
      const report: LoadReport = { version: seed.version, status: 'loaded', added: 0, changed: 0, closed: 0 };
      for (const list of seed.lists) {
        await em.getRepository(CodeListEntity).save({
          code: list.code,
          label: list.label,
          source: list.source,
          parentList: list.parentList ?? null,
        });
        const current = new Map(
          (await em.getRepository(CodeListEntryEntity).find({ where: { listCode: list.code } })).map(
            (row) => [row.code, row],
          ),
        );
        const seen = new Set<string>();
        const revisions: Partial<CodeListEntryRevisionEntity>[] = [];
        for (const [position, entry] of list.entries.entries()) {
          seen.add(entry.code);
          const previous = current.get(entry.code);
          const next = {
            listCode: list.code,
            code: entry.code,
            label: entry.label,
            parentCode: entry.parentCode ?? null,
            externalCodes: entry.externalCodes ?? {},
            attributes: entry.attributes ?? {},
            validFrom: entry.validFrom ?? previous?.validFrom ?? seed.publishedAt,
            validTo: entry.validTo ?? null,
            position,
          };
          if (!previous) {
            await em
              .getRepository(CodeListEntryEntity)
              .insert({ ...next, introducedIn: seed.version, lastChangedIn: seed.version });
            report.added += 1;
          } else if (
            previous.label !== next.label ||
            previous.parentCode !== next.parentCode ||
            previous.validTo !== next.validTo ||
            canonicalJson(previous.externalCodes) !== canonicalJson(next.externalCodes) ||
            canonicalJson(previous.attributes) !== canonicalJson(next.attributes)
          ) {
            await em
              .getRepository(CodeListEntryEntity)
              .update({ id: previous.id }, { ...next, lastChangedIn: seed.version });
            report.changed += 1;
          } else {
            // Only the order moved (e.g. an earlier entry was removed): not a change of the entry, no revision.
            if (previous.position !== position)
              await em.getRepository(CodeListEntryEntity).update({ id: previous.id }, { position });
            continue;
          }
          revisions.push({
            listCode: list.code,
            code: entry.code,
            version: seed.version,
            label: next.label,
            parentCode: next.parentCode,
            validTo: next.validTo,
          });
        }
        for (const [code, previous] of current) {
          if (seen.has(code) || previous.validTo) continue;
          await em
            .getRepository(CodeListEntryEntity)
            .update({ id: previous.id }, { validTo: seed.publishedAt, lastChangedIn: seed.version });
          revisions.push({
            listCode: list.code,
            code,
            version: seed.version,
            label: previous.label,
            parentCode: previous.parentCode,
            validTo: seed.publishedAt,
          });
          report.closed += 1;
        }
        if (revisions.length > 0) await em.getRepository(CodeListEntryRevisionEntity).insert(revisions);
      }
      await em.getRepository(ReferentielVersionEntity).insert({
        version: seed.version,
        publishedAt: seed.publishedAt,
        description: seed.description,
        contentHash,
      });
      return report;
    });
  }
}

/** JSON with object keys sorted: jsonb does not keep the key order of the seed, so a plain stringify sees changes. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : item,
  );
}
