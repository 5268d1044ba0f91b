import type { ParsedItem } from '@spie/ingestion/domain';
import { bytes, collect, fileError } from '../../test/helpers';
import { DEFAULT_DIAGNOSTIC_MAX_BYTES, parseDiagnosticFile } from './diagnostic.parser';
import type { FranceTravailDiagnosticRecord } from './diagnostic.types';

const MOBILITE = {
  code: '23',
  libelle: 'Développer sa mobilité',
  valeur: 'OUI',
  date: '2021-05-17T14:47:11+00:00',
  situations: [
    { code: '6', libelle: 'Aucun moyen de transport à disposition', valeur: 'NON_ABORDEE' },
    { code: '7', libelle: 'Dépendant des transports en commun', valeur: 'OUI' },
    { code: '8', libelle: 'Permis non valide / suspension de permis', valeur: 'NON' },
  ],
  objectifs: [
    { code: '26', libelle: 'Accéder à un véhicule', valeur: 'EN_COURS' },
    { code: '28', libelle: 'Obtenir le permis de conduire (code / conduite)', valeur: 'REALISE' },
  ],
};

const LOGEMENT_CLOSED = {
  code: '27',
  libelle: 'Faire face à des difficultés de logement',
  valeur: 'CLOTUREE',
  date: '2023-05-12T12:54:39+00:00',
  situations: [{ code: '26', libelle: 'Difficulté à payer le loyer', valeur: 'OUI' }],
  objectifs: [],
};

function besoins(nomMetier: string | null, list: Array<[string, string]>, extra: object = {}) {
  return {
    idMetierChiffre: 'fab31b61#x',
    nomMetier,
    statut: 'EN_COURS',
    estPrioritaire: false,
    dateMiseAJour: '2022-12-08T23:00:00.000+00:00',
    typologie: 'métier recherché',
    besoins: list.map(([code, valeur]) => ({ code, libelle: `besoin ${code}`, valeur })),
    ...extra,
  };
}

function dossier(contraintes: object[], besoinsParMetier: object[] = []) {
  return {
    besoinsParDiagnosticIndividuDtos: besoinsParMetier,
    contraintesIndividusDto: {
      code: '7',
      libelle: 'Résoudre ses contraintes personnelles',
      conseiller: 'ecse0201',
      dateDeModification: '2021-05-17T14:47:11.000+00:00',
      contraintes,
    },
  };
}

function json(value: unknown) {
  return bytes(JSON.stringify(value));
}

function record(item: ParsedItem<FranceTravailDiagnosticRecord>): FranceTravailDiagnosticRecord {
  if (item.kind !== 'record') throw new Error(`Expected a record, got ${JSON.stringify(item)}`);
  return item.data;
}

