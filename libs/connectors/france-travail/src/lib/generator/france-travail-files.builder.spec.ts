import { Readable } from 'node:stream';

import type { ParsedItem } from '@spie/ingestion/domain';

import { parseActionsFile } from '../actions/actions.parser';
import { parseDiagnosticFile } from '../diagnostic/diagnostic.parser';
import { parsePrincipalFile } from '../principal/principal.parser';
import {
  buildActionsFile,
  buildDiagnosticFile,
  buildPrincipalFile,
  ftDate,
} from './france-travail-files.builder';

async function all<T>(items: AsyncIterable<ParsedItem<T>>): Promise<ParsedItem<T>[]> {
  const out: ParsedItem<T>[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('France Travail file builders', () => {
  it('should write a principal file the parser reads back when given a few columns', async () => {
    const file = buildPrincipalFile([
      {
        identifiant_unique_de: 'ft-1',
        civilite: 'MME',
        nom: 'DUPONT',
        prenom: 'LEA',
        date_naissance: ftDate('1990-04-12'),
        categorie_inscription: '1',
        modalite_accompagnement: 'GUIDE',
        code_safir: '52011',
        brsa: 'O',
      },
    ]);
    const [item] = await all(parsePrincipalFile(Readable.from([file])));
    expect(item).toMatchObject({
      kind: 'record',
      key: 'ft-1',
      data: {
        person: { lastName: 'DUPONT', firstNames: ['LEA'], birthDate: '1990-04-12', sex: 'F' },
        registration: { category: '1' },
        accompanimentMode: 'GUIDE',
        agency: { safirCode: '52011' },
        rsaBeneficiary: true,
      },
    });
  });

  it('should write an actions file the parser reads back with its theme', async () => {
    const file = buildActionsFile([
      {
        identifiant_unique_de: 'ft-1',
        codeaction: 'A14',
        lblaction: "UTILISER INTERNET POUR SA RECHERCHE D'EMPLOI",
        date_prescription: ftDate('2026-01-05'),
        date_debut: ftDate('2026-01-12'),
      },
    ]);
    const [item] = await all(parseActionsFile(Readable.from([file])));
    expect(item).toMatchObject({
      kind: 'record',
      data: { actionCode: 'A14', themeCode: 'emploi', prescribedOn: '2026-01-05', startOn: '2026-01-12' },
      warnings: [],
    });
  });

  it('should write diagnostic answers the parser maps onto the référentiel without warnings', async () => {
    const file = buildDiagnosticFile([
      {
        identifiant: 'ft-1',
        modifiedAt: '2026-02-01T10:00:00.000+00:00',
        contraintes: [
          {
            code: '23',
            valeur: 'OUI',
            situations: [{ code: '6', valeur: 'OUI' }],
            objectifs: [{ code: '25', valeur: 'EN_COURS' }],
          },
        ],
        besoins: [{ code: '1', valeur: 'BESOIN' }],
      },
    ]);
    const items = await all(parseDiagnosticFile(Readable.from([file])));
    expect(items).toHaveLength(1);
    const [item] = items;
    if (item.kind !== 'record') throw new Error('expected a record');
    // The target job has no ROME code: the one warning says so.
    expect(item.warnings.map((warning) => warning.code)).toEqual(['MISSING_FIELD']);
    expect(item.data.themes).toEqual(
      expect.arrayContaining([
        {
          code: 'mobilite',
          situations: ['mobilite.aucun_moyen_de_transport_a_disposition'],
          constraints: [{ code: '23', value: 'OUI' }],
        },
      ]),
    );
    expect(item.data.objectives).toEqual([
      { themeCode: 'mobilite', code: 'mobilite.faire_un_point_complet_sur_sa_mobilite', value: 'EN_COURS' },
    ]);
    expect(item.data.observedAt).toBe('2026-02-01T10:00:00.000Z');
  });
});
