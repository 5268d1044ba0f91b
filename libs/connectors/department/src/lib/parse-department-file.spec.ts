import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { chunked, parseAll, parseError, recordAt, rejectedAt } from '../test/helpers';
import { parseDepartmentFile } from './parse-department-file';
import type { DepartmentProfile } from './profiles';

const CARNET_HEADER =
  "Identifiant dans le SI*;Prénom*;Nom*;Date de naissance*;NIR;Lieu de naissance;Téléphone;Email;Adresse;Adresse (complément);Code postal;Ville;Situation;Numéro allocataire CAF/MSA;Identifiant Pôle emploi;Droits RSA;Droits ARE;Droits ASS;Prime d'activité;RQTH;Zone de mobilité;Emploi recherché (code ROME);Niveau de formation;Structure;Accompagnateurs";

const csv = (...lines: string[]): string => lines.join('\r\n') + '\r\n';

describe('parseDepartmentFile: CSV', () => {
  it('reads every column of the carnet de bord template (UTF-8 with BOM, `;`)', async () => {
    const result = await parseAll(
      '\uFEFF' +
        csv(
          CARNET_HEADER,
          '42;Émilie;Martin-Durand;1990-03-15;290037511700289;Valence;06 11 22 33 44;Emilie.Martin@Example.FR;3 rue des Alpes;Bât. B;26000;Valence;recherche_formation;0012345;1234567A;rsa_droit_ouvert_versable;Non;O;Oui;N;25 km;Agent / Agente de propreté (K2204);NV4;Mission locale;ref@cd26.fr, Autre@CD26.fr',
        ),
    );
    expect(result.header?.details).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      headerRow: 1,
      profile: 'carnet-de-bord',
      mappedColumns: 25,
      unknownHeaders: null,
      ignoredHeaders: null,
    });
    expect(result.items).toHaveLength(1);
    expect(result.records[0]).toEqual({
      kind: 'record',
      position: 2,
      key: 'department_si:26:42',
      warnings: [],
      data: {
        departmentCode: '26',
        profile: 'carnet-de-bord',
        person: {
          identifiers: [
            { system: 'department_si', value: '26:42' },
            { system: 'france_travail', value: '1234567A' },
          ],
          lastName: 'Martin-Durand',
          firstNames: ['Émilie'],
          nir: '290037511700289',
          birthDate: '1990-03-15',
          birthPlace: 'Valence',
          email: 'emilie.martin@example.fr',
          phone: '+33611223344',
          address: { lines: ['3 rue des Alpes', 'Bât. B'], postalCode: '26000', city: 'Valence' },
        },
        phones: ['+33611223344'],
        role: null,
        cafNumber: '0012345',
        rsaRight: '2',
        receivesRsa: null,
        rightsOpenedOn: null,
        situation: 'recherche_formation',
        educationLevel: 'NV4',
        romeProject: { code: 'K2204', label: 'Agent / Agente de propreté' },
        rqth: false,
        areRight: false,
        assRight: true,
        activityBonus: true,
        franceTravailRegistered: null,
        structureName: 'Mission locale',
        referentEmails: ['ref@cd26.fr', 'autre@cd26.fr'],
        tags: [],
        mobilityZone: '25 km',
        orientationDecision: null,
        orientationInterviewOn: null,
        cerSignedOn: null,
      },
    });
  });

  it('reads windows-1252 bytes with a `,` delimiter', async () => {
    const text = csv(
      'Nom bénéficiaire,Prénom bénéficiaire,Civilité,Rôle,N° CAF,Date de naissance,CP Ville',
      'Lefèvre,Hélène,Mme,CONJOINT/CONCUBIN/PACSE,123456700,03/02/1985,26000 Valence',
      'Müller,Jérôme,M.,dem,"0001234",1984-12-01,"26150 Die"',
    );
    const result = await parseAll(iconv.encode(text, 'win1252'));
    expect(result.header?.details).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ',',
      profile: 'rdv-insertion',
    });
    expect(recordAt(result, 2)).toMatchObject({
      person: { lastName: 'Lefèvre', firstNames: ['Hélène'], sex: 'F', birthDate: '1985-02-03' },
      role: 'CJT',
      cafNumber: '1234567',
    });
    expect(recordAt(result, 3)).toMatchObject({
      person: { lastName: 'Müller', firstNames: ['Jérôme'], sex: 'M', birthDate: '1984-12-01' },
      role: 'DEM',
      cafNumber: '0001234',
    });
    expect(recordAt(result, 3).person.address).toEqual({ lines: [], postalCode: '26150', city: 'Die' });
  });

  it('reads tab-separated UTF-16 (Excel "Unicode text")', async () => {
    const text = 'Nom\tPrénom\tDate de naissance\r\nNoël\tZoé\t01/01/2000\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    const result = await parseAll(bytes);
    expect(result.header?.details).toMatchObject({ encoding: 'utf-16le', delimiter: 'tab' });
    expect(recordAt(result, 2).person).toMatchObject({
      lastName: 'Noël',
      firstNames: ['Zoé'],
      birthDate: '2000-01-01',
    });
  });

  it('gives file lines as positions, quoted line breaks and blank lines included', async () => {
    const result = await parseAll(
      'Nom;Prénom;Date de naissance;Adresse\n' +
        'Dupont;Jean;01/01/1970;"1 rue A\nBâtiment 2"\n' +
        '\n' +
        ';;;\n' +
        'Durand;Anne;02/02/1972;2 rue B\n',
    );
    expect(result.records.map((record) => record.position)).toEqual([2, 6]);
    expect(recordAt(result, 2).person.address?.lines).toEqual(['1 rue A Bâtiment 2']);
  });

  it('is the same whatever the chunking (multi-byte characters split across chunks)', async () => {
    const text = Buffer.from(
      csv('Nom;Prénom;Date de naissance', 'Hélène;Béatrice;01/01/1970', 'Ïñès;Ôdile;02/02/1972'),
    );
    const whole = await parseAll(text);
    const split = await parseAll(chunked(text, 3));
    expect(split.items).toEqual(whole.items);
    expect(recordAt(split, 3).person.lastName).toBe('Ïñès');
  });

  describe('bad input', () => {
    it('refuses an empty file', async () => {
      expect(await parseError('')).toMatchObject({ code: 'EMPTY_FILE' });
      expect(await parseError('\uFEFF\r\n\r\n;;;\r\n')).toMatchObject({ code: 'EMPTY_FILE' });
    });

    it('refuses a header without the required columns, naming them', async () => {
      const error = await parseError(csv('Nom;Adresse', 'Dupont;1 rue A'));
      expect(error.code).toBe('CSV_MISSING_HEADERS');
      expect(error.message).toBe('missing column(s) for the rdv-insertion profile: Prénom bénéficiaire');
      const fixed = await parseError(csv('Nom;Prénom', 'Dupont;Jean'), { profile: 'carnet-de-bord' });
      expect(fixed.message).toBe(
        'missing column(s) for the carnet-de-bord profile: Identifiant dans le SI, Date de naissance',
      );
    });

    it('names the missing columns of the row closest to a header', async () => {
      const error = await parseError(csv('Liste des entrants', 'Nom;Date de naissance', 'Dupont;01/01/1970'));
      expect(error.message).toBe('missing column(s) for the rdv-insertion profile: Prénom bénéficiaire');
    });

    it('reports unknown headers without refusing the file', async () => {
      const result = await parseAll(
        csv('Nom;Prénom;Date de naissance;Couleur;Pointure', 'Dupont;Jean;01/01/1970;bleu;42'),
      );
      expect(result.header?.details?.['unknownHeaders']).toBe('Couleur | Pointure');
      expect(result.header?.warnings).toEqual([
        {
          code: 'CSV_UNKNOWN_HEADERS',
          severity: 'warning',
          message: 'column(s) not read by the rdv-insertion profile: Couleur | Pointure',
        },
      ]);
      expect(result.records).toHaveLength(1);
    });

    it('finds the header below title lines', async () => {
      const result = await parseAll(
        csv('Liste des entrants;;', 'Mars 2024;;', 'Nom;Prénom;Date de naissance', 'Dupont;Jean;01/01/1970'),
      );
      expect(result.header?.details?.['headerRow']).toBe(3);
      expect(result.header?.warnings.map((warning) => warning.message)).toEqual([
        '2 row(s) above the header row skipped',
      ]);
      expect(recordAt(result, 4).person.lastName).toBe('Dupont');
    });

    it('rejects a row with an invalid date, naming the column, and keeps the others', async () => {
      const result = await parseAll(
        csv(
          CARNET_HEADER,
          '1;Jean;Dupont;31/02/1990' + ';'.repeat(21),
          '2;Anne;Durand;1991-05-06' + ';'.repeat(21),
        ),
      );
      expect(rejectedAt(result, 2)).toEqual({
        kind: 'rejected',
        position: 2,
        key: 'department_si:26:1',
        issues: [
          {
            code: 'INVALID_DATE',
            severity: 'error',
            field: 'Date de naissance*',
            message: 'Date de naissance* is not a date',
          },
        ],
      });
      expect(recordAt(result, 3).person.birthDate).toBe('1991-05-06');
    });

    it('rejects an invalid rights opening date but only warns on a follow-up date', async () => {
      const result = await parseAll(
        csv(
          "Nom;Prénom;Email;Date d'entrée;Date CER",
          'Dupont;Jean;jean@example.fr;13/13/2020;01/02/2021',
          'Durand;Anne;anne@example.fr;01/03/2021;en cours',
        ),
      );
      expect(rejectedAt(result, 2).issues).toEqual([
        {
          code: 'INVALID_DATE',
          severity: 'error',
          field: "Date d'entrée",
          message: "Date d'entrée is not a date",
        },
      ]);
      expect(result.records).toHaveLength(1);
      expect(result.records[0].data).toMatchObject({ rightsOpenedOn: '2021-03-01', cerSignedOn: null });
      expect(result.records[0].warnings).toEqual([
        { code: 'INVALID_DATE', severity: 'warning', field: 'Date CER', message: 'Date CER is not a date' },
      ]);
    });

    it('keeps would-be formulas as text with a FORMULA_NEUTRALISED warning', async () => {
      const result = await parseAll(
        csv(
          'Nom;Prénom;Date de naissance;Adresse;Structure;Téléphone',
          '"=HYPERLINK(""http://x"")";@SUM(A1);01/01/1970;-1 rue A;+CD26;+33 6 01 02 03 04',
        ),
      );
      const record = result.records[0];
      expect(record.data.person.lastName).toBe('\'=HYPERLINK("http://x")');
      expect(record.data.person.firstNames).toEqual(["'@SUM(A1)"]);
      expect(record.data.person.address?.lines).toEqual(["'-1 rue A"]);
      expect(record.data.structureName).toBe("'+CD26");
      expect(record.data.person.phone).toBe('+33601020304');
      expect(record.warnings.map((warning) => [warning.code, warning.field])).toEqual([
        ['FORMULA_NEUTRALISED', 'Nom'],
        ['FORMULA_NEUTRALISED', 'Prénom'],
        ['FORMULA_NEUTRALISED', 'Adresse'],
        ['FORMULA_NEUTRALISED', 'Structure'],
      ]);
    });

    it('keeps as text a part of a list that starts like a formula when the cell does not', async () => {
      const result = await parseAll(
        csv('Nom;Prénom;Date de naissance;Tags', 'Dupont;"Léa,=HYPERLINK(""http://x"")";01/01/1970;rsa,@cmd'),
      );
      const record = result.records[0];
      expect(record.data.person.firstNames).toEqual(['Léa', '\'=HYPERLINK("http://x")']);
      expect(record.data.tags).toEqual(['rsa', "'@cmd"]);
      expect(record.warnings.map((warning) => [warning.code, warning.field])).toEqual([
        ['FORMULA_NEUTRALISED', 'Prénom'],
        ['FORMULA_NEUTRALISED', 'Tags'],
      ]);
    });

    it('refuses a line longer than the limit', async () => {
      const error = await parseError(
        csv('Nom;Prénom;Date de naissance', `Dupont;${'x'.repeat(5000)};01/01/1970`),
        {
          limits: { maxRecordSize: 1000 },
        },
      );
      expect(error.code).toBe('LINE_TOO_LONG');
      expect(error.message).toBe(
        'a line is longer than 1000 characters (Max Record Size: record exceed the maximum number of tolerated bytes of 1000 at line 2)',
      );
    });

    it('refuses a quote left open', async () => {
      const error = await parseError('Nom;Prénom;Date de naissance\nDupont;"Jean;01/01/1970\n');
      expect(error.code).toBe('CSV_MALFORMED');
      expect(error.message).toMatch(/^the CSV is malformed \(Quote Not Closed/);
    });

    it('rejects a NIR with a wrong key without writing the NIR anywhere', async () => {
      const result = await parseAll(
        csv(
          'Nom;Prénom;Date de naissance;NIR',
          'Dupont;Jean;01/01/1970;185077505612324',
          'Durand;Anne;01/01/1971;1850775056123',
          'Martin;Léa;01/01/1972;2A0775056123',
        ),
      );
      const rejected = rejectedAt(result, 2);
      expect(rejected.issues).toEqual([
        {
          code: 'INVALID_NIR',
          severity: 'error',
          field: 'NIR',
          message: 'NIR: NIR key does not match (97 - n mod 97)',
        },
      ]);
      expect(JSON.stringify(result.items)).not.toContain('18507750561232');
      expect(recordAt(result, 3).person.nir).toBe('1850775056123');
      expect(rejectedAt(result, 4).issues[0]).toMatchObject({
        code: 'INVALID_NIR',
        message: expect.stringContaining('got 12'),
      });
      for (const item of result.items) expect(item.key ?? '').not.toMatch(/\d{13}/);
    });

    it('accepts a Corsican NIR with its key', async () => {
      const result = await parseAll(
        csv('Nom;Prénom;Date de naissance;NIR', 'Santoni;Paul;01/01/1970;1 70 01 2A 004 012 62'),
      );
      expect(result.rejected).toEqual([]);
      expect(result.records[0].data.person.nir).toBe('170012A00401262');
    });

    it('rejects later rows with the same key, the same NIR or repeating a row exactly', async () => {
      const result = await parseAll(
        csv(
          'ID Iodas;Nom;Prénom;Date de naissance;NIR',
          '10;Dupont;Jean;01/01/1970;1850775056123',
          '10;Dupont;Jean;01/01/1970;1850775056123',
          '10;Dupond;Jean;01/01/1970;',
          '11;Durand;Anne;01/01/1971;1850775056123',
          ';Martin;Léa;02/02/1972;',
          ';MARTIN;Léa;02/02/1972;',
        ),
      );
      expect(result.records.map((record) => record.key)).toEqual([
        'department_si:26:10',
        'identity:MARTIN|LEA|1972-02-02',
      ]);
      expect(
        result.rejected.map((item) => [item.position, item.issues[0].code, item.issues[0].message]),
      ).toEqual([
        [3, 'DUPLICATE_IN_FILE', 'the row repeats row 2 exactly'],
        [4, 'DUPLICATE_IN_FILE', 'row 2 has the same SI identifier'],
        [5, 'DUPLICATE_IN_FILE', 'row 2 has the same NIR'],
        [7, 'DUPLICATE_IN_FILE', 'row 6 has the same names and birth date'],
      ]);
    });

    it('rejects a row without any identifier and a row without a last name', async () => {
      const result = await parseAll(
        csv('Nom;Prénom;Adresse;Date de naissance', 'Dupont;Jean;1 rue A;', ';Anne;;01/01/1970'),
      );
      expect(rejectedAt(result, 2).issues).toEqual([
        {
          code: 'MISSING_FIELD',
          severity: 'error',
          message:
            'the row has no identifier: it needs an SI id, a birth date, a CAF number, an email, a phone or a NIR',
        },
      ]);
      expect(rejectedAt(result, 3).issues).toEqual([
        { code: 'MISSING_FIELD', severity: 'error', field: 'Nom', message: 'Nom is empty' },
      ]);
    });

    it('keeps a row with unreadable optional values, with warnings', async () => {
      const result = await parseAll(
        csv(
          'Nom;Prénom;Date de naissance;Civilité;Rôle;Téléphone;Email;Code postal;RSA;Situation',
          'Dupont;Jean;01/01/1970;Dr;grand-père;12;jean@;00100;peut-être;chômage',
        ),
        { profile: 'rdv-insertion' },
      );
      const record = result.records[0];
      expect(record.data).toMatchObject({ role: null, receivesRsa: null, phones: [], situation: null });
      expect(record.data.person).toEqual({
        identifiers: [],
        lastName: 'Dupont',
        firstNames: ['Jean'],
        birthDate: '1970-01-01',
      });
      expect(record.warnings.map((warning) => `${warning.code} ${warning.message}`)).toEqual([
        'INVALID_VALUE Téléphone: 1 value(s) not a phone number',
        'INVALID_VALUE Email: 1 value(s) not an email',
        'INVALID_CODE Civilité is not a civilité',
        'INVALID_VALUE Code postal is not a postal code',
        'INVALID_CODE Rôle is not a known role',
        'INVALID_VALUE RSA is not Oui/Non',
      ]);
      expect(result.header?.details?.['unknownHeaders']).toBe('Situation');
    });

    it('refuses invalid UTF-8 after a valid start', async () => {
      const head = Buffer.from(
        csv(
          'Nom;Prénom;Date de naissance',
          ...Array.from({ length: 3000 }, (_, i) => `Nom${i};Jean;01/01/1970`),
        ),
      );
      const error = await parseError([head, Buffer.from([0x44, 0xe9, 0x3b, 0x0d, 0x0a])]);
      expect(error.code).toBe('ENCODING_INVALID');
    });

    it('refuses legacy .xls, PDF and binary files', async () => {
      const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
      expect(await parseError(xls, { fileName: 'liste.xls' })).toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
      expect(await parseError('%PDF-1.7\n')).toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
      expect(
        await parseError(Buffer.from([0x01, 0x00, 0x02, 0x00, 0x03, 0x99, 0x00, 0xff, 0x00])),
      ).toMatchObject({
        code: 'UNSUPPORTED_FORMAT',
      });
    });

    it('warns when the file name does not match the content', async () => {
      const result = await parseAll(csv('Nom;Prénom;Date de naissance', 'Dupont;Jean;01/01/1970'), {
        fileName: 'liste.xlsx',
      });
      expect(result.header?.warnings).toEqual([
        {
          code: 'UNSUPPORTED_FORMAT',
          severity: 'warning',
          message: 'the file name says XLSX but the content is CSV: read as CSV',
        },
      ]);
      expect(result.records).toHaveLength(1);
    });

    it('refuses a department code that is not one', async () => {
      await expect(parseAll('Nom;Prénom\n', { departmentCode: '20' })).rejects.toThrow(RangeError);
      await expect(parseAll('Nom;Prénom\n', { profile: 'inconnu' })).rejects.toMatchObject({
        code: 'UNSUPPORTED_FORMAT',
      });
    });
  });

  it('reads a custom department profile given as data', async () => {
    const profile: DepartmentProfile = {
      id: 'yonne',
      label: 'Yonne',
      columns: {
        cafNumber: ['N° CAF'],
        lastName: ['Nom'],
        firstName: ['Prénom'],
        birthName: ['Nom JF'],
        siId: ['Code individu Iodas'],
        birthDate: ['Date de naissance'],
      },
      required: ['lastName', 'firstName', 'siId'],
    };
    const result = await parseAll(
      csv(
        'N° CAF;Nom;Prénom;Nom JF;Code individu Iodas;Date de naissance',
        '12345;Durand;Anne;Martin;IOD-9;05/06/1980',
      ),
      {
        profile,
        departmentCode: '89',
      },
    );
    expect(result.header?.details?.['profile']).toBe('yonne');
    expect(result.records[0]).toMatchObject({
      key: 'department_si:89:IOD-9',
      data: {
        profile: 'yonne',
        cafNumber: '12345',
        person: { birthName: 'Martin', identifiers: [{ system: 'department_si', value: '89:IOD-9' }] },
      },
    });
  });

  it('streams: the first record comes long before the end of a large file', async () => {
    const total = 200_000;
    let produced = 0;
    async function* lines(): AsyncGenerator<Buffer> {
      yield Buffer.from('Nom;Prénom;Date de naissance\n');
      for (let start = 0; start < total; start += 1000) {
        produced += 1000;
        yield Buffer.from(
          Array.from({ length: 1000 }, (_, i) => `Nom${start + i};Jean;01/01/1970\n`).join(''),
        );
      }
    }
    const items = parseDepartmentFile(Readable.from(lines()), { fileName: 'x.csv', departmentCode: '26' });
    const first = await items.next();
    expect(first.value).toMatchObject({ kind: 'record', position: 2, key: 'identity:NOM0|JEAN|1970-01-01' });
    expect(produced).toBeLessThan(total / 4);
    await items.return(undefined);
  });

  it('reads a header without rows as an empty list', async () => {
    const result = await parseAll('Nom;Prénom;Date de naissance\r\n');
    expect(result.items).toEqual([]);
    expect(result.header?.details?.['profile']).toBe('rdv-insertion');
  });

  it('lets the caller stop early', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `Nom${i};Jean;01/01/1970`);
    const input = Readable.from(chunked(Buffer.from(csv('Nom;Prénom;Date de naissance', ...lines)), 1024));
    let seen = 0;
    for await (const item of parseDepartmentFile(input, { fileName: 'x.csv', departmentCode: '26' })) {
      expect(item.kind).toBe('record');
      seen += 1;
      if (seen === 3) break;
    }
    expect(seen).toBe(3);
    expect(input.destroyed).toBe(true);
  });
});
