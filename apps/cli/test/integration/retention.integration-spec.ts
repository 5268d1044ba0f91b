import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import type { DataSource, EntityManager } from 'typeorm';

import {
  AuditChainVerifier,
  PERSON_COLUMNS_KEPT,
  PERSON_DESTRUCTION_PLAN,
  type RetentionReport,
  type RetentionService,
} from '@spie/audit/data-access';
import { AuditException } from '@spie/audit/domain';
import { WORKSPACE_ROOT } from '@spie/platform/dev-services';
import { FixedClock, type Actor } from '@spie/shared/kernel';
import {
  buildOrganisation,
  buildPerson,
  createScratchDatabase,
  type ScratchDatabase,
} from '@spie/shared/testing';

import { retentionService } from '../../src/commands/retention.command';

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spie(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(WORKSPACE_ROOT, 'bin', 'spie.js'), ...args], {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}

const lastJson = <T>(result: CliResult): T =>
  JSON.parse(result.stdout.trim().split('\n').pop() as string) as T;

const NOW = new Date('2031-01-01T12:00:00Z');
const agentActor: Actor = {
  kind: 'agent',
  id: randomUUID(),
  login: 'cd52-orientation',
  organisationId: null,
  displayName: 'Orientation',
  roles: ['orientation'],
};

/**
 * Every kind of row the hub holds about a person, dated `at`: a signed contract with its content, events and action
 * statuses, an agent's diagnostic with an item, an orientation, a partner follow-up and action, the person's own
 * household with RSA statuses, a domain event, the parcours read model, an identifier and an identity review case.
 */
async function attachEverything(
  em: EntityManager,
  personId: string,
  organisationId: string,
  at: string,
  options: { household?: string } = {},
): Promise<void> {
  const day = at.slice(0, 10);
  const [{ id: contractId }] = await em.query(
    `INSERT INTO contract (person_id, type, status, organisation_id, row_version) VALUES ($1, 'cer', 'signed', $2, 1)
     RETURNING id`,
    [personId, organisationId],
  );
  const [{ id: versionId }] = await em.query(
    `INSERT INTO contract_version (contract_id, version, source, recorded_by) VALUES ($1, 1, 'hub', 'test') RETURNING id`,
    [contractId],
  );
  const [{ id: objectiveId }] = await em.query(
    `INSERT INTO contract_objective (contract_version_id, position, theme_code, label) VALUES ($1, 1, 'emploi', 'o')
     RETURNING id`,
    [versionId],
  );
  const [{ id: actionId }] = await em.query(
    `INSERT INTO contract_action (objective_id, position, label, initial_status) VALUES ($1, 1, 'a', 'planned')
     RETURNING id`,
    [objectiveId],
  );
  await em.query('UPDATE contract_version SET signed_at = $2 WHERE id = $1', [versionId, at]);
  await em.query(
    `INSERT INTO contract_action_status (action_id, status, source, recorded_by) VALUES ($1, 'done', 'hub', 'test')`,
    [actionId],
  );
  await em.query(
    `INSERT INTO contract_event (contract_id, kind, to_status, version, source, recorded_by, observed_at, recorded_at)
     VALUES ($1, 'signed', 'signed', 1, 'hub', 'test', $2, $2)`,
    [contractId, at],
  );
  const [{ id: diagnosticId }] = await em.query(
    `INSERT INTO diagnostic (person_id, version, referentiel_version, author_agent_id, source, recorded_by, observed_at,
       recorded_at)
     VALUES ($1, 1, '2026.1', $2, 'hub', 'test', $3, $3) RETURNING id`,
    [personId, randomUUID(), at],
  );
  await em.query(
    `INSERT INTO diagnostic_item (diagnostic_id, theme_code, kind, code, source, recorded_by)
     VALUES ($1, 'sante', 'constraint', 'x', 'hub', 'test')`,
    [diagnosticId],
  );
  await em.query(
    `INSERT INTO orientation (person_id, type, structure_id, decided_at, source, recorded_by)
     VALUES ($1, 'pro', $2, $3, 'hub', 'test')`,
    [personId, organisationId, at],
  );
  await em.query(
    `INSERT INTO partner_follow_up (person_id, partner, kind, content_hash, source, recorded_by, last_interview_on)
     VALUES ($1, 'france_travail', 'ppae', 'h', 'france_travail', 'test', $2)`,
    [personId, day],
  );
  await em.query(
    `INSERT INTO partner_action (person_id, partner, action_key, code, label, status, content_hash, source,
       recorded_by, done_on)
     VALUES ($1, 'france_travail', 'k', 'c', 'l', 'done', 'h', 'france_travail', 'test', $2)`,
    [personId, day],
  );
  const household =
    options.household ??
    (
      await em.query(
        `INSERT INTO household (organisme, matricule, department_code) VALUES ('caf', $1, '052') RETURNING id`,
        [randomUUID().slice(0, 8)],
      )
    )[0].id;
  await em.query(
    `INSERT INTO household_member (household_id, person_id, role, valid_from, source, recorded_by)
     VALUES ($1, $2, 'DEM', $3, 'caf', 'test')`,
    [household, personId, day],
  );
  // A household-level status is a contact for every member: only the person's own household gets one here.
  for (const person of options.household ? [personId] : [personId, null]) {
    await em.query(
      `INSERT INTO rsa_right_status (household_id, person_id, reference_month, etat_dossier, status, source,
         recorded_by, observed_at)
       VALUES ($1, $2, $3, '2', 'open', 'caf', 'test', $4)`,
      [household, person, `${day.slice(0, 7)}-01`, at],
    );
  }
  await em.query(
    `INSERT INTO domain_event (type, person_id, household_id, source, recorded_by) VALUES ('x', $1, $2, 'caf', 'test')`,
    [personId, household],
  );
  await em.query(
    `INSERT INTO person_parcours_status (person_id, stage, computed_at) VALUES ($1, 'in_contract', now())`,
    [personId],
  );
  await em.query('INSERT INTO person_parcours_status_pending (person_id) VALUES ($1)', [personId]);
  await em.query(
    `INSERT INTO person_identifier (person_id, system, value, source, recorded_by)
     VALUES ($1, 'caf', $2, 'caf', 'test')`,
    [personId, randomUUID()],
  );
  await em.query(
    `INSERT INTO identity_conflict (batch_id, source, position, record_key, reason, candidate_person_ids, observation,
       resolved_person_id)
     VALUES ($1, 'caf-msa', 1, 'k', 'x', ARRAY[$2]::uuid[], '{}', $2)`,
    [randomUUID(), personId],
  );
}

