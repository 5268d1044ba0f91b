import { createReadStream, readFileSync } from 'node:fs';
import { collect } from '../../test/helpers';
import { FRANCE_TRAVAIL_ACTION_CATEGORIES } from './action-categories.data';
import { parseActionsFile } from './actions.parser';
import { ACTIONS_COLUMNS } from './actions.types';

/** A public partner sample in `../shared/fixtures` (set by `tools/jest/run-conformance.js`). */
function sharedFixture(...segments: string[]): string {
  return [process.env['SPIE_SHARED_FIXTURES'] ?? `${process.cwd()}/../shared/fixtures`, ...segments].join(
    '/',
  );
}

const SAMPLE = sharedFixture('carnet-de-bord', 'actions_example.csv');
const CATEGORISATION = sharedFixture('carnet-de-bord', 'categorisation_des_actions_du_fichier_PE.csv');

describe('France Travail actions file (carnet-de-bord sample)', () => {
  it('has the 11 columns the parser expects', () => {
    expect(readFileSync(SAMPLE, 'utf8').split('\n')[0].split(';')).toEqual([...ACTIONS_COLUMNS]);
  });

  it('parses the 125 lines', async () => {
    const items = await collect(parseActionsFile(createReadStream(SAMPLE)));
    expect(items).toHaveLength(125);
    expect(items.filter((i) => i.kind === 'rejected')).toEqual([]);
    const records = items.flatMap((i) => (i.kind === 'record' ? [i] : []));
    expect(new Set(records.map((r) => r.key)).size).toBe(125);
    expect(records[0]).toEqual({
      kind: 'record',
      position: 2,
      key: "0000a336-403f-4b1f-a3d1-dcfb7f6629be:CEJ:2022-03-03:CONTRAT D'ENGAGEMENT JEUNE",
      warnings: [],
      data: {
        franceTravailId: '0000a336-403f-4b1f-a3d1-dcfb7f6629be',
        actionCode: 'CEJ',
        label: "CONTRAT D'ENGAGEMENT JEUNE",
        themeCode: 'emploi',
        trainingObjective: null,
        prescribedOn: '2022-03-03',
        doneOn: '2022-03-16',
        plannedStartOn: null,
        startOn: '2022-03-16',
        endOn: '2023-03-16',
        training: null,
        communeCode: '13005',
      },
    });
    const efo = records.find((r) => r.position === 12);
    expect(efo?.data).toEqual(
      expect.objectContaining({
        actionCode: 'EFO',
        themeCode: 'formation',
        trainingObjective: 'Remise à niveau, maîtrise des savoirs de base, initiation',
        training: 'LOGICIEL BUREAUTIQUE',
        communeCode: '63457',
      }),
    );
    const byTheme: Record<string, number> = {};
    for (const r of records)
      byTheme[r.data.themeCode ?? 'none'] = (byTheme[r.data.themeCode ?? 'none'] ?? 0) + 1;
    expect(byTheme).toEqual({ emploi: 100, formation: 21, difficulte_financiere: 3, none: 1 });
    expect(
      records.filter((r) => r.warnings.length > 0).map((r) => [r.position, r.data.label, r.warnings[0].code]),
    ).toEqual([[126, 'TEST INCONNU', 'INVALID_CODE']]);
  });

  it('bundles the carnet-de-bord categorisation unchanged', () => {
    const lines = readFileSync(CATEGORISATION, 'utf8').trim().split('\n').slice(1);
    const source = new Map<string, string | null>();
    for (const line of lines) {
      const at = line.lastIndexOf(';');
      let label = line.slice(0, at);
      if (label.startsWith('"')) label = label.slice(1, -1).replace(/""/g, '"');
      source.set(label, line.slice(at + 1) || null);
    }
    expect(lines).toHaveLength(312);
    expect(new Map(FRANCE_TRAVAIL_ACTION_CATEGORIES)).toEqual(source);
  });
});
