import { createReadStream } from 'node:fs';
import { parseAll, parseError, recordAt, rejectedAt, type ParseResult } from '../test/helpers';

/** A public partner sample in `../shared/fixtures` (set by `tools/jest/run-conformance.js`). */
function sharedFixture(...segments: string[]): string {
  return [process.env['SPIE_SHARED_FIXTURES'] ?? `${process.cwd()}/../shared/fixtures`, ...segments].join(
    '/',
  );
}

const carnet = (name: string): string => sharedFixture('carnet-de-bord', name);
const rdvi = (name: string): string => sharedFixture('rdv-insertion', name);

async function parseFixture(path: string, departmentCode = '26'): Promise<ParseResult> {
  return parseAll(createReadStream(path), { fileName: path, departmentCode });
}

const noExtras = {
  rsaRight: null,
  receivesRsa: null,
  rightsOpenedOn: null,
  situation: null,
  educationLevel: null,
  romeProject: null,
  rqth: null,
  areRight: null,
  assRight: null,
  activityBonus: null,
  franceTravailRegistered: null,
  structureName: null,
  referentEmails: [],
  tags: [],
  mobilityZone: null,
  orientationDecision: null,
  orientationInterviewOn: null,
  cerSignedOn: null,
};

const pontier = { code: 'N1104', label: 'Pontier élingueur / Pontière élingueuse' };
const fromage = {
  lines: ['11 rue du Fromage', 'Lieu-dit "Le sandwich"'],
  postalCode: '61120',
  city: 'Camembert',
};

