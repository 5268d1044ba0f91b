import { Readable } from 'node:stream';
import { strToU8, zipSync } from 'fflate';
import {
  buildOds,
  chunked,
  odsContent,
  odsRow,
  odsTable,
  odsText,
  parseAll,
  parseError,
  recordAt,
  rejectedAt,
} from '../../test/helpers';
import { parseDepartmentFile } from '../parse-department-file';
import { CARNET_DE_BORD_PROFILE } from '../profiles';

const HEADER = odsRow(
  ['Nom', 'Prénom', 'Date de naissance', 'NIR', 'Téléphone', 'Adresse', 'Tags'].map((h) => odsText(h)),
);

const typedRow = odsRow([
  odsText('Dupont'),
  '<table:table-cell office:value-type="string"><text:p>Jean<text:s text:c="2"/>Marc</text:p>' +
    '<office:annotation><text:p>note privée</text:p></office:annotation></table:table-cell>',
  '<table:table-cell office:value-type="date" office:date-value="1970-01-31"><text:p>31/01/70</text:p></table:table-cell>',
  '<table:table-cell office:value-type="float" office:value="1850775056123"><text:p>1,85E+12</text:p></table:table-cell>',
  '<table:table-cell office:value-type="float" office:value="612345678" table:formula="of:=612345678"><text:p>612345678</text:p></table:table-cell>',
  '<table:table-cell office:value-type="string"><text:p>1 rue A</text:p><text:p>Bât.<text:tab/>B</text:p></table:table-cell>',
  odsText('a, b'),
]);

