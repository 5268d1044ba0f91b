import { Readable } from 'node:stream';
import type { FileHeader, ParsedItem } from '@spie/ingestion/domain';
import { bytes, collect, cp1252, fileError } from '../../test/helpers';
import { parsePrincipalFile } from './principal.parser';
import {
  PRINCIPAL_COLUMNS,
  type FranceTravailPrincipalRecord,
  type PrincipalColumn,
} from './principal.types';

const HEADER = PRINCIPAL_COLUMNS.join(';');

const BASE: Record<PrincipalColumn, string> = {
  identifiant_unique_de: '01234567891',
  civilite: 'MME',
  nom: 'DUPONT',
  prenom: 'MARIE',
  lieu_naissance: 'RENNES',
  code_lieu_naissance: '35238',
  date_naissance: '1985-07-14 00:00:00.0',
  adresse_ligne2: 'APPARTEMENT 12',
  adresse_ligne3: 'NULL',
  adresse_ligne4: '3 RUE DES LILAS',
  adresse_ligne5: 'NULL',
  adresse_ligne6: '35000 RENNES',
  departement: '35',
  dr: '053',
  rome_1: 'K1303',
  appelation_rome_1: "Aide maternel / maternelle d'école",
  rome_2: 'G1603',
  appelation_rome_2: 'Employé / Employée polyvalent(e) de restauration',
  'mrech.axetravailprincipal': 'TECHNIQ. RECH. EMPL.',
  'mrech.axetravailsecondaire': 'NULL',
  der_entretien_ppae: '2023-01-31 00:00:00.0',
  der_entretien: '2023-03-02 00:00:00.0',
  inscription: '2022-11-15 00:00:00.0',
  code_motif_inscription: '14',
  motif_inscription: 'FIN DE CDD OU DE CONTRAT AIDE',
  categorie_inscription: '1',
  struct_principale: 'RENNES OUEST',
  referent_civilite: 'M.',
  referent_nom: 'MARTIN',
  referent_prenom: 'Paul',
  referent_mail: 'paul.martin@francetravail.fr',
  code_safir: '35045',
  modalite_accompagnement: 'RENFORCE',
  struct_suivi: 'RENNES OUEST',
  suivi_debut: '2022-12-01 00:00:00.0',
  suivi_fin_prev: '2023-12-01 00:00:00.0',
  dif_financiere: 'O',
  dif_admin_jur: 'N',
  dif_sante: 'NULL',
  dif_logement: 'OUI',
  dif_transport: 'NON',
  dif_inser_com: 'NULL',
  dif_familiale: 'N',
  brsa: 'O',
};

function line(overrides: Partial<Record<PrincipalColumn, string>> = {}): string {
  const values = { ...BASE, ...overrides };
  return PRINCIPAL_COLUMNS.map((column) => values[column]).join(';');
}

function file(...lines: string[]): string {
  return [HEADER, ...lines].join('\n') + '\n';
}

function records(items: ParsedItem<FranceTravailPrincipalRecord>[]): FranceTravailPrincipalRecord[] {
  return items.flatMap((item) => (item.kind === 'record' ? [item.data] : []));
}