/** Rows still attached to a person, by table. */
async function rowsOf(dataSource: DataSource, personId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const step of PERSON_DESTRUCTION_PLAN) {
    const [{ n }] = await dataSource.query(step.count, [personId]);
    counts[step.name] = n;
  }
  return counts;
}

describe('retention (CASF R.263-8) and the audit log purge', () => {
  let scratch: ScratchDatabase;
  let dataSource: DataSource;
  let retention: RetentionService;
  let cliEnv: Record<string, string>;
  const persons: Record<'destroy' | 'notBeneficiary' | 'archive' | 'keep' | 'reactivate', string> = {
    destroy: '',
    notBeneficiary: '',
    archive: '',
    keep: '',
    reactivate: '',
  };
  let sharedHousehold: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase('retention');
    dataSource = scratch.dataSource;
    cliEnv = { DATABASE_URL: scratch.url };
    const { id: organisationId } = await buildOrganisation(dataSource);
    for (const key of Object.keys(persons) as Array<keyof typeof persons>) {
      persons[key] = (await buildPerson(dataSource, { lastName: `Retention-${key}` })).id;
    }
    // The person records exist since today; what differs is the last contact recorded since.
    await dataSource.transaction(async (em) => {
      await attachEverything(em, persons.destroy, organisationId, '2026-12-01T09:00:00Z');
      await attachEverything(em, persons.notBeneficiary, organisationId, '2030-12-01T09:00:00Z');
      [{ id: sharedHousehold }] = await em.query(
        `INSERT INTO household (organisme, matricule, department_code) VALUES ('caf', 'shared', '052') RETURNING id`,
      );
      await attachEverything(em, persons.archive, organisationId, '2028-06-01T09:00:00Z', {
        household: sharedHousehold,
      });
      await attachEverything(em, persons.keep, organisationId, '2030-06-01T09:00:00Z', {
        household: sharedHousehold,
      });
      await attachEverything(em, persons.reactivate, organisationId, '2030-06-01T09:00:00Z');
      await em.query("UPDATE person SET archived_at = '2030-01-01T00:00:00Z' WHERE id = $1", [
        persons.reactivate,
      ]);
    });
    const clock = new FixedClock(NOW);
    const services = retentionService(dataSource, { ...process.env, AUDIT_RETENTION_DAYS: '365' }, clock);
    retention = services.retention;
    // An audit log whose head is older than the window (before 2030-01-01), then recent entries.
    const read = (at: string) => ({
      at: new Date(at),
      actor: agentActor,
      organisationName: 'Département',
      purpose: 'orientation',
      legalBasis: null,
      personId: persons.keep,
      operation: 'person.read',
      categories: ['identity'],
      maskedFields: [],
      outcome: 'allowed' as const,
      correlationId: null,
    });
    await services.audit.record([read('2029-03-01T00:00:00Z'), read('2029-06-01T00:00:00Z')]);
    await services.audit.record([read('2030-06-01T00:00:00Z')]);
    await retention.declareNotBeneficiary(persons.notBeneficiary, {
      actor: agentActor,
      reason: 'never opened a right',
      correlationId: null,
    });
  }, 180_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  it('should cover every table with a person column when it destroys a person', async () => {
    const columns: Array<{ table_name: string; column_name: string }> = await dataSource.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND (column_name LIKE '%person_id%' OR (table_name = 'person' AND column_name = 'id'))`,
    );
    const covered = new Set([
      ...PERSON_DESTRUCTION_PLAN.map((step) => step.table),
      ...Object.keys(PERSON_COLUMNS_KEPT),
    ]);
    // A new table holding a person id must be destroyed with the person (person-destruction.plan.ts) or kept on purpose.
    expect(columns.filter((column) => !covered.has(column.table_name))).toEqual([]);
  });

  it('should list what would go without deleting anything when the CLI runs dry', async () => {
    const before = await rowsOf(dataSource, persons.notBeneficiary);
    const result = await spie(cliEnv, 'retention', 'run', '--dry-run');
    expect(result.code).toBe(0);
    const report = lastJson<RetentionReport>(result);
    // Today (the real clock), only the person declared not a beneficiary is due.
    expect(report.dryRun).toBe(true);
    expect(report.persons.destroyed.map((item) => [item.personId, item.reason])).toEqual([
      [persons.notBeneficiary, 'not_beneficiary'],
    ]);
    expect(result.stderr).toContain('DRY RUN (nothing changed)');
    expect(result.stderr).toContain(`${persons.notBeneficiary}  last contact`);
    expect(await rowsOf(dataSource, persons.notBeneficiary)).toEqual(before);
  }, 60_000);

  it('should report archive, reactivation, destruction and the audit purge when run dry in 2031', async () => {
    const before = await dataSource.query('SELECT count(*)::int AS n FROM audit_entry');
    const report = await retention.run({ dryRun: true });
    const ids = (items: Array<{ personId: string }>) => items.map((item) => item.personId).sort();
    expect(ids(report.persons.destroyed)).toEqual([persons.destroy, persons.notBeneficiary].sort());
    expect(ids(report.persons.archived)).toEqual([persons.archive]);
    expect(ids(report.persons.reactivated)).toEqual([persons.reactivate]);
    const destroyed = Object.fromEntries(report.persons.destroyed.map((item) => [item.personId, item]));
    expect(destroyed[persons.destroy]).toMatchObject({ reason: 'archive_period_over' });
    expect(destroyed[persons.destroy].lastContactAt.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(report.rows).toMatchObject({
      contract: 2,
      contract_version: 2,
      contract_objective: 2,
      contract_action: 2,
      contract_action_status: 2,
      contract_event: 2,
      diagnostic: 2,
      diagnostic_item: 2,
      household: 2,
      household_member: 2,
      rsa_right_status: 4, // the person's own and its household's, twice
      person: 2,
    });
    expect(report.audit).toMatchObject({ entries: 2, throughSeq: '2', dryRun: true });
    // Nothing changed.
    expect((await rowsOf(dataSource, persons.destroy))['person']).toBe(1);
    const [archive] = await dataSource.query('SELECT archived_at FROM person WHERE id = $1', [
      persons.archive,
    ]);
    expect(archive.archived_at).toBeNull();
    expect(await dataSource.query('SELECT count(*)::int AS n FROM audit_entry')).toEqual(before);
  });

  it('should refuse to run when another retention run holds the lock', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query("SELECT pg_advisory_lock(hashtextextended('spie:retention-run', 0))");
      await expect(retention.run({ dryRun: false })).rejects.toBeInstanceOf(AuditException);
    } finally {
      await runner.query("SELECT pg_advisory_unlock(hashtextextended('spie:retention-run', 0))");
      await runner.release();
    }
  });

  it('should still refuse to delete a signed contract version outside a retention destruction', async () => {
    const [version] = await dataSource.query(
      `SELECT v.id FROM contract_version v JOIN contract c ON c.id = v.contract_id WHERE c.person_id = $1`,
      [persons.keep],
    );
    await expect(
      dataSource.query('DELETE FROM contract_version WHERE id = $1', [version.id]),
    ).rejects.toThrow(/SIGNED_VERSION_IMMUTABLE/);
    // Naming another person does not open this person's contracts.
    await expect(
      dataSource.transaction(async (em) => {
        await em.query("SELECT set_config('spie.retention_destroy_person', $1, true)", [persons.destroy]);
        await em.query('DELETE FROM contract_version WHERE id = $1', [version.id]);
      }),
    ).rejects.toThrow(/SIGNED_VERSION_IMMUTABLE/);
  });

  it('should destroy, archive and reactivate what is due and purge the audit head, leaving a chain that verifies', async () => {
    const dry = await retention.run({ dryRun: true });
    const report = await retention.run({ dryRun: false });
    expect(report.rows).toEqual(dry.rows);
    expect(report.persons.destroyed.map((item) => item.personId).sort()).toEqual(
      [persons.destroy, persons.notBeneficiary].sort(),
    );
    for (const id of [persons.destroy, persons.notBeneficiary]) {
      expect(Object.values(await rowsOf(dataSource, id)).every((count) => count === 0)).toBe(true);
    }
    const flags: Array<{ id: string; archived_at: Date | null }> = await dataSource.query(
      'SELECT id, archived_at FROM person WHERE id = ANY($1::uuid[])',
      [[persons.archive, persons.keep, persons.reactivate]],
    );
    expect(Object.fromEntries(flags.map((row) => [row.id, row.archived_at]))).toEqual({
      [persons.archive]: NOW,
      [persons.keep]: null,
      [persons.reactivate]: null,
    });
    // The household shared by two kept persons stays, with its members.
    expect(
      await dataSource.query('SELECT count(*)::int AS n FROM household_member WHERE household_id = $1', [
        sharedHousehold,
      ]),
    ).toEqual([{ n: 2 }]);
    expect(report.audit).toMatchObject({ entries: 2, throughSeq: '2', dryRun: false });
    const operations: Array<{ operation: string; person_id: string }> = await dataSource.query(
      `SELECT operation, person_id FROM audit_entry WHERE operation LIKE 'person.%' AND actor_kind = 'system' ORDER BY seq`,
    );
    expect(operations.map((row) => row.operation).sort()).toEqual([
      'person.archive',
      'person.destroy',
      'person.destroy',
      'person.reactivate',
    ]);
    const verify = await new AuditChainVerifier(dataSource).verify();
    expect(verify).toMatchObject({ ok: true, fromCheckpoint: { seq: '2' } });
    // Run again: nothing is due any more.
    const again = await retention.run({ dryRun: false });
    expect([again.persons.destroyed, again.persons.archived, again.persons.reactivated]).toEqual([
      [],
      [],
      [],
    ]);
  });

  it('should exit 0 when the chain is intact and 1 with the seq when an entry was tampered with', async () => {
    const intact = await spie(cliEnv, 'audit', 'verify');
    expect(intact.code).toBe(0);
    expect(lastJson<{ ok: boolean; checked: number }>(intact)).toMatchObject({ ok: true });
    expect(intact.stderr).toMatch(
      /audit chain intact: \d+ entries checked from the purge checkpoint after seq 2 in/,
    );

    const [target] = await dataSource.query(
      'SELECT seq::text AS seq FROM audit_entry ORDER BY seq OFFSET 1 LIMIT 1',
    );
    await dataSource.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only');
    try {
      await dataSource.query("UPDATE audit_entry SET organisation_name = 'Autre' WHERE seq = $1", [
        target.seq,
      ]);
    } finally {
      await dataSource.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only');
    }
    const broken = await spie(cliEnv, 'audit', 'verify', '--batch-size', '2');
    expect(broken.code).toBe(1);
    expect(lastJson<{ broken: { seq: string; field: string } }>(broken).broken).toMatchObject({
      seq: target.seq,
      field: 'hash',
    });
    expect(broken.stderr).toContain(
      `audit chain BROKEN at seq ${target.seq}: the entry was changed after it was written`,
    );
  }, 60_000);
});
