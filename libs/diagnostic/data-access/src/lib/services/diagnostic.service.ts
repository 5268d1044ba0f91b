import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';

import {
  assertCodesFitThemes,
  assertValidDiagnosticInput,
  buildNextDiagnosticSnapshot,
  buildNextSourceSnapshot,
  correctedDiagnosticInput,
  DiagnosticException,
  DiagnosticExceptionCode,
  diagnosticCodeReferences,
  sameDiagnosticContent,
  type DiagnosticCodeReference,
  type DiagnosticInput,
  type DiagnosticItemCorrection,
  type DiagnosticSnapshot,
} from '@spie/diagnostic/domain';
import { PersonEntity } from '@spie/person/data-access';
import { PreparedJoinRead, provenanceOf, type ProvenanceColumns } from '@spie/platform/database';
import { CodeListEntryEntity, ReferentielService } from '@spie/referentiel/data-access';
import { ReferentielException, ReferentielExceptionCode, type CodeListCode } from '@spie/referentiel/domain';
import { isUuid, type Provenance } from '@spie/shared/kernel';

import { DiagnosticItemEntity } from '../entities/diagnostic-item.entity';
import { DiagnosticProjectEntity } from '../entities/diagnostic-project.entity';
import { DiagnosticEntity } from '../entities/diagnostic.entity';

/** The agent who states the diagnostic and their organisation. */
export interface DiagnosticAuthor {
  agentId: string | null;
  organisationId: string | null;
}

/** A diagnostic version with its items and projects loaded. */
export type DiagnosticWithContent = DiagnosticEntity & {
  items: DiagnosticItemEntity[];
  projects: DiagnosticProjectEntity[];
};

export interface ReferentielLabel {
  label: string;
  position: number;
}

/**
 * Persistence of diagnostics: each record is a new immutable version (previous + 1), written under a per-person lock
 * with every code checked against the référentiel.
 */
/**
 * The latest version of each person's diagnostic with its items and projects, in one statement: one row per item
 * (one without item when it has none), then one row per project.
 */
const LATEST_WITH_CONTENT = new PreparedJoinRead(
  { d: DiagnosticEntity, i: DiagnosticItemEntity, p: DiagnosticProjectEntity },
  (columns, nulls) =>
    `WITH d AS (
       SELECT DISTINCT ON (person_id) * FROM diagnostic
        WHERE person_id = ANY($1::uuid[]) ORDER BY person_id, version DESC
     )
     SELECT ${columns.d}, ${columns.i}, ${nulls.p}
       FROM d LEFT JOIN diagnostic_item i ON i.diagnostic_id = d.id
     UNION ALL
     SELECT ${columns.d}, ${nulls.i}, ${columns.p}
       FROM d JOIN diagnostic_project p ON p.diagnostic_id = d.id
     ORDER BY "i__theme_code", "i__kind", "i__code", "p__rome_code"`,
);

