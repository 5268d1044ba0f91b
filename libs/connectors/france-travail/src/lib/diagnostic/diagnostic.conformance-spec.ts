import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { collect } from '../../test/helpers';
import { parseDiagnosticFile } from './diagnostic.parser';
import type { FranceTravailDiagnosticRecord } from './diagnostic.types';

/** A public partner sample in `../shared/fixtures` (set by `tools/jest/run-conformance.js`). */
function sharedFixture(...segments: string[]): string {
  return [process.env['SPIE_SHARED_FIXTURES'] ?? `${process.cwd()}/../shared/fixtures`, ...segments].join(
    '/',
  );
}

const NOMINAL = sharedFixture(
  'carnet-de-bord',
  'test_pe_api_client.test_get_dossier_individu_nominal.approved.json',
);
const CONTRAINTES = sharedFixture('carnet-de-bord', 'test_pe_api_client.test_get_contraintes.approved.json');
const REFRESH = sharedFixture(
  'carnet-de-bord',
  'test_refresh_situations.test_saves_the_new_pe_diagnostic_into_external_data.approved.json',
);

async function only(input: Readable, franceTravailId?: string) {
  const items = await collect(parseDiagnosticFile(input, { franceTravailId }));
  expect(items).toHaveLength(1);
  const [item] = items;
  if (item.kind !== 'record') throw new Error(JSON.stringify(item.issues));
  return item;
}

function graded(record: FranceTravailDiagnosticRecord) {
  return record.themes.flatMap((theme) =>
    (theme.needs ?? [])
      .filter((need) => need.value !== 'NON_EXPLORE')
      .map((need) => [theme.code, need.code, need.value]),
  );
}