describe('carnet de bord beneficiary import template', () => {
  let result: ParseResult;
  beforeAll(async () => {
    result = await parseFixture(carnet('import_beneficiaires.csv'));
  });

  it('maps every one of the 25 columns', () => {
    expect(result.header).toEqual({
      details: {
        format: 'csv',
        encoding: 'utf-8',
        delimiter: ';',
        headerRow: 1,
        profile: 'carnet-de-bord',
        mappedColumns: 25,
        unknownHeaders: null,
        ignoredHeaders: null,
      },
      warnings: [],
    });
  });

  it('reads the first row value by value', () => {
    expect(result.records[0]).toEqual({
      kind: 'record',
      position: 2,
      key: 'department_si:26:1234',
      data: {
        departmentCode: '26',
        profile: 'carnet-de-bord',
        person: {
          identifiers: [
            { system: 'department_si', value: '26:1234' },
            { system: 'france_travail', value: '300000L' },
          ],
          lastName: 'Fondue',
          firstNames: ['Charlotte'],
          birthDate: '1998-05-25',
          email: 'charlotte@laposte.fr',
          phone: '+33601234567',
          address: fromage,
        },
        phones: ['+33601234567'],
        role: null,
        cafNumber: '2055990',
        rsaRight: '3',
        receivesRsa: null,
        rightsOpenedOn: null,
        situation: 'recherche_emploi',
        educationLevel: 'NV5',
        romeProject: pontier,
        rqth: null,
        areRight: null,
        assRight: true,
        activityBonus: false,
        franceTravailRegistered: null,
        structureName: 'CD 26',
        referentEmails: [],
        tags: [],
        mobilityZone: '30',
        orientationDecision: null,
        orientationInterviewOn: null,
        cerSignedOn: null,
      },
      // "0601234567, 071234567": the second number has 9 digits after the 0.
      warnings: [
        {
          code: 'INVALID_VALUE',
          severity: 'warning',
          field: 'Téléphone',
          message: 'Téléphone: 1 value(s) not a phone number',
        },
      ],
    });
  });

  it('reads the other rows, the near-duplicate identities kept apart by their SI ids', () => {
    expect(result.items.map((item) => [item.kind, item.position, item.key])).toEqual([
      ['record', 2, 'department_si:26:1234'],
      ['record', 3, 'department_si:26:12345'],
      ['record', 4, 'department_si:26:123456'],
      ['record', 5, 'department_si:26:1234567'],
    ]);
    expect(recordAt(result, 3)).toMatchObject({
      person: { lastName: 'Fondue', firstNames: ['Charlie'], birthPlace: 'Loriol', phone: '+33601234568' },
      rsaRight: '2',
      educationLevel: 'NV4',
      structureName: null,
      referentEmails: ['sofia@cd26.fr'],
    });
    expect(recordAt(result, 4)).toMatchObject({
      person: { lastName: 'fondue', firstNames: ['charlie'] },
      situation: 'iae',
    });
    expect(recordAt(result, 5)).toEqual({
      departmentCode: '26',
      profile: 'carnet-de-bord',
      person: {
        identifiers: [{ system: 'department_si', value: '26:1234567' }],
        lastName: 'fondue',
        firstNames: ['charlot'],
        birthDate: '1997-04-22',
      },
      phones: [],
      role: null,
      cafNumber: null,
      ...noExtras,
    });
  });

  it('reads the three date formats of the all-date-formats file to the same records', async () => {
    const allFormats = await parseFixture(carnet('import_beneficiaires_with_all_date_formats.csv'));
    expect(allFormats.records.map((record) => record.data.person.birthDate)).toEqual([
      '1998-05-25',
      '1997-04-22',
      '1997-04-22',
      '1997-04-22',
    ]);
    expect(allFormats.items).toEqual(result.items);
  });

  it('rejects the buggy file rows with their date problem and keeps the valid one', async () => {
    const buggy = await parseFixture(carnet('import_beneficiaires_buggy.csv'));
    expect(rejectedAt(buggy, 2).issues).toEqual([
      {
        code: 'MISSING_FIELD',
        severity: 'error',
        field: 'Date de naissance*',
        message: 'Date de naissance* is empty',
      },
      {
        code: 'INVALID_VALUE',
        severity: 'warning',
        field: 'Téléphone',
        message: 'Téléphone: 1 value(s) not a phone number',
      },
    ]);
    expect(rejectedAt(buggy, 3).issues).toEqual([
      {
        code: 'INVALID_DATE',
        severity: 'error',
        field: 'Date de naissance*',
        message: 'Date de naissance* is not a date',
      },
    ]);
    expect(buggy.records.map((record) => [record.position, record.data.person.birthDate])).toEqual([
      [4, '1997-04-22'],
    ]);
  });

  it('checks the NIRs of the partial file (wrong key, 14 characters) without writing them in messages', async () => {
    const partial = await parseFixture(carnet('import_beneficiaires_partial.csv'));
    expect(partial.header?.details).toMatchObject({
      profile: 'carnet-de-bord',
      mappedColumns: 5,
      unknownHeaders: null,
    });
    expect(rejectedAt(partial, 2).issues).toEqual([
      {
        code: 'INVALID_NIR',
        severity: 'error',
        field: 'NIR',
        message: 'NIR: NIR key does not match (97 - n mod 97)',
      },
    ]);
    expect(rejectedAt(partial, 3).issues).toEqual([
      {
        code: 'INVALID_NIR',
        severity: 'error',
        field: 'NIR',
        message: 'NIR: NIR must have 13 or 15 characters, got 14',
      },
    ]);
    expect(partial.records.map((record) => [record.key, record.data.person.nir])).toEqual([
      ['department_si:26:123456', '200000000000094'],
      ['department_si:26:1234567', '100000000000047'],
    ]);
    const text = JSON.stringify(partial.items);
    expect(text).not.toContain('185077505612324');
    expect(text).not.toContain('12345678901234');
  });

  it('reads the re-import file', async () => {
    const reimport = await parseFixture(carnet('re_import_beneficiaires.csv'));
    expect(reimport.records).toHaveLength(2);
    expect(recordAt(reimport, 2)).toEqual({
      departmentCode: '26',
      profile: 'carnet-de-bord',
      person: {
        identifiers: [
          { system: 'department_si', value: '26:1234' },
          { system: 'france_travail', value: '300002L' },
        ],
        lastName: 'tifour',
        firstNames: ['Sophie'],
        nir: '200000000000094',
        birthDate: '1982-02-01',
        birthPlace: 'Avignon',
        email: 'stifour@caramail.fr',
        phone: '+33601020304',
        address: { lines: ["7 quai d'anjou", 'Appartement 2'], postalCode: '61120', city: 'Livry-Gargan' },
      },
      phones: ['+33601020304'],
      role: null,
      cafNumber: '2055990',
      ...noExtras,
      rsaRight: '3',
      situation: 'recherche_emploi',
      educationLevel: 'NV5',
      romeProject: pontier,
      assRight: true,
      activityBonus: false,
      mobilityZone: '30',
    });
  });
});

