import type { FileHeader } from '@spie/ingestion/domain';
import { REFERENTIEL_V1 } from '@spie/referentiel/domain';
import { bytes, collect, cp1252, fileError } from '../../test/helpers';
import { FRANCE_TRAVAIL_ACTION_CATEGORIES } from './action-categories.data';
import { normaliseActionLabel, themeOfActionLabel } from './action-themes';
import { actionKey, parseActionsFile } from './actions.parser';
import { ACTIONS_COLUMNS, type ActionsColumn } from './actions.types';

const HEADER = ACTIONS_COLUMNS.join(';');

const BASE: Record<ActionsColumn, string> = {
  identifiant_unique_de: '01234567891',
  codeaction: 'EFO',
  lblaction: 'UNE FORMATION DANS LE DOMAINE SUIVANT',
  objectif_formation: 'Remise à niveau, maîtrise des savoirs de base, initiation',
  date_prescription: '2022-04-20 00:00:00.0',
  date_realisation_action: '2022-05-02 00:00:00.000',
  date_prev_debut: '2022-05-01 00:00:00.0',
  date_debut: '2022-05-02 00:00:00.0',
  date_fin: '2022-06-30 00:00:00.0',
  formation: 'LOGICIEL BUREAUTIQUE',
  'adr.dc_commune_id': '63457',
};

function line(overrides: Partial<Record<ActionsColumn, string>> = {}): string {
  const values = { ...BASE, ...overrides };
  return ACTIONS_COLUMNS.map((column) => values[column]).join(';');
}

function file(...lines: string[]): string {
  return [HEADER, ...lines].join('\n') + '\n';
}