describe('parsePrincipalFile', () => {
  it('maps every column of a line', async () => {
    const items = await collect(parsePrincipalFile(bytes(file(line()))));
    expect(items).toEqual([
      {
        kind: 'record',
        position: 2,
        key: '01234567891',
        warnings: [],
        data: {
          franceTravailId: '01234567891',
          person: {
            identifiers: [{ system: 'france_travail', value: '01234567891' }],
            lastName: 'DUPONT',
            firstNames: ['MARIE'],
            birthDate: '1985-07-14',
            birthPlace: 'RENNES (35238)',
            sex: 'F',
            address: {
              lines: ['APPARTEMENT 12', '3 RUE DES LILAS'],
              postalCode: '35000',
              city: 'RENNES',
            },
          },
          birthPlaceCode: '35238',
          departmentCode: '35',
          regionCode: '053',
          rsaBeneficiary: true,
          registration: {
            registeredOn: '2022-11-15',
            reasonCode: '14',
            reason: 'FIN DE CDD OU DE CONTRAT AIDE',
            category: '1',
          },
          agency: { safirCode: '35045', name: 'RENNES OUEST' },
          followUp: { structure: 'RENNES OUEST', startOn: '2022-12-01', plannedEndOn: '2023-12-01' },
          referent: {
            civility: 'M.',
            lastName: 'MARTIN',
            firstName: 'Paul',
            email: 'paul.martin@francetravail.fr',
          },
          accompanimentMode: 'RENFORCE',
          lastPpaeInterviewOn: '2023-01-31',
          lastInterviewOn: '2023-03-02',
          projects: [
            { romeCode: 'K1303', label: "Aide maternel / maternelle d'école" },
            { romeCode: 'G1603', label: 'Employé / Employée polyvalent(e) de restauration' },
          ],
          searchAxes: { main: 'TECHNIQ. RECH. EMPL.', secondary: null },
          difficulties: {
            financiere: true,
            adminJuridique: false,
            sante: null,
            logement: true,
            transport: false,
            insertionCommunication: null,
            familiale: false,
          },
        },
      },
    ]);
  });

  it('reads NULL as null everywhere and keeps a foreign address whole', async () => {
    const blank = Object.fromEntries(
      PRINCIPAL_COLUMNS.filter((c) => !['identifiant_unique_de', 'nom'].includes(c)).map((c) => [c, 'NULL']),
    );
    const [item] = await collect(parsePrincipalFile(bytes(file(line(blank)))));
    expect(item.kind).toBe('record');
    const data = (item as { data: FranceTravailPrincipalRecord }).data;
    expect(data.person).toEqual({
      identifiers: [{ system: 'france_travail', value: '01234567891' }],
      lastName: 'DUPONT',
      firstNames: [],
      birthDate: null,
      birthPlace: null,
      sex: null,
      address: null,
    });
    expect(data.referent).toBeNull();
    expect(data.projects).toEqual([]);
    expect(data.rsaBeneficiary).toBeNull();
    expect(Object.values(data.difficulties)).toEqual([null, null, null, null, null, null, null]);

    const [foreign] = records(
      await collect(
        parsePrincipalFile(
          bytes(file(line({ adresse_ligne4: 'RUE DU RHONE 12', adresse_ligne6: '1204 GENEVE SUISSE' }))),
        ),
      ),
    );
    expect(foreign.person.address).toEqual({
      lines: ['APPARTEMENT 12', 'RUE DU RHONE 12', '1204 GENEVE SUISSE'],
      postalCode: null,
      city: null,
    });
  });

  it('decodes a windows-1252 file', async () => {
    let header: FileHeader | undefined;
    const content = cp1252(
      file(line({ nom: 'LEFÈVRE', prenom: 'HÉLÈNE', appelation_rome_1: 'Aide ménagère' })),
    );
    expect(content.includes(0xc8)).toBe(true);
    const [record] = records(
      await collect(parsePrincipalFile(bytes(content), { onHeader: (h) => (header = h) })),
    );
    expect(record.person.lastName).toBe('LEFÈVRE');
    expect(record.person.firstNames).toEqual(['HÉLÈNE']);
    expect(record.projects[0].label).toBe('Aide ménagère');
    expect(header?.details).toEqual({
      encoding: 'windows-1252',
      bom: 'no',
      columns: 44,
      unknownHeaders: null,
    });
  });

  it('decodes windows-1252 met after a long ASCII start, in another chunk', async () => {
    const ascii = file(line({ identifiant_unique_de: 'A1' }));
    const latin = cp1252(line({ identifiant_unique_de: 'A2', nom: 'GARÇON' }) + '\n');
    const items = await collect(parsePrincipalFile(bytes(ascii, latin)));
    expect(records(items).map((r) => r.person.lastName)).toEqual(['DUPONT', 'GARÇON']);
  });

  it('decodes UTF-8 with a BOM, even when multi-byte characters are cut between chunks', async () => {
    let header: FileHeader | undefined;
    const content = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(file(line({ nom: 'ÇÉLINE-ŒUVRE' })), 'utf8'),
    ]);
    const oneByteChunks = Readable.from([...content].map((b) => Buffer.from([b])));
    const [record] = records(
      await collect(parsePrincipalFile(oneByteChunks, { onHeader: (h) => (header = h) })),
    );
    expect(record.person.lastName).toBe('ÇÉLINE-ŒUVRE');
    expect(record.franceTravailId).toBe('01234567891');
    expect(header?.details?.['bom']).toBe('yes');
    expect(header?.details?.['encoding']).toBe('utf-8');
  });

  it('decodes UTF-8 without BOM and flags invalid bytes met after the first 64 KiB', async () => {
    const good = Array.from({ length: 300 }, (_, i) => line({ identifiant_unique_de: `A${i}`, nom: 'JOSÉ' }));
    const rest = line().split(';').slice(3).join(';');
    const bad = Buffer.concat([Buffer.from('B1;MME;JOS'), Buffer.from([0xc9]), Buffer.from(`;${rest}\n`)]);
    expect(Buffer.byteLength(file(...good))).toBeGreaterThan(128 * 1024);
    const items = await collect(parsePrincipalFile(bytes(file(...good), bad)));
    expect(items).toHaveLength(301);
    expect(records(items)[0].person.lastName).toBe('JOSÉ');
    expect(items[300]).toEqual(
      expect.objectContaining({
        kind: 'record',
        key: 'B1',
        warnings: [
          {
            code: 'ENCODING_INVALID',
            field: 'nom',
            message: 'nom holds bytes that are not valid UTF-8 (shown as \uFFFD)',
            severity: 'warning',
          },
        ],
      }),
    );
    expect(records(items)[300].person.lastName).toBe('JOS\uFFFD');
  });

  it('accepts CRLF line ends, headers in another order and case, and reports unknown headers', async () => {
    const columns = [...PRINCIPAL_COLUMNS].reverse();
    const values = columns.map((c) => BASE[c]);
    let header: FileHeader | undefined;
    const content =
      [...columns.map((c) => c.toUpperCase()), 'commentaire'].join(';') +
      '\r\n' +
      [...values, 'x'].join(';') +
      '\r\n';
    const [record] = records(
      await collect(parsePrincipalFile(bytes(content), { onHeader: (h) => (header = h) })),
    );
    expect(record.franceTravailId).toBe('01234567891');
    expect(record.rsaBeneficiary).toBe(true);
    expect(record.person.birthDate).toBe('1985-07-14');
    expect(header?.details?.['unknownHeaders']).toBe('commentaire');
    expect(header?.details?.['columns']).toBe(45);
  });

  it('rejects a line with the wrong number of fields and goes on', async () => {
    const short = line({ identifiant_unique_de: 'SHORT' }).split(';').slice(0, 43).join(';');
    const long = line({ identifiant_unique_de: 'LONG' }) + ';extra';
    const items = await collect(
      parsePrincipalFile(bytes(file(short, long, line({ identifiant_unique_de: 'OK' })))),
    );
    expect(items).toEqual([
      {
        kind: 'rejected',
        position: 2,
        key: 'SHORT',
        issues: [
          {
            code: 'CSV_MALFORMED',
            message: 'Line 2 has 43 fields, the header has 44',
            severity: 'error',
          },
        ],
      },
      {
        kind: 'rejected',
        position: 3,
        key: 'LONG',
        issues: [
          {
            code: 'CSV_MALFORMED',
            message: 'Line 3 has 45 fields, the header has 44',
            severity: 'error',
          },
        ],
      },
      expect.objectContaining({ kind: 'record', position: 4, key: 'OK' }),
    ]);
  });

  it('refuses a file without the required headers, listing them', async () => {
    const columns = PRINCIPAL_COLUMNS.filter((c) => c !== 'brsa' && c !== 'date_naissance');
    const error = await fileError(collect(parsePrincipalFile(bytes(columns.join(';') + '\n'))));
    expect(error.code).toBe('CSV_MISSING_HEADERS');
    expect(error.message).toBe('Missing columns: date_naissance, brsa');
  });

  it('says when the separator is not a semicolon', async () => {
    const error = await fileError(collect(parsePrincipalFile(bytes(PRINCIPAL_COLUMNS.join(',') + '\n'))));
    expect(error.code).toBe('CSV_MISSING_HEADERS');
    expect(error.message).toContain('the separator must be ";"');
  });

  it('refuses a header naming a column twice', async () => {
    const error = await fileError(collect(parsePrincipalFile(bytes(`${HEADER};NOM\n`))));
    expect(error.code).toBe('CSV_MALFORMED');
    expect(error.message).toBe('Columns named twice in the header: NOM');
  });

  it('rejects an invalid date naming the column', async () => {
    const items = await collect(
      parsePrincipalFile(
        bytes(file(line({ date_naissance: '1985-02-30 00:00:00.0', suivi_debut: 'demain' }))),
      ),
    );
    expect(items).toEqual([
      {
        kind: 'rejected',
        position: 2,
        key: '01234567891',
        issues: [
          {
            code: 'INVALID_DATE',
            field: 'date_naissance',
            message: 'date_naissance is not a date: "1985-02-30 00:00:00.0"',
            severity: 'error',
          },
          {
            code: 'INVALID_DATE',
            field: 'suivi_debut',
            message: 'suivi_debut is not a date: "demain"',
            severity: 'error',
          },
        ],
      },
    ]);
  });

  it('rejects a line without identifiant or name', async () => {
    const items = await collect(
      parsePrincipalFile(bytes(file(line({ identifiant_unique_de: 'NULL', nom: ' ' })))),
    );
    expect(items).toEqual([
      {
        kind: 'rejected',
        position: 2,
        issues: [
          {
            code: 'MISSING_FIELD',
            field: 'identifiant_unique_de',
            message: 'identifiant_unique_de is empty',
            severity: 'error',
          },
          { code: 'MISSING_FIELD', field: 'nom', message: 'nom is empty', severity: 'error' },
        ],
      },
    ]);
  });

  it('rejects the second line of an identifiant seen twice', async () => {
    const items = await collect(
      parsePrincipalFile(
        bytes(file(line(), line({ identifiant_unique_de: 'OTHER' }), line({ nom: 'DURAND' }))),
      ),
    );
    expect(items.map((i) => i.kind)).toEqual(['record', 'record', 'rejected']);
    expect(items[2]).toEqual({
      kind: 'rejected',
      position: 4,
      key: '01234567891',
      issues: [
        {
          code: 'DUPLICATE_IN_FILE',
          field: 'identifiant_unique_de',
          message: 'identifiant_unique_de 01234567891 already appears on an earlier line of this file',
          severity: 'error',
        },
      ],
    });
  });

  it('stops on a line longer than the limit, after the lines before it', async () => {
    const huge = line({ motif_inscription: 'X'.repeat(5000) });
    const seen: ParsedItem<FranceTravailPrincipalRecord>[] = [];
    const error = await fileError(
      (async () => {
        for await (const item of parsePrincipalFile(
          bytes(file(line(), huge, line({ identifiant_unique_de: 'B' }))),
          {
            maxRecordSize: 2000,
          },
        )) {
          seen.push(item);
        }
      })(),
    );
    expect(error.code).toBe('LINE_TOO_LONG');
    expect(error.message).toBe('Line 3 is longer than 2000 bytes (or opens a quote that is never closed)');
    expect(seen.map((i) => i.key)).toEqual(['01234567891']);
  });

  it('stops on a quote that is never closed', async () => {
    const error = await fileError(collect(parsePrincipalFile(bytes(file(line({ nom: '"DUPONT' }))))));
    expect(error.code).toBe('CSV_MALFORMED');
    expect(error.message).toBe('The file ends inside a quoted value (quote opened at or before line 2)');
  });

  it('keeps quotes inside an unquoted value and reads a quoted value with a semicolon', async () => {
    const [record] = records(
      await collect(
        parsePrincipalFile(bytes(file(line({ nom: 'DE "LA" TOUR', motif_inscription: '"FIN; DE CDD"' })))),
      ),
    );
    expect(record.person.lastName).toBe('DE "LA" TOUR');
    expect(record.registration.reason).toBe('FIN; DE CDD');
  });

  it.each([
    ['no byte at all', Buffer.alloc(0)],
    ['a BOM only', Buffer.from([0xef, 0xbb, 0xbf])],
    ['blank lines', Buffer.from('\n\n\r\n')],
  ])('refuses an empty file (%s)', async (_, content) => {
    const error = await fileError(collect(parsePrincipalFile(bytes(content))));
    expect(error.code).toBe('EMPTY_FILE');
  });

  it('accepts a header without lines', async () => {
    expect(await collect(parsePrincipalFile(bytes(HEADER)))).toEqual([]);
  });

  it.each([
    ['binary (NUL bytes)', Buffer.from([0x30, 0x82, 0x00, 0x10, 0x06]), 'UNSUPPORTED_FORMAT'],
    ['a ZIP archive', Buffer.from('PK\x03\x04abcd', 'latin1'), 'UNSUPPORTED_FORMAT'],
    [
      'UTF-16',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER, 'utf16le')]),
      'ENCODING_UNSUPPORTED',
    ],
  ])('refuses %s', async (_, content, code) => {
    const error = await fileError(collect(parsePrincipalFile(bytes(content))));
    expect(error.code).toBe(code);
  });

  it('neutralises values that a spreadsheet would run as formulas', async () => {
    const [item] = await collect(
      parsePrincipalFile(bytes(file(line({ nom: '=HYPERLINK("http://x")', referent_prenom: '@SUM(1)' })))),
    );
    expect(item.kind).toBe('record');
    if (item.kind !== 'record') return;
    expect(item.data.person.lastName).toBe('\'=HYPERLINK("http://x")');
    expect(item.data.referent?.firstName).toBe("'@SUM(1)");
    expect(item.warnings.map((w) => [w.code, w.field])).toEqual([
      ['FORMULA_NEUTRALISED', 'nom'],
      ['FORMULA_NEUTRALISED', 'referent_prenom'],
    ]);
  });

  it('neutralises a first name of the list that starts like a formula when the cell does not', async () => {
    const [item] = await collect(parsePrincipalFile(bytes(file(line({ prenom: 'MARIE, =CMD()' })))));
    if (item.kind !== 'record') throw new Error('expected a record');
    expect(item.data.person.firstNames).toEqual(['MARIE', "'=CMD()"]);
    expect(item.warnings.map((w) => [w.code, w.field])).toEqual([['FORMULA_NEUTRALISED', 'prenom']]);
  });

  it('warns on values it cannot read without rejecting the line', async () => {
    const [item] = await collect(
      parsePrincipalFile(
        bytes(
          file(
            line({
              civilite: 'DR',
              dif_sante: 'PEUT-ETRE',
              departement: '123',
              referent_mail: 'pas-un-mail',
              rome_1: 'NULL',
              rome_2: 'k1303',
            }),
          ),
        ),
      ),
    );
    expect(item.kind).toBe('record');
    if (item.kind !== 'record') return;
    expect(item.data.person.sex).toBeUndefined();
    expect(item.data.difficulties.sante).toBeNull();
    expect(item.data.projects).toEqual([
      { romeCode: 'K1303', label: 'Employé / Employée polyvalent(e) de restauration' },
    ]);
    expect(item.warnings.map((w) => [w.code, w.field])).toEqual([
      ['INVALID_VALUE', 'civilite'],
      ['INVALID_CODE', 'departement'],
      ['INVALID_VALUE', 'referent_mail'],
      ['MISSING_FIELD', 'rome_1'],
      ['INVALID_VALUE', 'dif_sante'],
    ]);
  });

  it('streams: reading the first record pulls only the first chunks of a long file', async () => {
    let produced = 0;
    async function* source(): AsyncGenerator<Buffer> {
      yield Buffer.from(HEADER + '\n');
      for (let i = 0; i < 100_000; i++) {
        produced++;
        yield Buffer.from(line({ identifiant_unique_de: `ID${i}` }) + '\n');
      }
    }
    const parser = parsePrincipalFile(source());
    const first = await parser.next();
    expect(first.value).toEqual(expect.objectContaining({ kind: 'record', key: 'ID0' }));
    await parser.return(undefined);
    expect(produced).toBeGreaterThan(0);
    expect(produced).toBeLessThan(1_000);
  });
});