@Injectable()
export class DiagnosticService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referentiel: ReferentielService,
  ) {}

  /** Records a new version of the person's diagnostic, built from the previous one and the input. */
  async record(
    personId: string,
    input: DiagnosticInput,
    provenance: Provenance,
    author: DiagnosticAuthor,
  ): Promise<DiagnosticWithContent> {
    assertValidDiagnosticInput(input);
    const saved = await this.dataSource.transaction(async (em) => {
      const previous = await this.prepare(personId, input, em);
      const next = buildNextDiagnosticSnapshot<Provenance>(
        previous ? toSnapshot(previous) : null,
        input,
        provenance,
      );
      return this.insertVersion(personId, previous, next, provenance, author, em);
    });
    const reloaded = (await this.byIds([saved.id])).get(saved.id);
    if (!reloaded) throw new Error(`diagnostic ${saved.id} vanished after commit`);
    return reloaded;
  }

  /**
   * Records what one source (a partner's diagnostic, e.g. France Travail's) now states of the person, inside the
   * caller's transaction (an import chunk): the items and projects that source stated before are replaced by the input,
   * what other sources stated stays (`buildNextSourceSnapshot`). Nothing is written when the result says nothing new
   * (`unchanged`: re-sending the same answer is a no-op), nor when the source already stated something observed later
   * than this (`stale`: an older answer arriving late). Codes are checked as in `record`; a refusal throws a
   * `DiagnosticException` and writes nothing.
   */
  async recordSourceStatement(
    manager: EntityManager,
    personId: string,
    input: DiagnosticInput,
    provenance: Provenance,
    author: DiagnosticAuthor,
  ): Promise<
    | { outcome: 'recorded'; diagnosticId: string; version: number }
    | { outcome: 'unchanged' | 'stale'; diagnosticId: string | null; version: number | null }
  > {
    assertValidDiagnosticInput(input);
    const previous = await this.prepare(personId, input, manager);
    if (provenance.observedAt) {
      const [latest] = (await manager.query(
        `SELECT max(observed_at) AS observed_at FROM diagnostic WHERE person_id = $1 AND source = $2`,
        [personId, provenance.source],
      )) as Array<{ observed_at: Date | null }>;
      if (latest?.observed_at && latest.observed_at.getTime() > provenance.observedAt.getTime()) {
        return { outcome: 'stale', diagnosticId: previous?.id ?? null, version: previous?.version ?? null };
      }
    }
    const before = previous ? toSnapshot(previous) : null;
    const next = buildNextSourceSnapshot<Provenance>(
      before,
      input,
      provenance,
      (stated) => stated.source === provenance.source,
    );
    if (before ? sameDiagnosticContent(before, next) : next.items.length + next.projects.length === 0) {
      return { outcome: 'unchanged', diagnosticId: previous?.id ?? null, version: previous?.version ?? null };
    }
    const saved = await this.insertVersion(personId, previous, next, provenance, author, manager);
    return { outcome: 'recorded', diagnosticId: saved.id, version: saved.version };
  }

  /**
   * Checks one item correction as `record` would check it (codes known and open, the item fits its theme, the grade
   * fits the code), without writing: a correction the person asks for can then be applied when it is accepted.
   */
  async assertCorrectable(correction: DiagnosticItemCorrection): Promise<void> {
    if (correction.remove) {
      await this.assertCodes(
        { themes: [{ code: correction.themeCode }], projects: [] },
        this.dataSource.manager,
      );
      return;
    }
    const input = correctedDiagnosticInput(null, correction);
    assertValidDiagnosticInput(input);
    await this.assertCodes(input, this.dataSource.manager);
  }

  /**
   * Records, inside the caller's transaction, a new version that corrects one item of the current one (a correction
   * the person asked for and an agent accepted): everything else is restated unchanged and keeps its provenance, the
   * corrected item gets `provenance`. Codes are checked as in `record`. Returns null when the correction changes
   * nothing (the item is already as asked).
   */
  async recordCorrection(
    manager: EntityManager,
    personId: string,
    correction: DiagnosticItemCorrection,
    provenance: Provenance,
    author: DiagnosticAuthor,
  ): Promise<{ diagnosticId: string; version: number } | null> {
    const locked = await this.prepare(personId, { themes: [], projects: [] }, manager);
    const before = locked ? toSnapshot(locked) : null;
    const input = correctedDiagnosticInput(before, correction);
    assertValidDiagnosticInput(input);
    await this.assertCodes(input, manager);
    const next = buildNextDiagnosticSnapshot<Provenance>(before, input, provenance);
    if (before ? sameDiagnosticContent(before, next) : next.items.length === 0) return null;
    const saved = await this.insertVersion(personId, locked, next, provenance, author, manager);
    return { diagnosticId: saved.id, version: saved.version };
  }

  /**
   * Checks the person and the input's codes under the per-person lock, and returns the latest version (null for a
   * first diagnostic).
   */
  private async prepare(
    personId: string,
    input: DiagnosticInput,
    em: EntityManager,
  ): Promise<DiagnosticWithContent | null> {
    if (!isUuid(personId) || !(await em.getRepository(PersonEntity).exists({ where: { id: personId } }))) {
      throw new DiagnosticException(DiagnosticExceptionCode.PersonNotFound, 'Person not found');
    }
    // One writer per person at a time: two concurrent records get versions n+1 and n+2, never n+1 twice.
    await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`diagnostic:${personId}`]);
    await this.assertCodes(input, em);
    return (await this.latestOf([personId], em)).get(personId) ?? null;
  }

  private async insertVersion(
    personId: string,
    previous: DiagnosticWithContent | null,
    next: DiagnosticSnapshot<Provenance>,
    provenance: Provenance,
    author: DiagnosticAuthor,
    em: EntityManager,
  ): Promise<DiagnosticEntity> {
    const referentielVersion = await this.referentiel.currentVersion();
    if (!referentielVersion) {
      throw new DiagnosticException(
        DiagnosticExceptionCode.ReferentielNotLoaded,
        'No référentiel version is loaded',
      );
    }
    const repository = em.getRepository(DiagnosticEntity);
    const diagnostic = repository.create({
      personId,
      version: (previous?.version ?? 0) + 1,
      referentielVersion,
      educationLevel: next.educationLevel,
      workSituation: next.workSituation,
      workSituationSince: next.workSituationSince,
      rqth: next.rqth,
      authorAgentId: author.agentId,
      authorOrganisationId: author.organisationId,
      provenance: provenanceOf(provenance),
      items: next.items.map((item) =>
        em.getRepository(DiagnosticItemEntity).create({ ...item, provenance: provenanceOf(item.provenance) }),
      ),
      projects: next.projects.map((project) =>
        em
          .getRepository(DiagnosticProjectEntity)
          .create({ ...project, provenance: provenanceOf(project.provenance) }),
      ),
    });
    return repository.save(diagnostic);
  }

  /** The latest version of each person's diagnostic (people without one are absent from the map). */
  async current(personIds: readonly string[]): Promise<Map<string, DiagnosticWithContent>> {
    const wanted = [...new Set(personIds.filter(isUuid))];
    if (wanted.length === 0) return new Map();
    const diagnostics = new Map<string, DiagnosticEntity>();
    const items: DiagnosticItemEntity[] = [];
    const projects: DiagnosticProjectEntity[] = [];
    for (const { d, i, p } of await LATEST_WITH_CONTENT.find(this.dataSource, [wanted])) {
      if (d && !diagnostics.has(d.id)) diagnostics.set(d.id, d);
      if (i) items.push(i);
      if (p) projects.push(p);
    }
    return new Map(
      [...diagnostics.values()].map((row) => [row.personId, withItemsAndProjects(row, items, projects)]),
    );
  }

  /** Every version of the person's diagnostic, newest first, without content. */
  async history(personId: string): Promise<DiagnosticEntity[]> {
    return (await this.historyOf([personId])).get(personId) ?? [];
  }

  /** `history` for many people in one query. */
  async historyOf(personIds: readonly string[]): Promise<Map<string, DiagnosticEntity[]>> {
    const wanted = personIds.filter(isUuid);
    const result = new Map<string, DiagnosticEntity[]>();
    if (wanted.length === 0) return result;
    const rows = await this.dataSource
      .getRepository(DiagnosticEntity)
      .find({ where: { personId: In(wanted) }, order: { personId: 'ASC', version: 'DESC' } });
    for (const row of rows) result.set(row.personId, [...(result.get(row.personId) ?? []), row]);
    return result;
  }

  /** Labels (and list positions) of référentiel entries, keyed by `referentielEntryKey(list, code)`. */
  async labels(keys: readonly string[]): Promise<Map<string, ReferentielLabel>> {
    const result = new Map<string, ReferentielLabel>();
    for (const key of keys) {
      const [list, code] = key.split('\u0000') as [string, string];
      const entry = await this.referentiel.entry(list, code);
      if (entry) result.set(key, { label: entry.label, position: entry.position });
    }
    return result;
  }

  private async byIds(
    ids: readonly string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, DiagnosticWithContent>> {
    if (ids.length === 0) return new Map();
    const rows = await em.getRepository(DiagnosticEntity).findBy({ id: In([...ids]) });
    return this.withContent(rows, em, (row) => row.id);
  }

  private async latestOf(
    personIds: readonly string[],
    em: EntityManager,
  ): Promise<Map<string, DiagnosticWithContent>> {
    const wanted = [...new Set(personIds.filter(isUuid))];
    if (wanted.length === 0) return new Map();
    const latest: Array<{ id: string }> = await em.query(
      'SELECT DISTINCT ON (person_id) id FROM diagnostic WHERE person_id = ANY($1::uuid[]) ORDER BY person_id, version DESC',
      [wanted],
    );
    const byId = await this.byIds(
      latest.map((row) => row.id),
      em,
    );
    return new Map([...byId.values()].map((row) => [row.personId, row]));
  }

  /** Attaches items and projects to versions with two queries, whatever the number of versions. */
  private async withContent(
    diagnostics: DiagnosticEntity[],
    em: EntityManager,
    keyOf: (row: DiagnosticEntity) => string,
  ): Promise<Map<string, DiagnosticWithContent>> {
    if (diagnostics.length === 0) return new Map();
    const ids = diagnostics.map((row) => row.id);
    const [items, projects] = await Promise.all([
      em
        .getRepository(DiagnosticItemEntity)
        .find({ where: { diagnosticId: In(ids) }, order: { themeCode: 'ASC', kind: 'ASC', code: 'ASC' } }),
      em
        .getRepository(DiagnosticProjectEntity)
        .find({ where: { diagnosticId: In(ids) }, order: { romeCode: 'ASC' } }),
    ]);
    return new Map(diagnostics.map((row) => [keyOf(row), withItemsAndProjects(row, items, projects)]));
  }

  /**
   * Every code must exist in its list and be open for new data; then situations, needs and constraints must fit the
   * theme they are listed under. Unknown codes from all lists are reported together, with their fields.
   */
  private async assertCodes(input: DiagnosticInput, em: EntityManager): Promise<void> {
    const byList = new Map<CodeListCode, DiagnosticCodeReference[]>();
    for (const reference of diagnosticCodeReferences(input)) {
      byList.set(reference.list, [...(byList.get(reference.list) ?? []), reference]);
    }
    const problems: Array<{
      code: ReferentielExceptionCode;
      message: string;
      fields: string[];
      list: string;
      codes: string[];
    }> = [];
    for (const [list, references] of byList) {
      try {
        await this.referentiel.assertCodes(
          list,
          references.map((reference) => reference.code),
          { forNewData: true, manager: em },
        );
      } catch (error) {
        if (!(error instanceof ReferentielException)) throw error;
        const codes = (error.details?.['codes'] as string[] | undefined) ?? [];
        const fields = references
          .filter((reference) => codes.includes(reference.code))
          .map((reference) => reference.field);
        problems.push({ code: error.code, message: error.message, fields, list, codes });
      }
    }
    if (problems.length > 0) {
      const unknown = problems.some((problem) => problem.code === ReferentielExceptionCode.UnknownCode);
      throw new DiagnosticException(
        unknown ? DiagnosticExceptionCode.UnknownCode : DiagnosticExceptionCode.ClosedCode,
        problems.map((problem) => problem.message).join('; '),
        {
          fields: problems.flatMap((problem) => problem.fields),
          codes: problems.map(({ list, codes }) => ({ list, codes })),
        },
      );
    }
    const themed: CodeListCode[] = ['situation', 'objective', 'ft-contrainte'];
    const codes = [...themed].flatMap((list) => (byList.get(list) ?? []).map((reference) => reference.code));
    if (codes.length === 0) return;
    const entries = await em.getRepository(CodeListEntryEntity).find({
      select: { listCode: true, code: true, parentCode: true, externalCodes: true, attributes: true },
      where: { listCode: In(themed), code: In([...new Set(codes)]) },
    });
    assertCodesFitThemes(input, entries);
  }
}

