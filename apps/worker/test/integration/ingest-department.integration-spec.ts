import * as ExcelJS from 'exceljs';

import { randomNir } from '@spie/shared/testing';

import { randomLetters, startIngestHarness, type IngestHarness } from './ingest-harness';

/** A valid 15-character NIR with its two-digit key changed. */
function wrongKeyNir(): string {
  const nir = randomNir(15);
  const key = (Number(nir.slice(13)) % 97) + 1;
  return `${nir.slice(0, 13)}${String(key).padStart(2, '0')}`;
}

const FORMULA_START = /^[=+\-@]/;

/**
 * Department beneficiary lists (CSV and XLSX, carnet de bord layout) through the real queues and worker: people are
 * created and updated; every bad input is a per-record issue with its code (or, for a file that cannot be read, a
 * refused batch that keeps what was read before the fault), and nothing crashes the worker.
 */
describe('worker: department spreadsheets', () => {
  let harness: IngestHarness;
  const run = randomLetters(6);
  const header =
    'Identifiant dans le SI;Prénom;Nom;Date de naissance;NIR;Email;Adresse;Ville;Colonne inconnue';
  const goodNir = randomNir(15);

  beforeAll(async () => {
    harness = await startIngestHarness({ redisDb: 6 });
  });

  afterAll(async () => {
    await harness?.close();
  });

  const department = (bytes: Buffer, fileName: string) =>
    harness.ingest('department', bytes, { fileName, options: { departmentCode: '052' } });

  async function personBySi(siId: string): Promise<Record<string, unknown> | undefined> {
    const [row] = (await harness.dataSource.query(
      `SELECT p.id, p.last_name, p.first_names, p.birth_date::text AS birth_date, p.email, p.address,
              p.nir_hash IS NOT NULL AS has_nir
         FROM person p JOIN person_identifier i ON i.person_id = p.id
        WHERE i.system = 'department_si' AND i.value = $1`,
      [`52:${siId}`],
    )) as Array<Record<string, unknown>>;
    return row;
  }

  const lines = (email: string) =>
    [
      header,
      `${run}-1;Léa;DUPONT${run};12/04/1990;${goodNir};${email};1 rue de la Gare;Chaumont;x`,
      `${run}-2;Paul;DURAND${run};03/05/1985;${wrongKeyNir()};;;;`,
      `${run}-3;Inès;LEROY${run};31/02/1990;;;;;`,
      `${run}-4;Zoé,=HYPERLINK("http://evil.invalid");@SUM${run};01/01/1970;;;-2+3 rue;+CMD|' /C calc'!A0;`,
      `${run}-1;Léa;DUPONT${run};12/04/1991;;;;;`,
      `${run}-6;Marc;;05/06/1977;;;;;`,
    ].join('\n');

  it('creates the valid rows of a CSV and reports every bad row with its code', async () => {
    const batch = await department(Buffer.from(lines('lea@example.invalid')), 'liste.csv');
    expect(batch.status).toBe('completed_with_errors');
    expect(batch.recordsRead).toBe(6);
    expect(batch.counts).toMatchObject({ personsCreated: 2, rejected: 4, conflicts: 0 });
    expect(batch.details['unknownHeaders']).toBe('Colonne inconnue');
    expect(String(batch.details['warnings'])).toContain('CSV_UNKNOWN_HEADERS');

    const issues = (await harness.issues(batch.id)).map((i) => [i.position, i.severity, i.code]);
    expect(issues).toEqual(
      expect.arrayContaining([
        [3, 'error', 'INVALID_NIR'],
        [4, 'error', 'INVALID_DATE'],
        [5, 'warning', 'FORMULA_NEUTRALISED'],
        [6, 'error', 'DUPLICATE_IN_FILE'],
        [7, 'error', 'MISSING_FIELD'],
      ]),
    );
    // No issue message ever holds a NIR.
    for (const issue of await harness.issues(batch.id)) {
      expect(issue.message).not.toContain(goodNir.slice(0, 13));
    }

    expect(await personBySi(`${run}-1`)).toMatchObject({
      last_name: `DUPONT${run}`,
      first_names: ['Léa'],
      birth_date: '1990-04-12',
      email: 'lea@example.invalid',
      has_nir: true,
    });
    expect(await personBySi(`${run}-2`)).toBeUndefined();
    expect(await personBySi(`${run}-3`)).toBeUndefined();
  });

  it('keeps would-be formulas as text, so that no stored value starts like a formula', async () => {
    const person = await personBySi(`${run}-4`);
    expect(person).toBeDefined();
    expect(person?.['last_name']).toBe(`'@SUM${run}`);
    expect(person?.['first_names']).toEqual(['Zoé', `'=HYPERLINK("http://evil.invalid")`]);
    const stored = [
      person?.['last_name'],
      ...(person?.['first_names'] as string[]),
      ...((person?.['address'] as { lines: string[] }).lines ?? []),
      (person?.['address'] as { city: string | null }).city,
    ].filter((value): value is string => typeof value === 'string');
    expect(stored.length).toBeGreaterThanOrEqual(5);
    for (const value of stored) expect(value).not.toMatch(FORMULA_START);
  });

  it('changes nothing when the same list comes again, and updates what changed in the next one', async () => {
    const again = await department(Buffer.from(lines('lea@example.invalid')), 'liste.csv');
    expect(again.counts).toMatchObject({ personsCreated: 0, personsUpdated: 0, personsUnchanged: 2 });

    const next = await department(Buffer.from(lines('lea.dupont@example.invalid')), 'liste-2.csv');
    expect(next.counts).toMatchObject({ personsCreated: 0, personsUpdated: 1, personsUnchanged: 1 });
    const person = await personBySi(`${run}-1`);
    expect(person?.['email']).toBe('lea.dupont@example.invalid');
    const history = (await harness.dataSource.query(
      `SELECT field, previous_value, new_value, source, source_ref FROM person_history
        WHERE person_id = $1 AND field = 'email'`,
      [person?.['id']],
    )) as Array<Record<string, unknown>>;
    expect(history).toEqual([
      {
        field: 'email',
        previous_value: 'lea@example.invalid',
        new_value: 'lea.dupont@example.invalid',
        source: 'department',
        source_ref: next.id,
      },
    ]);
  });

  it('reads an XLSX list: formula cells give their result, text that looks like a formula stays text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Bénéficiaires');
    sheet.addRow(['Identifiant dans le SI', 'Prénom', 'Nom', 'Date de naissance', 'NIR']);
    sheet.addRow([
      `${run}-x1`,
      'Hugo',
      { formula: `CONCATENATE("MAR","TIN${run}")`, result: `MARTIN${run}` },
      new Date(Date.UTC(1992, 6, 14)),
      null,
    ]);
    sheet.addRow([`${run}-x2`, '=1+1', `PETIT${run}`, '1999-02-03', null]);
    sheet.addRow([`${run}-x3`, 'Nina', `ROUX${run}`, '2024-13-45', null]);
    sheet.addRow([`${run}-x4`, 'Zoé', `BLANC${run}`, '1980-01-01', wrongKeyNir()]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const batch = await department(bytes, 'liste.xlsx');
    expect(batch.status).toBe('completed_with_errors');
    expect(batch.details['format']).toBe('xlsx');
    expect(batch.counts).toMatchObject({ personsCreated: 2, rejected: 2 });
    const issues = (await harness.issues(batch.id)).map((i) => [i.position, i.severity, i.code]);
    expect(issues).toEqual(
      expect.arrayContaining([
        [3, 'warning', 'FORMULA_NEUTRALISED'],
        [4, 'error', 'INVALID_DATE'],
        [5, 'error', 'INVALID_NIR'],
      ]),
    );
    expect(await personBySi(`${run}-x1`)).toMatchObject({
      last_name: `MARTIN${run}`,
      birth_date: '1992-07-14',
    });
    expect(await personBySi(`${run}-x2`)).toMatchObject({ first_names: ["'=1+1"] });
  });

  it('refuses a list whose required columns are missing, and an empty file', async () => {
    const missing = await department(Buffer.from('Nom;Téléphone\nDUPONT;0612345678\n'), 'sans-entete.csv');
    expect(missing.status).toBe('failed');
    expect(missing.errorCode).toBe('CSV_MISSING_HEADERS');
    expect(missing.counts.personsCreated).toBe(0);
    const [refusal] = await harness.issues(missing.id);
    expect(refusal).toMatchObject({ position: 0, severity: 'error', code: 'CSV_MISSING_HEADERS' });

    const empty = await department(Buffer.alloc(0), 'vide.csv');
    expect(empty.status).toBe('failed');
    expect(empty.errorCode).toBe('EMPTY_FILE');
    expect(empty.recordsRead).toBe(0);
  });

  it('refuses a file at a line longer than the limit, applies nothing from that line on, and goes on working', async () => {
    const csv = [
      header,
      `${run}-h1;Jean;HUGE${run};01/02/1960;;;;;`,
      `${run}-h2;Luc;HUGE${run};01/02/1962;;;${'x'.repeat(200 * 1024)};;`,
      `${run}-h3;Eve;HUGE${run};01/02/1963;;;;;`,
    ].join('\n');
    const batch = await department(Buffer.from(csv), 'enorme.csv');
    expect(batch.status).toBe('failed');
    expect(batch.errorCode).toBe('LINE_TOO_LONG');
    const [refusal] = await harness.issues(batch.id);
    expect(refusal).toMatchObject({ position: 0, severity: 'error', code: 'LINE_TOO_LONG' });
    // Rows the reader had already handed over before the fault are applied; csv-parse reads ahead, so in a file
    // this small the fault comes first and none is.
    expect(batch.counts.personsCreated).toBeLessThanOrEqual(1);
    expect(await personBySi(`${run}-h2`)).toBeUndefined();
    expect(await personBySi(`${run}-h3`)).toBeUndefined();

    const next = await department(
      Buffer.from(`${header}\n${run}-h4;Eve;HUGE${run};01/02/1963;;;;;\n`),
      'ok.csv',
    );
    expect(next.status).toBe('completed');
    expect(await personBySi(`${run}-h4`)).toBeDefined();
  });

  it('refuses a department code it cannot use instead of failing the job again and again', async () => {
    const batch = await harness.ingest('department', Buffer.from(lines('x@example.invalid')), {
      fileName: 'liste.csv',
      options: { departmentCode: '999' },
    });
    expect(batch.status).toBe('failed');
    expect(batch.errorCode).toBe('INVALID_VALUE');
  });
});