describe('parseDepartmentFile: ODS', () => {
  it('reads typed cells, paragraphs and spaces, never annotations or formulas', async () => {
    const bytes = buildOds(odsContent([odsTable('Entrants', [HEADER, typedRow])]));
    const result = await parseAll(bytes, { fileName: 'liste.ods' });
    expect(result.header?.details).toMatchObject({
      format: 'ods',
      sheet: 'Entrants',
      profile: 'rdv-insertion',
    });
    expect(result.records).toHaveLength(1);
    expect(recordAt(result, 2).person).toEqual({
      identifiers: [],
      lastName: 'Dupont',
      firstNames: ['Jean Marc'],
      nir: '1850775056123',
      birthDate: '1970-01-31',
      phone: '+33612345678',
      address: { lines: ['1 rue A Bât. B'], postalCode: null, city: null },
    });
    expect(recordAt(result, 2).tags).toEqual(['a', 'b']);
  });

  it('expands repeated cells and rows, and skips the empty filler rows cheaply', async () => {
    const content = odsContent([
      odsTable('Feuille1', [
        odsRow([
          odsText('Nom'),
          '<table:table-cell table:number-columns-repeated="3"/>',
          odsText('Prénom'),
          odsText('Date de naissance'),
        ]),
        odsRow([
          odsText('Martin'),
          '<table:table-cell table:number-columns-repeated="3"/>',
          odsText('Léa'),
          odsText('02/02/1972'),
        ]),
        odsRow(['<table:table-cell table:number-columns-repeated="16384"/>'], 1_048_000),
        odsRow(
          [
            odsText('Petit', 1),
            odsText('x', 3),
            odsText('Zoé'),
            odsText('03/03/1973'),
            '<table:table-cell table:number-columns-repeated="16000"/>',
          ],
          3,
        ),
      ]),
    ]);
    const result = await parseAll(buildOds(content));
    expect(result.header?.details?.['unknownHeaders']).toBeNull();
    expect(recordAt(result, 2).person).toMatchObject({
      lastName: 'Martin',
      firstNames: ['Léa'],
      birthDate: '1972-02-02',
    });
    const firstCopy = 2 + 1_048_000 + 1;
    expect(recordAt(result, firstCopy).person).toMatchObject({ lastName: 'Petit', firstNames: ['Zoé'] });
    expect(rejectedAt(result, firstCopy + 1).issues[0].message).toBe(
      `the row repeats row ${firstCopy} exactly`,
    );
    expect(rejectedAt(result, firstCopy + 2).issues[0].code).toBe('DUPLICATE_IN_FILE');
    expect(result.items).toHaveLength(4);
  });

  it('caps the copies of a repeated non-empty row', async () => {
    const content = odsContent([
      odsTable('Feuille1', [
        odsRow([odsText('Nom'), odsText('Prénom'), odsText('Date de naissance')]),
        odsRow([odsText('Petit'), odsText('Zoé'), odsText('03/03/1973')], 1_000_000),
      ]),
    ]);
    const result = await parseAll(buildOds(content), { limits: { maxRepeatedRows: 5 } });
    expect(result.items).toHaveLength(5);
  });

  it("reads the profile's sheet, not the first one", async () => {
    const content = odsContent([
      odsTable('Lisez-moi', [odsRow([odsText('Remplir la feuille suivante')])]),
      odsTable('Import', [
        odsRow(['Identifiant dans le SI', 'Prénom', 'Nom', 'Date de naissance'].map((h) => odsText(h))),
        odsRow([odsText('A1'), odsText('Léa'), odsText('Martin'), odsText('1972-02-02')]),
      ]),
    ]);
    const result = await parseAll(buildOds(content), {
      profile: { ...CARNET_DE_BORD_PROFILE, sheetName: 'import' },
    });
    expect(result.header?.details?.['sheet']).toBe('Import');
    expect(result.records.map((record) => record.key)).toEqual(['department_si:26:A1']);
    expect(
      await parseError(buildOds(content), { profile: { ...CARNET_DE_BORD_PROFILE, sheetName: 'Autre' } }),
    ).toMatchObject({
      code: 'SPREADSHEET_UNREADABLE',
      message: 'the workbook has no sheet named "Autre" (sheets: Lisez-moi, Import)',
    });
  });

  it('reads the same whatever the chunking', async () => {
    const bytes = buildOds(odsContent([odsTable('Entrants', [HEADER, typedRow])]));
    const whole = await parseAll(bytes);
    expect((await parseAll(chunked(bytes, 7))).items).toEqual(whole.items);
  });

  it('streams: the first record comes long before the end of the archive', async () => {
    // Pseudo-random names, so that the archive does not compress to less than the format sniffing reads.
    let seed = 42;
    const noise = (): string =>
      Array.from({ length: 16 }, () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return String.fromCharCode(97 + (seed % 26));
      }).join('');
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      odsRow([odsText(`Nom${i}`), odsText(`Jean ${noise()}`), odsText('01/01/1970')]),
    );
    const bytes = buildOds(
      odsContent([
        odsTable('Feuille1', [
          odsRow(['Nom', 'Prénom', 'Date de naissance'].map((h) => odsText(h))),
          ...rows,
        ]),
      ]),
    );
    const chunks = chunked(bytes, 1024);
    let consumed = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      for (const chunk of chunks) {
        consumed += 1;
        yield chunk;
      }
    }
    const items = parseDepartmentFile(Readable.from(source()), { fileName: 'x.ods', departmentCode: '26' });
    const first = await items.next();
    expect(first.value).toMatchObject({ kind: 'record', position: 2 });
    expect(first.value?.key).toMatch(/^identity:NOM0\|JEAN [A-Z]{16}\|1970-01-01$/);
    expect(consumed).toBeLessThan(chunks.length / 4);
    await items.return(undefined);
  });

  it('refuses malformed, truncated, empty and oversized workbooks', async () => {
    const malformed = buildOds(
      '<office:document-content><table:table table:name="x"><table:table-row></table:table>',
    );
    expect(await parseError(malformed)).toMatchObject({ code: 'SPREADSHEET_UNREADABLE' });
    const bytes = buildOds(odsContent([odsTable('Entrants', [HEADER, typedRow])]));
    expect(await parseError(bytes.subarray(0, 200))).toMatchObject({
      code: 'SPREADSHEET_UNREADABLE',
      message: expect.stringMatching(/truncated|corrupt/),
    });
    expect(await parseError(buildOds(odsContent([])))).toMatchObject({
      code: 'SPREADSHEET_UNREADABLE',
      message: 'the workbook has no sheet',
    });
    expect(await parseError(buildOds(odsContent([odsTable('Vide', [])])))).toMatchObject({
      code: 'EMPTY_FILE',
    });
    const bomb = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': new Uint8Array(4 * 1024 * 1024).fill(0x20),
    });
    expect(await parseError(bomb, { limits: { maxUncompressedBytes: 1024 * 1024 } })).toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
  });
});