function toSnapshot(diagnostic: DiagnosticWithContent): DiagnosticSnapshot<Provenance> {
  return {
    educationLevel: diagnostic.educationLevel,
    workSituation: diagnostic.workSituation,
    workSituationSince: diagnostic.workSituationSince,
    rqth: diagnostic.rqth,
    items: diagnostic.items.map((item) => ({
      themeCode: item.themeCode,
      kind: item.kind,
      code: item.code,
      value: item.value,
      provenance: fromColumns(item.provenance),
    })),
    projects: diagnostic.projects.map((project) => ({
      romeCode: project.romeCode,
      label: project.label,
      mobilityRadiusKm: project.mobilityRadiusKm,
      provenance: fromColumns(project.provenance),
    })),
  };
}

function fromColumns(columns: ProvenanceColumns): Provenance {
  return {
    source: columns.source,
    sourceRef: columns.sourceRef,
    observedAt: columns.observedAt,
    recordedAt: columns.recordedAt,
    recordedBy: columns.recordedBy,
  };
}

function withItemsAndProjects(
  row: DiagnosticEntity,
  items: readonly DiagnosticItemEntity[],
  projects: readonly DiagnosticProjectEntity[],
): DiagnosticWithContent {
  return Object.assign(row, {
    items: items.filter((item) => item.diagnosticId === row.id),
    projects: projects.filter((project) => project.diagnosticId === row.id),
  });
}