describe('rdv-insertion beneficiary lists', () => {
  it('reads the Drôme list: every column mapped or deliberately ignored, blank filler rows skipped', async () => {
    const drome = await parseFixture(rdvi('Fichier_allocataires_test_-_Drôme.xlsx'));
    expect(drome.header).toEqual({
      details: {
        format: 'xlsx',
        sheet: 'ENTRETIENS PHYSIQUES',
        headerRow: 1,
        profile: 'rdv-insertion',
        mappedColumns: 19,
        unknownHeaders: null,
        ignoredHeaders:
          "Commentaires | Date envoie du courrier | Heure du rdv | Lieu du rdv | Chargé d'orientation | Modalité de l'entretien | 1er RDV structure | Délai RDV | Délai CER | Réorientations",
      },
      warnings: [],
    });
    expect(drome.items.map((item) => [item.kind, item.position, item.key])).toEqual([
      ['record', 2, 'caf:26:ASXASA|FOIS|MARINA'],
      ['record', 3, 'caf:26:JSCSASS|BARTHELEMY|MAURICE'],
      ['record', 4, 'caf:26:JSCSASS|ROUVE|JEAN PAUL'],
    ]);
    expect(recordAt(drome, 2)).toEqual({
      departmentCode: '26',
      profile: 'rdv-insertion',
      person: {
        identifiers: [],
        lastName: 'Fois',
        firstNames: ['Marina'],
        sex: 'F',
        email: 'marinafois@robindesbois.com',
        // A number cell: the leading 0 of 0782605941 was lost.
        phone: '+33782605941',
        address: { lines: ['60 avenue de Chabeuil'], postalCode: '26000', city: 'Valence' },
      },
      phones: ['+33782605941'],
      role: 'DEM',
      cafNumber: 'ASXASA',
      ...noExtras,
    });
    expect(recordAt(drome, 4)).toMatchObject({
      person: { lastName: 'Rouve', firstNames: ['Jean-Paul'], sex: 'M' },
      role: 'CJT',
      cafNumber: 'JSCSASS',
    });
  });

  it('reads fichier_usager_test.xlsx: number cells for NIR, SI id and phone, a date cell', async () => {
    const usager = await parseFixture(rdvi('fichier_usager_test.xlsx'));
    expect(usager.header?.details).toMatchObject({
      profile: 'rdv-insertion',
      mappedColumns: 20,
      unknownHeaders: null,
    });
    expect(usager.items).toEqual([
      {
        kind: 'record',
        position: 2,
        key: 'department_si:26:8383',
        warnings: [],
        data: {
          departmentCode: '26',
          profile: 'rdv-insertion',
          person: {
            identifiers: [{ system: 'department_si', value: '26:8383' }],
            lastName: 'Crespo',
            firstNames: ['Hernan'],
            nir: '1803331476872',
            birthDate: '1980-11-21',
            sex: 'M',
            email: 'hernan@crespo.com',
            phone: '+33620022002',
            address: { lines: ['127 RUE DE GRENELLE'], postalCode: '75007', city: 'PARIS' },
          },
          phones: ['+33620022002'],
          role: 'DEM',
          cafNumber: 'ISQCJQO',
          ...noExtras,
          structureName: 'org1',
          tags: ['Cool'],
        },
      },
    ]);
  });

  it('rejects the rows of fichier_usager_test_invalid.xlsx with their reasons', async () => {
    const invalid = await parseFixture(rdvi('fichier_usager_test_invalid.xlsx'));
    expect(invalid.records).toEqual([]);
    expect(invalid.rejected).toEqual([
      {
        kind: 'rejected',
        position: 2,
        key: 'department_si:26:8383',
        issues: [
          {
            code: 'MISSING_FIELD',
            severity: 'error',
            field: 'Nom bénéficiaire',
            message: 'Nom bénéficiaire is empty',
          },
        ],
      },
      {
        kind: 'rejected',
        position: 3,
        key: 'department_si:26:8383',
        issues: [
          { code: 'DUPLICATE_IN_FILE', severity: 'error', message: 'row 2 has the same SI identifier' },
        ],
      },
    ]);
  });

  it('reads the demandeur of fichier_usager_sans_civilite.xlsx; the conjoint repeats his SI id', async () => {
    const sans = await parseFixture(rdvi('fichier_usager_sans_civilite.xlsx'));
    expect(sans.header?.details).toMatchObject({ mappedColumns: 21, unknownHeaders: null });
    expect(recordAt(sans, 2)).toMatchObject({ role: 'DEM', person: { firstNames: ['Hernan'], sex: 'M' } });
    expect(rejectedAt(sans, 3).issues).toEqual([
      { code: 'DUPLICATE_IN_FILE', severity: 'error', message: 'row 2 has the same SI identifier' },
    ]);
  });

  it('reads new_fichier_usager_test.xlsx with its Référents column', async () => {
    const file = await parseFixture(rdvi('new_fichier_usager_test.xlsx'));
    expect(file.header?.details).toMatchObject({ mappedColumns: 21, unknownHeaders: null });
    expect(recordAt(file, 2)).toMatchObject({
      person: { nir: '1803331476872' },
      phones: [],
      referentEmails: [],
    });
    expect(file.items[1]).toEqual({
      kind: 'record',
      position: 3,
      key: 'email:christian@vieri.com|CHRISTIAN',
      warnings: [],
      data: {
        departmentCode: '26',
        profile: 'rdv-insertion',
        person: {
          identifiers: [],
          lastName: 'Vieri',
          firstNames: ['Christian'],
          sex: 'M',
          email: 'christian@vieri.com',
        },
        phones: [],
        role: null,
        cafNumber: null,
        ...noExtras,
        referentEmails: ['marcelo@lippi.com'],
      },
    });
  });

  it('reads the 600 users of fichier_usager_600_lignes.csv', async () => {
    const big = await parseFixture(rdvi('fichier_usager_600_lignes.csv'));
    expect(big.header?.details).toMatchObject({
      encoding: 'utf-8',
      profile: 'rdv-insertion',
      mappedColumns: 11,
      unknownHeaders: null,
    });
    expect(big.rejected).toEqual([]);
    expect(big.records).toHaveLength(600);
    expect(big.records.every((record) => record.warnings.length === 0)).toBe(true);
    expect(recordAt(big, 2)).toEqual({
      departmentCode: '26',
      profile: 'rdv-insertion',
      person: {
        identifiers: [{ system: 'department_si', value: '26:IODAS822920' }],
        lastName: 'Durand',
        firstNames: ['Paul'],
        birthDate: '1952-02-16',
        sex: 'M',
        email: 'paul.durand369@example.com',
        phone: '+33663603510',
        address: { lines: [], postalCode: '59402', city: 'Nice' },
      },
      phones: ['+33663603510'],
      role: null,
      cafNumber: 'CAF0027004992',
      ...noExtras,
      referentEmails: ['referent.agent3@example.org'],
    });
    expect(recordAt(big, 3).person).toMatchObject({
      firstNames: ['Inès'],
      sex: 'F',
      email: 'inès.dupont434@example.com',
    });
    expect(recordAt(big, 601)).toMatchObject({
      person: { lastName: 'Laurent', firstNames: ['Paul'], birthDate: '1992-09-06' },
      cafNumber: 'CAF0011372077',
    });
    expect(big.records.at(-1)?.key).toBe('department_si:26:IODAS207183');
    const sexes = big.records.map((record) => record.data.person.sex);
    expect(sexes.filter((sex) => sex === 'F')).toHaveLength(303);
    expect(sexes.filter((sex) => sex === 'M')).toHaveLength(297);
    // The synthetic 06 numbers include overseas mobile ranges (0690, 0694, 0696…): E.164 gives them their own code.
    const phones = big.records.map((record) => record.data.person.phone ?? '');
    expect(phones.filter((phone) => phone.startsWith('+33'))).toHaveLength(553);
    expect(phones.filter((phone) => /^\+(590|594|596|262)/.test(phone))).toHaveLength(47);
  });

  it('refuses the CNAF contact files, which are not beneficiary lists', async () => {
    for (const name of [
      'Fichier_de_contacts_test_-_Drôme.csv',
      'fichier_contact_test.csv',
      'fichier_contact_test_priorite_nir.csv',
    ]) {
      const error = await parseError(createReadStream(rdvi(name)), { fileName: name });
      expect(error).toMatchObject({
        code: 'CSV_MISSING_HEADERS',
        message:
          'missing column(s) for the rdv-insertion profile: Nom bénéficiaire, Prénom bénéficiaire (this looks like a CNAF contact file, which updates contacts and is not a beneficiary list)',
      });
    }
  });
});
