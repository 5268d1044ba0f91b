import * as ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { buildOds, chunked, parseAll, parseError, recordAt, rejectedAt } from '../../test/helpers';
import { RDV_INSERTION_PROFILE } from '../profiles';
import { toCell } from './xlsx-rows';

const HEADERS = [
  'N° Allocataire',
  'Civilité',
  'Nom bénéficiaire',
  'Prénom bénéficiaire',
  'Date de\nNaissance',
  'Rôle',
  'NIR',
  'N°\nTéléphones',
  'Adresses\nMails',
  'ID IODAS\t',
  "Date d'entrée",
  'Tags',
  'Structure',
  'RSA',
];

async function buildXlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function beneficiaries(sheet: ExcelJS.Worksheet): void {
  sheet.addRow(HEADERS);
  sheet.addRow([
    '0012345',
    'Madame',
    { richText: [{ text: 'Dur' }, { text: 'and', font: { bold: true } }] },
    'Anne',
    new Date(Date.UTC(1985, 1, 3)),
    'CONJOINT(E)',
    2900375117002,
    612345678,
    { text: 'Anne@Example.fr', hyperlink: 'mailto:anne@example.fr' },
    8383,
    44197,
    'Cool, Sympa',
    { formula: 'CONCATENATE("CD","26")', result: 'CD26' },
    true,
  ]);
  sheet.addRow([
    '7654321',
    'M.',
    '=HACK()',
    'Paul',
    '12/05/1979',
    'dem',
    null,
    '06 11 22 33 44',
    null,
    'A-17',
  ]);
  sheet.addRow(['1111111', 'Mme', 'Martin', 'Léa', '32/01/1990', 'dem', null, null, null, 'A-18']);
  sheet.addRow([]);
  sheet.addRow([
    '2222222',
    'Mme',
    'Petit',
    { formula: 'B1&"x"' },
    '01/01/1990',
    'dem',
    null,
    null,
    null,
    'A-19',
  ]);
}