describe('parseActionsFile', () => {
  it('maps every column of a line and finds the theme of its label', async () => {
    let header: FileHeader | undefined;
    const items = await collect(parseActionsFile(bytes(file(line())), { onHeader: (h) => (header = h) }));
    expect(items).toEqual([
      {
        kind: 'record',
        position: 2,
        key: '01234567891:EFO:2022-04-20:UNE FORMATION DANS LE DOMAINE SUIVANT',
        warnings: [],
        data: {
          franceTravailId: '01234567891',
          actionCode: 'EFO',
          label: 'UNE FORMATION DANS LE DOMAINE SUIVANT',
          themeCode: 'formation',
          trainingObjective: 'Remise à niveau, maîtrise des savoirs de base, initiation',
          prescribedOn: '2022-04-20',
          doneOn: '2022-05-02',
          plannedStartOn: '2022-05-01',
          startOn: '2022-05-02',
          endOn: '2022-06-30',
          training: 'LOGICIEL BUREAUTIQUE',
          communeCode: '63457',
        },
      },
    ]);
    expect(header?.details).toEqual({ encoding: 'utf-8', bom: 'no', columns: 11, unknownHeaders: null });
  });

  it('matches labels whatever their case, accents and spacing', async () => {
    const items = await collect(
      parseActionsFile(
        bytes(
          file(
            line({ lblaction: 'demande  d’aide financière', date_prescription: '2022-01-01' }),
            line({ lblaction: 'Atelier mobilité vosges', date_prescription: '2022-01-02' }),
          ),
        ),
      ),
    );
    expect(items.map((i) => (i.kind === 'record' ? [i.data.themeCode, i.warnings.length] : null))).toEqual([
      ['difficulte_financiere', 0],
      ['emploi', 0],
    ]);
  });

  it('keeps an action whose label has no theme, with a warning', async () => {
    const items = await collect(
      parseActionsFile(
        bytes(
          file(
            line({ lblaction: 'TEST INCONNU' }),
            line({ lblaction: 'ECRIVAIN PUBLIC', date_prescription: '2022-01-01' }),
          ),
        ),
      ),
    );
    expect(items.map((i) => (i.kind === 'record' ? [i.data.themeCode, i.warnings] : i))).toEqual([
      [
        null,
        [
          {
            code: 'INVALID_CODE',
            field: 'lblaction',
            message: 'Action "TEST INCONNU" is not in the categorisation; no theme',
            severity: 'warning',
          },
        ],
      ],
      [
        null,
        [
          {
            code: 'INVALID_CODE',
            field: 'lblaction',
            message: 'Action "ECRIVAIN PUBLIC" is categorised without a theme',
            severity: 'warning',
          },
        ],
      ],
    ]);
  });

  it('rejects a line repeating id, code, prescription date and label; keeps same-day actions with other labels', async () => {
    const items = await collect(
      parseActionsFile(
        bytes(
          file(
            line({ codeaction: 'XXX', lblaction: 'CIVIS RENFORCE' }),
            line({ codeaction: 'XXX', lblaction: 'CLUB DE PROSPECTEURS D EMPLOI' }),
            line({ codeaction: 'XXX', lblaction: 'CIVIS RENFORCE', date_fin: 'NULL' }),
          ),
        ),
      ),
    );
    expect(items.map((i) => i.kind)).toEqual(['record', 'record', 'rejected']);
    expect(items[2]).toEqual({
      kind: 'rejected',
      position: 4,
      key: '01234567891:XXX:2022-04-20:CIVIS RENFORCE',
      issues: [
        {
          code: 'DUPLICATE_IN_FILE',
          field: 'identifiant_unique_de:codeaction:date_prescription:lblaction',
          message:
            'identifiant_unique_de:codeaction:date_prescription:lblaction 01234567891:XXX:2022-04-20:CIVIS RENFORCE already appears on an earlier line of this file',
          severity: 'error',
        },
      ],
    });
  });

  it('rejects invalid dates naming the column, and missing identifiers', async () => {
    const items = await collect(
      parseActionsFile(
        bytes(
          file(
            line({ date_debut: '2022-13-01 00:00:00.0' }),
            line({ identifiant_unique_de: 'NULL', codeaction: '' }),
          ),
        ),
      ),
    );
    expect(items).toEqual([
      {
        kind: 'rejected',
        position: 2,
        key: '01234567891:EFO:2022-04-20:UNE FORMATION DANS LE DOMAINE SUIVANT',
        issues: [
          {
            code: 'INVALID_DATE',
            field: 'date_debut',
            message: 'date_debut is not a date: "2022-13-01 00:00:00.0"',
            severity: 'error',
          },
        ],
      },
      {
        kind: 'rejected',
        position: 3,
        issues: [
          {
            code: 'MISSING_FIELD',
            field: 'identifiant_unique_de',
            message: 'identifiant_unique_de is empty',
            severity: 'error',
          },
          { code: 'MISSING_FIELD', field: 'codeaction', message: 'codeaction is empty', severity: 'error' },
        ],
      },
    ]);
  });

  it('reads a windows-1252 file and rejects a line with a missing field separator', async () => {
    const content = cp1252(
      file(line(), line({ date_prescription: '2021-01-01' }).replace(';LOGICIEL', ' LOGICIEL')),
    );
    const items = await collect(parseActionsFile(bytes(content)));
    expect(items[0].kind === 'record' && items[0].data.trainingObjective).toBe(
      'Remise à niveau, maîtrise des savoirs de base, initiation',
    );
    expect(items[1]).toEqual({
      kind: 'rejected',
      position: 3,
      key: '01234567891',
      issues: [
        { code: 'CSV_MALFORMED', message: 'Line 3 has 10 fields, the header has 11', severity: 'error' },
      ],
    });
  });

  it('refuses a file missing columns, an empty file and an overlong line', async () => {
    const missing = await fileError(collect(parseActionsFile(bytes('identifiant_unique_de;codeaction\n'))));
    expect(missing.code).toBe('CSV_MISSING_HEADERS');
    expect(missing.message).toBe(
      'Missing columns: lblaction, objectif_formation, date_prescription, date_realisation_action, date_prev_debut, date_debut, date_fin, formation, adr.dc_commune_id',
    );
    expect((await fileError(collect(parseActionsFile(bytes(''))))).code).toBe('EMPTY_FILE');
    const long = await fileError(
      collect(parseActionsFile(bytes(file(line({ formation: 'Y'.repeat(70_000) }))))),
    );
    expect(long.code).toBe('LINE_TOO_LONG');
  });

  it('builds the key from id, code, prescription date and label', () => {
    expect(actionKey({ franceTravailId: 'A', actionCode: 'CEJ', prescribedOn: null, label: 'L' })).toBe(
      'A:CEJ::L',
    );
  });
});

describe('action categorisation', () => {
  it('holds the 310 distinct labels of carnet-de-bord, each with a theme of the référentiel or none', () => {
    const themes = new Set(REFERENTIEL_V1.lists.find((l) => l.code === 'theme')?.entries.map((e) => e.code));
    expect(FRANCE_TRAVAIL_ACTION_CATEGORIES).toHaveLength(310);
    const normalised = new Set(
      FRANCE_TRAVAIL_ACTION_CATEGORIES.map(([label]) => normaliseActionLabel(label)),
    );
    expect(normalised.size).toBe(310);
    const counts: Record<string, number> = {};
    for (const [label, focus] of FRANCE_TRAVAIL_ACTION_CATEGORIES) {
      const found = themeOfActionLabel(label);
      const key = found.kind === 'theme' ? found.themeCode : found.kind;
      counts[key] = (counts[key] ?? 0) + 1;
      if (focus !== null) expect(themes.has(key)).toBe(true);
    }
    expect(counts).toEqual({
      emploi: 234,
      formation: 70,
      difficulte_financiere: 2,
      sante: 2,
      uncategorised: 2,
    });
  });

  it('reads a label with a double quote as written', () => {
    expect(themeOfActionLabel('PARTICIPER A UNE PRESTATION " CAP PROJET PROFESSIONNEL "')).toEqual({
      kind: 'theme',
      themeCode: 'formation',
    });
    expect(themeOfActionLabel('PAS DANS LA LISTE')).toEqual({ kind: 'unknown' });
  });
});