describe('France Travail diagnostic argumenté (carnet-de-bord approved fixtures)', () => {
  it('maps the nominal DossierIndividuData onto our themes, situations and needs by code', async () => {
    const item = await only(createReadStream(NOMINAL), 'FT-NOMINAL');
    const record = item.data;
    expect(record.franceTravailId).toBe('FT-NOMINAL');
    expect(record.observedAt).toBe('2022-12-14T23:00:00.000Z');
    expect(record.adviserId).toBe('ecse0201');
    expect(record.themes.map((t) => [t.code, t.constraints, t.situations])).toEqual([
      ['mobilite', [{ code: '23', value: 'OUI' }], ['mobilite.dependant_des_transports_en_commun']],
      ['contraintes_familiales', [{ code: '24', value: 'NON_ABORDEE' }], undefined],
      ['sante', [{ code: '25', value: 'NON_ABORDEE' }], undefined],
      ['maitrise_langue', [{ code: '26', value: 'OUI' }], ['maitrise_langue.difficultes_en_calcul']],
      ['logement', [{ code: '27', value: 'NON_ABORDEE' }], undefined],
      ['difficulte_financiere', [{ code: '28', value: 'NON_ABORDEE' }], undefined],
      ['difficulte_administrative', [{ code: '29', value: 'NON_ABORDEE' }], undefined],
      ['choisir_un_metier', undefined, undefined],
      ['se_former', undefined, undefined],
      ['preparer_sa_candidature', undefined, undefined],
      ['trouver_un_emploi', undefined, undefined],
      ['creer_une_entreprise', undefined, undefined],
      ['s_ouvrir_a_l_international', undefined, undefined],
    ]);
    // 20 besoin codes (1–21 without 7) graded across three target jobs; the strongest grade wins.
    expect(record.themes.flatMap((t) => t.needs ?? [])).toHaveLength(20);
    expect(graded(record)).toEqual([
      ['choisir_un_metier', 'choisir_un_metier.decouvrir_un_metier_ou_un_secteur_d_activite', 'BESOIN'],
      ['choisir_un_metier', 'choisir_un_metier.confirmer_son_choix_de_metier', 'POINT_FORT'],
      ['preparer_sa_candidature', 'preparer_sa_candidature.valoriser_ses_competences', 'BESOIN'],
      [
        's_ouvrir_a_l_international',
        's_ouvrir_a_l_international.connaitre_les_opportunites_d_emploi_a_l_etranger',
        'POINT_FORT',
      ],
    ]);
    expect(record.objectives).toHaveLength(32);
    expect(record.objectives.filter((o) => o.value !== 'NON_ABORDE')).toEqual([
      { themeCode: 'mobilite', code: 'mobilite.faire_un_point_complet_sur_sa_mobilite', value: 'EN_COURS' },
      { themeCode: 'mobilite', code: 'mobilite.acceder_a_un_vehicule', value: 'EN_COURS' },
    ]);
    expect(record.projects).toEqual([]);
    expect(record.unmapped).toEqual([
      {
        kind: 'metier',
        code: null,
        label: 'Boulanger',
        reason: 'target job without ROME code (the API gives an encrypted job id)',
      },
    ]);
    // Every France Travail libellé of the fixture matches the référentiel up to accents, case and apostrophes.
    expect(item.warnings.filter((w) => w.field?.endsWith('.libelle'))).toEqual([]);
    expect(item.warnings.map((w) => w.code)).toEqual(['MISSING_FIELD', 'MISSING_FIELD']);
  });

  it('reads the same dossier wrapped with its identifiant', async () => {
    const dossier: unknown = JSON.parse(readFileSync(NOMINAL, 'utf8'));
    const item = await only(Readable.from([JSON.stringify([{ identifiant: 'FT-W', dossier }])]));
    expect(item.key).toBe('FT-W');
    expect(item.data.themes).toHaveLength(13);
  });

  it('maps the closed contraintes of test_get_contraintes without their situations', async () => {
    const contraintes = (JSON.parse(readFileSync(CONTRAINTES, 'utf8')) as string[]).map(
      (s) => JSON.parse(s) as unknown,
    );
    const item = await only(
      Readable.from([
        JSON.stringify({ identifiant: 'FT-C', dossier: { contraintesIndividusDto: { contraintes } } }),
      ]),
    );
    expect(item.data.themes).toEqual([
      { code: 'mobilite', constraints: [{ code: '23', value: 'CLOTUREE' }] },
      { code: 'contraintes_familiales', constraints: [{ code: '24', value: 'NON_ABORDEE' }] },
      { code: 'sante', constraints: [{ code: '25', value: 'NON_ABORDEE' }] },
      { code: 'maitrise_langue', constraints: [{ code: '26', value: 'CLOTUREE' }] },
      { code: 'logement', constraints: [{ code: '27', value: 'NON_ABORDEE' }] },
      { code: 'difficulte_financiere', constraints: [{ code: '28', value: 'NON_ABORDEE' }] },
      { code: 'difficulte_administrative', constraints: [{ code: '29', value: 'NON_ABORDEE' }] },
    ]);
    expect(item.data.observedAt).toBe('2023-05-12T12:54:39.000Z');
    expect(item.warnings).toEqual([]);
  });

  it('maps the refresh fixture by code and flags its libellés that contradict the codes', async () => {
    const stored = JSON.parse(readFileSync(REFRESH, 'utf8')) as { data: unknown };
    const item = await only(Readable.from([JSON.stringify({ identifiant: 'FT-R', dossier: stored.data })]));
    expect(item.data.themes).toEqual([
      {
        code: 'logement',
        situations: [
          'logement.sans_hebergement_rupture_effective_de_logement',
          'logement.doit_quitter_le_logement_procedure_d_expulsion',
          'logement.difficulte_a_payer_le_loyer',
        ],
        constraints: [{ code: '27', value: 'OUI' }],
      },
      {
        code: 'difficulte_administrative',
        situations: ['difficulte_administrative.besoin_d_etre_guide_dans_le_cadre_d_un_acces_aux_droits'],
        constraints: [{ code: '29', value: 'OUI' }],
      },
    ]);
    expect(item.data.adviserId).toBe('TNAN0260');
    expect(item.warnings.map((w) => [w.code, w.field])).toEqual([
      ['INVALID_VALUE', 'dossier.contraintesIndividusDto.contraintes[0].situations[0].libelle'],
      ['INVALID_VALUE', 'dossier.contraintesIndividusDto.contraintes[0].situations[1].libelle'],
      ['INVALID_VALUE', 'dossier.contraintesIndividusDto.contraintes[0].situations[2].libelle'],
      ['INVALID_VALUE', 'dossier.contraintesIndividusDto.contraintes[1].situations[0].libelle'],
    ]);
  });
});