describe('parseDepartmentFile: XLSX', () => {
  it('reads typed cells: dates, numbers, rich text, hyperlinks, formula results', async () => {
    const bytes = await buildXlsx((workbook) => beneficiaries(workbook.addWorksheet('ENTRETIENS PHYSIQUES')));
    const result = await parseAll(bytes, { fileName: 'liste.xlsx' });
    expect(result.header?.details).toMatchObject({
      format: 'xlsx',
      sheet: 'ENTRETIENS PHYSIQUES',
      profile: 'rdv-insertion',
      unknownHeaders: null,
    });
    expect(result.header?.warnings).toEqual([]);
    expect(recordAt(result, 2)).toEqual({
      departmentCode: '26',
      profile: 'rdv-insertion',
      person: {
        identifiers: [{ system: 'department_si', value: '26:8383' }],
        lastName: 'Durand',
        firstNames: ['Anne'],
        nir: '2900375117002',
        birthDate: '1985-02-03',
        sex: 'F',
        email: 'anne@example.fr',
        phone: '+33612345678',
      },
      phones: ['+33612345678'],
      role: 'CJT',
      cafNumber: '0012345',
      rsaRight: null,
      receivesRsa: true,
      rightsOpenedOn: '2021-01-01',
      situation: null,
      educationLevel: null,
      romeProject: null,
      rqth: null,
      areRight: null,
      assRight: null,
      activityBonus: null,
      franceTravailRegistered: null,
      structureName: 'CD26',
      referentEmails: [],
      tags: ['Cool', 'Sympa'],
      mobilityZone: null,
      orientationDecision: null,
      orientationInterviewOn: null,
      cerSignedOn: null,
    });
    const hacked = result.records.find((record) => record.position === 3);
    expect(hacked?.data.person).toMatchObject({
      lastName: "'=HACK()",
      birthDate: '1979-05-12',
      phone: '+33611223344',
    });
    expect(hacked?.warnings).toEqual([
      {
        code: 'FORMULA_NEUTRALISED',
        severity: 'warning',
        field: 'Nom bénéficiaire',
        message: 'Nom bénéficiaire starts like a spreadsheet formula: kept as text',
      },
    ]);
    expect(rejectedAt(result, 4).issues).toEqual([
      {
        code: 'INVALID_DATE',
        severity: 'error',
        field: 'Date de Naissance',
        message: 'Date de Naissance is not a date',
      },
    ]);
    // A formula without cached result is an empty cell, never its formula text.
    expect(rejectedAt(result, 6).issues).toEqual([
      {
        code: 'MISSING_FIELD',
        severity: 'error',
        field: 'Prénom bénéficiaire',
        message: 'Prénom bénéficiaire is empty',
      },
    ]);
    expect(result.items).toHaveLength(4);
  });

  it('reads the same when the archive arrives in small chunks', async () => {
    const bytes = await buildXlsx((workbook) => beneficiaries(workbook.addWorksheet('Feuille1')));
    const whole = await parseAll(bytes);
    const split = await parseAll(chunked(bytes, 997));
    expect(split.items).toEqual(whole.items);
  });

  it("reads the profile's sheet, and refuses a workbook without it", async () => {
    const bytes = await buildXlsx((workbook) => {
      workbook.addWorksheet('Lisez-moi').addRow(['Mode d’emploi']);
      beneficiaries(workbook.addWorksheet('Bénéficiaires'));
    });
    expect(await parseError(bytes)).toMatchObject({ code: 'CSV_MISSING_HEADERS' });
    const profile = { ...RDV_INSERTION_PROFILE, id: 'cd26', sheetName: 'bénéficiaires' };
    const result = await parseAll(bytes, { profile });
    expect(result.header?.details?.['sheet']).toBe('Bénéficiaires');
    expect(result.records).toHaveLength(2);
    const missing = await parseError(bytes, { profile: { ...profile, sheetName: 'Entrants' } });
    expect(missing).toMatchObject({
      code: 'SPREADSHEET_UNREADABLE',
      message: 'the workbook has no sheet named "Entrants" (sheets: Lisez-moi, Bénéficiaires)',
    });
  });

  it('refuses an empty workbook and a truncated or corrupt one', async () => {
    const empty = await buildXlsx((workbook) => workbook.addWorksheet('Feuille1'));
    expect(await parseError(empty)).toMatchObject({ code: 'EMPTY_FILE' });
    const bytes = await buildXlsx((workbook) => beneficiaries(workbook.addWorksheet('Feuille1')));
    expect(await parseError(bytes.subarray(0, Math.floor(bytes.length / 2)))).toMatchObject({
      code: 'SPREADSHEET_UNREADABLE',
    });
    const corrupt = Buffer.from(bytes);
    for (let index = 1200; index < corrupt.length - 600; index += 1) corrupt[index] ^= 0x5a;
    expect(await parseError(corrupt)).toMatchObject({ code: 'SPREADSHEET_UNREADABLE' });
    expect(
      await parseError(Buffer.from('PK\u0003\u0004 this is not really a zip archive at all, sorry')),
    ).toMatchObject({
      code: 'SPREADSHEET_UNREADABLE',
    });
  });

  it('refuses a zip bomb before inflating it', async () => {
    const bomb = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook/>'),
      'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024),
    });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const error = await parseError(bomb, { limits: { maxUncompressedBytes: 1024 * 1024 } });
    expect(error).toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: 'the workbook expands to more than 1 MB',
    });
  });

  it('refuses a zip that is neither XLSX nor ODS', async () => {
    expect(await parseError(zipSync({ 'notes.txt': strToU8('bonjour') }))).toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      message: 'the file is a ZIP archive but neither an XLSX nor an ODS workbook',
    });
    expect(await parseError(zipSync({ 'word/document.xml': strToU8('<w:document/>') }))).toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      message: 'the file is a Word or PowerPoint document, not a workbook',
    });
    expect(await parseError(buildOds('<x/>', 'application/vnd.oasis.opendocument.text'))).toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      message:
        'the file is an OpenDocument archive of another kind (application/vnd.oasis.opendocument.text)',
    });
  });
});

describe('toCell', () => {
  it('never gives a formula, only its cached result', () => {
    expect(toCell({ formula: 'A1*2', result: 4 })).toBe(4);
    expect(toCell({ formula: 'A1', result: { error: '#N/A' } })).toBeNull();
    expect(toCell({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(toCell({ error: '#REF!' })).toBeNull();
    expect(toCell({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
    expect(toCell(Number.NaN)).toBeNull();
  });
});