describe('parseDiagnosticFile', () => {
  it('maps contraintes, situations, objectifs and besoins by code', async () => {
    const items = await collect(
      parseDiagnosticFile(
        json({
          identifiant: 'FT123',
          dossier: dossier(
            [MOBILITE, LOGEMENT_CLOSED],
            [
              besoins('Boulanger', [
                ['3', 'BESOIN'],
                ['4', 'POINT_FORT'],
                ['5', 'NON_EXPLORE'],
              ]),
              besoins(
                'Pâtissier',
                [
                  ['3', 'NON_EXPLORE'],
                  ['4', 'BESOIN'],
                ],
                { codeRome: 'D1104', dateMiseAJour: '2022-12-14T23:00:00.000+00:00' },
              ),
            ],
          ),
        }),
      ),
    );
    expect(items).toHaveLength(1);
    expect(items[0].kind === 'record' && items[0].key).toBe('FT123');
    expect(record(items[0])).toEqual({
      franceTravailId: 'FT123',
      observedAt: '2023-05-12T12:54:39.000Z',
      adviserId: 'ecse0201',
      themes: [
        {
          code: 'mobilite',
          situations: ['mobilite.dependant_des_transports_en_commun'],
          constraints: [{ code: '23', value: 'OUI' }],
        },
        { code: 'logement', constraints: [{ code: '27', value: 'CLOTUREE' }] },
        {
          code: 'choisir_un_metier',
          needs: [
            { code: 'choisir_un_metier.decouvrir_un_metier_ou_un_secteur_d_activite', value: 'BESOIN' },
            { code: 'choisir_un_metier.confirmer_son_choix_de_metier', value: 'BESOIN' },
          ],
        },
        { code: 'se_former', needs: [{ code: 'se_former.trouver_sa_formation', value: 'NON_EXPLORE' }] },
      ],
      projects: [{ romeCode: 'D1104', label: 'Pâtissier' }],
      objectives: [
        { themeCode: 'mobilite', code: 'mobilite.acceder_a_un_vehicule', value: 'EN_COURS' },
        {
          themeCode: 'mobilite',
          code: 'mobilite.obtenir_le_permis_de_conduire_code_conduite',
          value: 'REALISE',
        },
      ],
      unmapped: [
        {
          kind: 'metier',
          code: null,
          label: 'Boulanger',
          reason: 'target job without ROME code (the API gives an encrypted job id)',
        },
      ],
    });
    expect(items[0].kind === 'record' && items[0].warnings).toEqual([
      {
        code: 'MISSING_FIELD',
        field: 'dossier.besoinsParDiagnosticIndividuDtos[0]',
        message:
          'metier (no code) "Boulanger": target job without ROME code (the API gives an encrypted job id); not mapped',
        severity: 'warning',
      },
    ]);
  });

  it('keeps unknown codes, misplaced situations and unknown values in unmapped with warnings', async () => {
    const [item] = await collect(
      parseDiagnosticFile(
        json({
          identifiant: 'FT1',
          dossier: dossier(
            [
              {
                code: '99',
                libelle: 'Nouvelle contrainte',
                valeur: 'OUI',
                situations: [{ code: '6' }],
                objectifs: [],
              },
              {
                code: 29,
                libelle: 'Faire face à des difficultés administratives ou juridiques',
                valeur: 'OUI',
                situations: [
                  {
                    code: '36',
                    libelle: "Besoin d'etre guidé dans le cadre d'un accès aux droits",
                    valeur: 'OUI',
                  },
                  { code: '7', libelle: 'Dépendant des transports en commun', valeur: 'OUI' },
                  { code: '77', libelle: '=cmd|calc', valeur: 'OUI' },
                  { code: '37', libelle: 'Rencontre des difficultés juridiques', valeur: 'PEUT_ETRE' },
                ],
                objectifs: [
                  {
                    code: '9',
                    libelle: "Bénéficier d'un appui aux démarches administratives",
                    valeur: 'FINI',
                  },
                ],
              },
              { code: '24', libelle: 'Surmonter ses contraintes familiales', valeur: 'PEUT_ETRE' },
            ],
            [
              besoins(null, [
                ['7', 'BESOIN'],
                ['1', 'TRES_FORT'],
              ]),
            ],
          ),
        }),
      ),
    );
    expect(item.kind).toBe('record');
    if (item.kind !== 'record') return;
    expect(item.data.themes).toEqual([
      {
        code: 'difficulte_administrative',
        situations: ['difficulte_administrative.besoin_d_etre_guide_dans_le_cadre_d_un_acces_aux_droits'],
        constraints: [{ code: '29', value: 'OUI' }],
      },
    ]);
    expect(item.data.unmapped).toEqual([
      {
        kind: 'contrainte',
        code: '99',
        label: 'Nouvelle contrainte',
        reason: 'unknown contrainte code (with 1 situations and objectifs)',
      },
      {
        kind: 'situation',
        code: '7',
        label: 'Dépendant des transports en commun',
        reason: 'belongs to contrainte 23, found under 29',
      },
      { kind: 'situation', code: '77', label: "'=cmd|calc", reason: 'unknown situation code' },
      {
        kind: 'situation',
        code: '37',
        label: 'Rencontre des difficultés juridiques',
        reason: 'valeur "PEUT_ETRE" is not one of OUI, NON, NON_ABORDEE',
      },
      {
        kind: 'objectif',
        code: '9',
        label: "Bénéficier d'un appui aux démarches administratives",
        reason: 'valeur "FINI" is not one of NON_ABORDE, EN_COURS, REALISE, ABANDONNE',
      },
      {
        kind: 'contrainte',
        code: '24',
        label: 'Surmonter ses contraintes familiales',
        reason: 'valeur "PEUT_ETRE" is not one of NON_ABORDEE, OUI, CLOTUREE',
      },
      { kind: 'besoin', code: '7', label: 'besoin 7', reason: 'unknown besoin code' },
      {
        kind: 'besoin',
        code: '1',
        label: 'besoin 1',
        reason: 'valeur "TRES_FORT" is not one of POINT_FORT, BESOIN, NON_EXPLORE',
      },
    ]);
    expect(item.warnings.map((w) => [w.code, w.field])).toEqual([
      ['INVALID_CODE', 'dossier.contraintesIndividusDto.contraintes[0]'],
      ['INVALID_CODE', 'dossier.contraintesIndividusDto.contraintes[1].situations[1]'],
      ['FORMULA_NEUTRALISED', 'dossier.contraintesIndividusDto.contraintes[1].situations[2].libelle'],
      ['INVALID_CODE', 'dossier.contraintesIndividusDto.contraintes[1].situations[2]'],
      ['INVALID_VALUE', 'dossier.contraintesIndividusDto.contraintes[1].situations[3]'],
      ['INVALID_VALUE', 'dossier.contraintesIndividusDto.contraintes[1].objectifs[0]'],
      ['INVALID_VALUE', 'dossier.contraintesIndividusDto.contraintes[2]'],
      ['INVALID_CODE', 'dossier.besoinsParDiagnosticIndividuDtos[0].besoins[0]'],
      ['INVALID_VALUE', 'dossier.besoinsParDiagnosticIndividuDtos[0].besoins[1]'],
    ]);
  });

  it('warns when a libellé differs from the référentiel but maps by code', async () => {
    const [item] = await collect(
      parseDiagnosticFile(
        json({
          identifiant: 'FT1',
          dossier: dossier([
            {
              ...LOGEMENT_CLOSED,
              valeur: 'OUI',
              situations: [{ code: '24', libelle: 'Hébergé chez un tiers', valeur: 'OUI' }],
            },
          ]),
        }),
      ),
    );
    expect(item.kind === 'record' && item.data.themes).toEqual([
      {
        code: 'logement',
        situations: ['logement.sans_hebergement_rupture_effective_de_logement'],
        constraints: [{ code: '27', value: 'OUI' }],
      },
    ]);
    expect(item.kind === 'record' && item.warnings).toEqual([
      {
        code: 'INVALID_VALUE',
        field: 'dossier.contraintesIndividusDto.contraintes[0].situations[0].libelle',
        message:
          'libellé "Hébergé chez un tiers" differs from référentiel 2026.1 ("Sans hébergement / rupture effective de logement"); mapped by code',
        severity: 'warning',
      },
    ]);
  });

  it('reads an array of dossiers and rejects the bad ones', async () => {
    const items = await collect(
      parseDiagnosticFile(
        json([
          { identifiant: 'A', dossier: dossier([MOBILITE]) },
          { identifiant: 'B', dossier: dossier([]) },
          { identifiant: 'A', dossier: dossier([]) },
          { dossier: dossier([]) },
          { identifiant: 'C', dossier: null },
          { identifiant: 'D', dossier: { contraintesIndividusDto: [] } },
          'texte',
          dossier([]),
        ]),
      ),
    );
    expect(
      items.map((i) => [i.kind, i.position, i.key, i.kind === 'rejected' ? i.issues[0].code : null]),
    ).toEqual([
      ['record', 1, 'A', null],
      ['record', 2, 'B', null],
      ['rejected', 3, 'A', 'DUPLICATE_IN_FILE'],
      ['rejected', 4, undefined, 'MISSING_FIELD'],
      ['rejected', 5, 'C', 'MISSING_FIELD'],
      ['rejected', 6, 'D', 'SCHEMA_VIOLATION'],
      ['rejected', 7, undefined, 'SCHEMA_VIOLATION'],
      ['rejected', 8, undefined, 'MISSING_FIELD'],
    ]);
    expect(items[5]).toEqual({
      kind: 'rejected',
      position: 6,
      key: 'D',
      issues: [
        {
          code: 'SCHEMA_VIOLATION',
          field: '[5].dossier.contraintesIndividusDto',
          message: '[5].dossier.contraintesIndividusDto is not an object',
          severity: 'error',
        },
      ],
    });
  });

  it('reads a bare DossierIndividuData with the identifiant it was fetched for', async () => {
    const items = await collect(parseDiagnosticFile(json(dossier([MOBILITE])), { franceTravailId: 'FT9' }));
    expect(items.map((i) => [i.kind, i.key])).toEqual([['record', 'FT9']]);
    const [missing] = await collect(parseDiagnosticFile(json(dossier([MOBILITE]))));
    expect(missing).toEqual({
      kind: 'rejected',
      position: 1,
      issues: [
        {
          code: 'MISSING_FIELD',
          field: 'identifiant',
          message: 'No France Travail identifiant for this dossier',
          severity: 'error',
        },
      ],
    });
    const [conflict] = await collect(
      parseDiagnosticFile(json({ identifiant: 'OTHER', dossier: dossier([]) }), { franceTravailId: 'FT9' }),
    );
    expect(conflict.kind === 'rejected' && conflict.issues[0].code).toBe('IDENTITY_CONFLICT');
  });

  it('accepts a UTF-8 BOM and an empty array', async () => {
    const withBom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(JSON.stringify({ identifiant: 'É1', dossier: dossier([]) })),
    ]);
    expect((await collect(parseDiagnosticFile(bytes(withBom)))).map((i) => i.key)).toEqual(['É1']);
    expect(await collect(parseDiagnosticFile(bytes('[]')))).toEqual([]);
  });

  it.each([
    ['malformed JSON', bytes('{"identifiant": "A", "dossier": {'), 'JSON_MALFORMED'],
    ['an empty file', bytes(''), 'EMPTY_FILE'],
    ['a blank file', bytes(' \n '), 'EMPTY_FILE'],
    ['invalid UTF-8', bytes(Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d])), 'ENCODING_INVALID'],
    ['UTF-16', bytes(Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00])), 'ENCODING_UNSUPPORTED'],
    ['a JSON string', bytes('"dossier"'), 'UNSUPPORTED_FORMAT'],
    ['an unrelated object', bytes('{"foo": 1}'), 'UNSUPPORTED_FORMAT'],
  ])('refuses %s', async (_, input, code) => {
    const error = await fileError(collect(parseDiagnosticFile(input)));
    expect(error.code).toBe(code);
  });

  it('does not quote the faulty JSON in its message', async () => {
    const error = await fileError(collect(parseDiagnosticFile(bytes('{"nir": "1850535238123" x}'))));
    expect(error.message).not.toContain('1850535238123');
    expect(error.message).toMatch(/^The file is not valid JSON/);
  });

  it('refuses a file over the size limit without reading it all', async () => {
    expect(DEFAULT_DIAGNOSTIC_MAX_BYTES).toBe(20 * 1024 * 1024);
    let produced = 0;
    async function* source(): AsyncGenerator<Buffer> {
      yield Buffer.from('[');
      for (let i = 0; i < 1000; i++) {
        produced++;
        yield Buffer.alloc(1024, 0x20);
      }
    }
    const error = await fileError(collect(parseDiagnosticFile(source(), { maxBytes: 10 * 1024 })));
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(produced).toBeLessThan(20);
  });
});
