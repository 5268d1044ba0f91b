import { randomUUID } from 'node:crypto';

import {
  buildActionsFile,
  buildDiagnosticFile,
  buildPrincipalFile,
  ftDate,
  type DiagnosticAnswerSpec,
  type PrincipalLine,
} from '@spie/connectors/france-travail';
import { DiagnosticService } from '@spie/diagnostic/data-access';
import { buildOrganisation, randomNir } from '@spie/shared/testing';

import { randomLetters, startIngestHarness, type IngestHarness } from './ingest-harness';

/**
 * The three France Travail files for the same people, through the real queues and worker into PostgreSQL: the
 * principal file finds or creates each job seeker and records France Travail's PPAE follow-up; the actions file and
 * the diagnostic answers find them by France Travail identifier. Every file sent again changes nothing.
 */
describe('worker: France Travail principal, actions and diagnostic for the same people', () => {
  let harness: IngestHarness;
  let diagnostics: DiagnosticService;
  const run = randomLetters(6);
  // A: known to the department with a NIR, no France Travail id (France Travail finds them by identity).
  // B: known to the department with a NIR and their France Travail id. C: unknown to the hub.
  const people = {
    a: { ft: `ft-a-${randomUUID()}`, lastName: `ARNAUD${run}`, firstName: 'LEA', birthDate: '1988-03-14' },
    b: { ft: `ft-b-${randomUUID()}`, lastName: `BERNARD${run}`, firstName: 'PAUL', birthDate: '1979-11-02' },
    c: { ft: `ft-c-${randomUUID()}`, lastName: `COLIN${run}`, firstName: 'INES', birthDate: '2004-06-30' },
  };
  const ids: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  const safir = String(10000 + Math.floor(Math.random() * 89999));
  let agencyId = '';

  beforeAll(async () => {
    harness = await startIngestHarness({ redisDb: 5 });
    diagnostics = harness.worker.get(DiagnosticService, { strict: false });
    agencyId = (
      await buildOrganisation(harness.dataSource, {
        type: 'france_travail_agency',
        name: `France Travail ${run}`,
        safirCode: safir,
      })
    ).id;
  });

  afterAll(async () => {
    await harness?.close();
  });

  const principalLine = (who: (typeof people)['a'], more: PrincipalLine = {}): PrincipalLine => ({
    identifiant_unique_de: who.ft,
    nom: who.lastName,
    prenom: who.firstName,
    date_naissance: ftDate(who.birthDate),
    inscription: ftDate('2025-09-01'),
    code_motif_inscription: '14',
    motif_inscription: 'FIN DE CDD OU DE CONTRAT AIDE',
    categorie_inscription: '1',
    struct_principale: 'CHAUMONT',
    code_safir: safir,
    referent_civilite: 'Mme',
    referent_nom: 'DURAND',
    referent_prenom: 'Claire',
    referent_mail: 'claire.durand@francetravail.invalid',
    modalite_accompagnement: 'GUIDE',
    struct_suivi: 'CHAUMONT',
    suivi_debut: ftDate('2025-09-15'),
    suivi_fin_prev: ftDate('2026-09-14'),
    der_entretien_ppae: ftDate('2025-10-01'),
    'mrech.axetravailprincipal': 'TECHNIQ. RECH. EMPL.',
    brsa: 'O',
    ...more,
  });
  const principal = (more: Partial<Record<'a' | 'b' | 'c', PrincipalLine>> = {}) =>
    buildPrincipalFile([
      principalLine(people.a, more.a),
      principalLine(people.b, more.b),
      principalLine(people.c, more.c),
    ]);

  const actions = buildActionsFile([
    {
      identifiant_unique_de: people.a.ft,
      codeaction: 'A14',
      lblaction: "UTILISER INTERNET POUR SA RECHERCHE D'EMPLOI",
      date_prescription: ftDate('2025-10-01'),
      date_prev_debut: ftDate('2025-10-06'),
      date_debut: ftDate('2025-10-06'),
      'adr.dc_commune_id': '52121',
    },
    {
      identifiant_unique_de: people.a.ft,
      codeaction: 'XXX',
      lblaction: "DEMANDE D'AIDE FINANCIERE",
      date_prescription: ftDate('2025-10-01'),
      date_realisation_action: ftDate('2025-10-20'),
    },
    {
      identifiant_unique_de: people.c.ft,
      codeaction: 'CEJ',
      lblaction: "CONTRAT D'ENGAGEMENT JEUNE",
      date_prescription: ftDate('2026-01-20'),
      date_debut: ftDate('2026-02-02'),
      date_fin: ftDate('2027-02-01'),
    },
    // Nobody in the hub has this France Travail id: skipped, never created.
    {
      identifiant_unique_de: `ft-unknown-${randomUUID()}`,
      codeaction: 'A14',
      lblaction: "UTILISER INTERNET POUR SA RECHERCHE D'EMPLOI",
      date_prescription: ftDate('2025-10-01'),
    },
    // An unreadable date rejects the line.
    {
      identifiant_unique_de: people.b.ft,
      codeaction: 'A14',
      lblaction: "UTILISER INTERNET POUR SA RECHERCHE D'EMPLOI",
      date_prescription: '31/02/2025 ??',
    },
  ]);

  const answers: DiagnosticAnswerSpec[] = [
    {
      identifiant: people.a.ft,
      modifiedAt: '2026-02-10T09:30:00.000+00:00',
      contraintes: [
        {
          code: '23',
          valeur: 'OUI',
          situations: [{ code: '6', valeur: 'OUI' }],
          objectifs: [{ code: '25', valeur: 'EN_COURS' }],
        },
      ],
      besoins: [{ code: '1', valeur: 'BESOIN' }],
    },
    {
      identifiant: people.b.ft,
      modifiedAt: '2026-02-11T09:30:00.000+00:00',
      contraintes: [
        { code: '27', valeur: 'OUI', situations: [{ code: '25', valeur: 'OUI' }] },
        // Not a France Travail contrainte the référentiel knows: a warning, the rest is recorded.
        { code: '99', valeur: 'OUI' },
      ],
    },
    { identifiant: `ft-unknown-${randomUUID()}`, modifiedAt: '2026-02-11T09:30:00.000+00:00' },
  ];
  const diagnosticFile = () => {
    const json = JSON.parse(buildDiagnosticFile(answers).toString('utf8')) as unknown[];
    // A dossier that is not an object: that answer is rejected, the others are applied.
    json.push({ identifiant: `ft-broken-${randomUUID()}`, dossier: 'not a dossier' });
    return Buffer.from(JSON.stringify(json));
  };

  async function rowCount(table: string): Promise<number> {
    const [row] = (await harness.dataSource.query(
      `SELECT count(*)::int AS n FROM ${table} WHERE person_id = ANY($1::uuid[])`,
      [Object.values(ids)],
    )) as Array<{ n: number }>;
    return row.n;
  }

  it('creates the people the department knows, one with a NIR only and one with their France Travail id', async () => {
    const csv = [
      'Identifiant dans le SI;Prénom;Nom;Date de naissance;NIR;Identifiant Pôle emploi',
      `si-a-${run};Léa;${people.a.lastName};14/03/1988;${randomNir(15)};`,
      `si-b-${run};Paul;${people.b.lastName};02/11/1979;${randomNir(15)};${people.b.ft}`,
    ].join('\n');
    const batch = await harness.ingest('department', Buffer.from(csv), {
      fileName: 'beneficiaires.csv',
      options: { departmentCode: '052' },
    });
    expect(batch.status).toBe('completed');
    expect(batch.counts.personsCreated).toBe(2);
    const rows = (await harness.dataSource.query(
      `SELECT person_id, value FROM person_identifier WHERE system = 'department_si' AND value = ANY($1::text[])`,
      [[`52:si-a-${run}`, `52:si-b-${run}`]],
    )) as Array<{ person_id: string; value: string }>;
    ids.a = rows.find((r) => r.value.endsWith(`si-a-${run}`))?.person_id as string;
    ids.b = rows.find((r) => r.value.endsWith(`si-b-${run}`))?.person_id as string;
    expect(ids.a).toBeTruthy();
    expect(ids.b).toBeTruthy();
    // The department's own diagnostic of B, which France Travail's statement must not erase.
    await diagnostics.record(
      ids.b,
      { themes: [{ code: 'logement', situations: ['logement.territoire_rural_isole'] }], projects: [] },
      { source: 'department', sourceRef: 'test', recordedAt: new Date(), recordedBy: 'test' },
      { agentId: null, organisationId: null },
    );
  });

  it('finds A by identity and B by France Travail id, creates C, and records the PPAE follow-up of each', async () => {
    const batch = await harness.ingest('france-travail-principal', principal(), {
      options: { referenceDate: '2026-03-31' },
    });
    expect(batch.status).toBe('completed');
    expect(batch.referenceDate).toBe('2026-03-31');
    expect(batch.counts.personsCreated).toBe(1);
    expect(batch.counts.conflicts).toBe(0);
    expect(batch.counts.followUpsCreated).toBe(3);

    const identifiers = (await harness.dataSource.query(
      `SELECT person_id, value FROM person_identifier WHERE system = 'france_travail' AND value = ANY($1::text[])`,
      [[people.a.ft, people.b.ft, people.c.ft]],
    )) as Array<{ person_id: string; value: string }>;
    const personOf = (ft: string) => identifiers.find((row) => row.value === ft)?.person_id;
    expect(personOf(people.a.ft)).toBe(ids.a);
    expect(personOf(people.b.ft)).toBe(ids.b);
    ids.c = personOf(people.c.ft) as string;
    expect(ids.c).toBeTruthy();
    expect([ids.a, ids.b]).not.toContain(ids.c);

    const [followUp] = (await harness.dataSource.query(
      `SELECT partner, kind, organisation_id, structure_code, structure_name, registration_category,
              registered_on::text, registration_reason_code, accompaniment_mode, referent_last_name, referent_email,
              start_on::text, planned_end_on::text, last_ppae_interview_on::text, work_axes, rsa_beneficiary,
              source, source_ref, observed_at, superseded_at
         FROM partner_follow_up WHERE person_id = $1`,
      [ids.a],
    )) as Array<Record<string, unknown>>;
    expect(followUp).toEqual({
      partner: 'france_travail',
      kind: 'ppae',
      organisation_id: agencyId,
      structure_code: safir,
      structure_name: 'CHAUMONT',
      registration_category: '1',
      registered_on: '2025-09-01',
      registration_reason_code: '14',
      accompaniment_mode: 'GUIDE',
      referent_last_name: 'DURAND',
      referent_email: 'claire.durand@francetravail.invalid',
      start_on: '2025-09-15',
      planned_end_on: '2026-09-14',
      last_ppae_interview_on: '2025-10-01',
      work_axes: ['TECHNIQ. RECH. EMPL.'],
      rsa_beneficiary: true,
      source: 'france_travail',
      source_ref: batch.id,
      observed_at: new Date('2026-03-31T00:00:00Z'),
      superseded_at: null,
    });
  });

  it('records the actions of known people, the CEJ of C, and skips the unknown France Travail id', async () => {
    const batch = await harness.ingest('france-travail-actions', actions);
    expect(batch.status).toBe('completed_with_errors');
    expect(batch.counts).toMatchObject({
      actionsCreated: 3,
      followUpsCreated: 1,
      skipped: 1,
      rejected: 1,
      personsCreated: 0,
    });
    const issues = await harness.issues(batch.id);
    expect(issues.map((i) => [i.position, i.severity, i.code])).toEqual(
      expect.arrayContaining([
        [5, 'warning', 'UNKNOWN_PERSON'],
        [6, 'error', 'INVALID_DATE'],
      ]),
    );
    const rows = (await harness.dataSource.query(
      `SELECT person_id, code, theme_code, status, start_on::text, done_on::text, commune_code, source_ref
         FROM partner_action WHERE person_id = ANY($1::uuid[]) ORDER BY code`,
      [Object.values(ids)],
    )) as Array<Record<string, unknown>>;
    expect(rows).toEqual([
      {
        person_id: ids.a,
        code: 'A14',
        theme_code: 'emploi',
        status: 'started',
        start_on: '2025-10-06',
        done_on: null,
        commune_code: '52121',
        source_ref: batch.id,
      },
      {
        person_id: ids.c,
        code: 'CEJ',
        theme_code: expect.any(String),
        status: 'started',
        start_on: '2026-02-02',
        done_on: null,
        commune_code: null,
        source_ref: batch.id,
      },
      {
        person_id: ids.a,
        code: 'XXX',
        theme_code: 'difficulte_financiere',
        status: 'realised',
        start_on: null,
        done_on: '2025-10-20',
        commune_code: null,
        source_ref: batch.id,
      },
    ]);
    const [cej] = (await harness.dataSource.query(
      `SELECT partner, start_on::text, planned_end_on::text FROM partner_follow_up WHERE person_id = $1 AND kind = 'cej'`,
      [ids.c],
    )) as Array<Record<string, unknown>>;
    expect(cej).toEqual({ partner: 'france_travail', start_on: '2026-02-02', planned_end_on: '2027-02-01' });
  });

  it("records France Travail's diagnostic by référentiel code, keeping what the department stated", async () => {
    const batch = await harness.ingest('france-travail-diagnostic', diagnosticFile(), {
      fileName: 'diagnostics.json',
    });
    expect(batch.status).toBe('completed_with_errors');
    expect(batch.counts).toMatchObject({ diagnosticsRecorded: 2, skipped: 1, rejected: 1 });
    const issues = await harness.issues(batch.id);
    expect(issues.map((i) => [i.position, i.severity, i.code])).toEqual(
      expect.arrayContaining([
        [2, 'warning', 'INVALID_CODE'],
        [3, 'warning', 'UNKNOWN_PERSON'],
        [4, 'error', 'SCHEMA_VIOLATION'],
      ]),
    );

    const current = await diagnostics.current([ids.a, ids.b]);
    const a = current.get(ids.a);
    expect(a?.provenance).toMatchObject({ source: 'france_travail', sourceRef: batch.id });
    expect(a?.provenance.observedAt).toEqual(new Date('2026-02-10T09:30:00.000Z'));
    expect(a?.items.map((item) => [item.themeCode, item.kind, item.code, item.value]).sort()).toEqual(
      [
        ['mobilite', 'situation', 'mobilite.aucun_moyen_de_transport_a_disposition', null],
        ['mobilite', 'constraint', '23', 'OUI'],
        ['mobilite', 'objective', 'mobilite.faire_un_point_complet_sur_sa_mobilite', 'EN_COURS'],
        [
          'choisir_un_metier',
          'need',
          'choisir_un_metier.identifier_ses_points_forts_et_ses_competences',
          'BESOIN',
        ],
      ].sort(),
    );
    const b = current.get(ids.b);
    expect(b?.version).toBe(2);
    expect(b?.items.map((item) => [item.code, item.provenance.source]).sort()).toEqual(
      [
        ['logement.territoire_rural_isole', 'department'],
        ['logement.logement_insalubre', 'france_travail'],
        ['27', 'france_travail'],
      ].sort(),
    );
  });

  it('changes nothing when the three files are sent again', async () => {
    const before = {
      followUps: await rowCount('partner_follow_up'),
      actions: await rowCount('partner_action'),
      diagnostics: await rowCount('diagnostic'),
      history: await rowCount('person_history'),
      identifiers: await rowCount('person_identifier'),
    };

    const again = await harness.ingest('france-travail-principal', principal(), {
      options: { referenceDate: '2026-03-31' },
    });
    expect(again.counts).toMatchObject({
      personsCreated: 0,
      personsUpdated: 0,
      personsUnchanged: 3,
      followUpsCreated: 0,
      followUpsUpdated: 0,
      followUpsUnchanged: 3,
    });
    const actionsAgain = await harness.ingest('france-travail-actions', actions);
    expect(actionsAgain.counts).toMatchObject({
      actionsCreated: 0,
      actionsUpdated: 0,
      actionsUnchanged: 3,
      followUpsCreated: 0,
      followUpsUpdated: 0,
      followUpsUnchanged: 1,
    });
    const diagnosticsAgain = await harness.ingest('france-travail-diagnostic', diagnosticFile(), {
      fileName: 'diagnostics.json',
    });
    expect(diagnosticsAgain.counts).toMatchObject({ diagnosticsRecorded: 0, diagnosticsUnchanged: 2 });

    expect({
      followUps: await rowCount('partner_follow_up'),
      actions: await rowCount('partner_action'),
      diagnostics: await rowCount('diagnostic'),
      history: await rowCount('person_history'),
      identifiers: await rowCount('person_identifier'),
    }).toEqual(before);
  });

  it('keeps the history of a follow-up that changes, and leaves it alone for an older file', async () => {
    const changed = await harness.ingest(
      'france-travail-principal',
      principal({ a: { referent_nom: 'MOREAU', modalite_accompagnement: 'RENFORCE' } }),
      { options: { referenceDate: '2026-04-30' } },
    );
    expect(changed.counts).toMatchObject({ followUpsUpdated: 1, followUpsUnchanged: 2 });
    const history = (await harness.dataSource.query(
      `SELECT accompaniment_mode, referent_last_name, superseded_at IS NULL AS current, source_ref
         FROM partner_follow_up WHERE person_id = $1 AND kind = 'ppae' ORDER BY recorded_at`,
      [ids.a],
    )) as Array<Record<string, unknown>>;
    expect(history).toEqual([
      {
        accompaniment_mode: 'GUIDE',
        referent_last_name: 'DURAND',
        current: false,
        source_ref: expect.any(String),
      },
      { accompaniment_mode: 'RENFORCE', referent_last_name: 'MOREAU', current: true, source_ref: changed.id },
    ]);

    const older = await harness.ingest(
      'france-travail-principal',
      principal({ a: { modalite_accompagnement: 'SUIVI' } }),
      { options: { referenceDate: '2026-01-31' } },
    );
    expect(older.counts).toMatchObject({
      stale: 1,
      followUpsUnchanged: 2,
      followUpsCreated: 0,
      followUpsUpdated: 0,
    });
    const [current] = (await harness.dataSource.query(
      `SELECT accompaniment_mode FROM partner_follow_up WHERE person_id = $1 AND kind = 'ppae' AND superseded_at IS NULL`,
      [ids.a],
    )) as Array<{ accompaniment_mode: string }>;
    expect(current.accompaniment_mode).toBe('RENFORCE');
  });

  it('leaves the diagnostic alone when an older France Travail answer arrives late', async () => {
    const versions = await rowCount('diagnostic');
    const late = await harness.ingest(
      'france-travail-diagnostic',
      buildDiagnosticFile([
        {
          identifiant: people.a.ft,
          modifiedAt: '2025-12-01T09:30:00.000+00:00',
          contraintes: [{ code: '23', valeur: 'CLOTUREE' }],
        },
      ]),
      { fileName: 'late.json' },
    );
    expect(late.status).toBe('completed');
    expect(late.counts).toMatchObject({ stale: 1, diagnosticsRecorded: 0 });
    expect(await rowCount('diagnostic')).toBe(versions);
  });
});
