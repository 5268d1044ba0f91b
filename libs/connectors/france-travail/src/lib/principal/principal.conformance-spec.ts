import { createReadStream, readFileSync } from 'node:fs';
import type { FileHeader } from '@spie/ingestion/domain';
import { collect } from '../../test/helpers';
import { parsePrincipalFile } from './principal.parser';
import { PRINCIPAL_COLUMNS } from './principal.types';

/** A public partner sample in `../shared/fixtures` (set by `tools/jest/run-conformance.js`). */
function sharedFixture(...segments: string[]): string {
  return [process.env['SPIE_SHARED_FIXTURES'] ?? `${process.cwd()}/../shared/fixtures`, ...segments].join(
    '/',
  );
}

const SAMPLE = sharedFixture(
  'carnet-de-bord',
  'i03300c.j.extract_spie_carnet_spie_carnet_de_bord_principal.csv',
);

describe('France Travail principal file (carnet-de-bord sample)', () => {
  it('has exactly the 44 columns the parser expects', () => {
    const header = readFileSync(SAMPLE, 'utf8').split('\n')[0].split(';');
    expect(header).toEqual([...PRINCIPAL_COLUMNS]);
  });

  it('maps every column of the first line', async () => {
    let header: FileHeader | undefined;
    const items = await collect(
      parsePrincipalFile(createReadStream(SAMPLE), { onHeader: (h) => (header = h) }),
    );
    expect(header).toEqual({
      referenceDate: null,
      details: { encoding: 'utf-8', bom: 'no', columns: 44, unknownHeaders: null },
    });
    expect(items[0]).toEqual({
      kind: 'record',
      position: 2,
      key: '71288a46-3c4d-4372-9298-c32936d7e76d',
      warnings: [],
      data: {
        franceTravailId: '71288a46-3c4d-4372-9298-c32936d7e76d',
        person: {
          identifiers: [{ system: 'france_travail', value: '71288a46-3c4d-4372-9298-c32936d7e76d' }],
          lastName: 'TIFOUR',
          firstNames: ['SOPHIE'],
          birthDate: '1982-02-01',
          birthPlace: 'LIEU NAISSANCE 1 (12345)',
          sex: 'F',
          address: {
            lines: ['ADRESSE_LIGNE2 1', 'ADRESSE_LIGNE3 1', 'ADRESSE_LIGNE4 1'],
            postalCode: '08300',
            city: 'RETHEL',
          },
        },
        birthPlaceCode: '12345',
        departmentCode: '08',
        regionCode: '051',
        rsaBeneficiary: true,
        registration: {
          registeredOn: '2019-10-17',
          reasonCode: '14',
          reason: 'FIN DE CDD OU DE CONTRAT AIDE',
          category: '1',
        },
        agency: { safirCode: '93015', name: 'RETHEL' },
        followUp: { structure: 'RETHEL', startOn: '2017-05-22', plannedEndOn: '2020-05-22' },
        referent: {
          civility: 'Mme',
          lastName: 'REFERENT_NOM 1',
          firstName: 'Referent_prenom 1',
          email: 'sanka@groupe-ns.fr',
        },
        accompanimentMode: 'GUIDE',
        lastPpaeInterviewOn: '2020-02-13',
        lastInterviewOn: '2021-08-09',
        projects: [
          { romeCode: 'A1101', label: "Conducteur / Conductrice d'engins d'exploitation agricole" },
          { romeCode: 'K2204', label: 'Agent / Agente de nettoyage en collectivité' },
        ],
        searchAxes: { main: 'ADAPT MARCHE TRAVAIL', secondary: null },
        difficulties: {
          financiere: null,
          adminJuridique: null,
          sante: null,
          logement: null,
          transport: null,
          insertionCommunication: null,
          familiale: null,
        },
      },
    });
  });

  it('reads the four lines, keeps the unknown ROME code out with a warning', async () => {
    const items = await collect(parsePrincipalFile(createReadStream(SAMPLE)));
    expect(items.map((i) => [i.kind, i.position, i.key])).toEqual([
      ['record', 2, '71288a46-3c4d-4372-9298-c32936d7e76d'],
      ['record', 3, '63e09252-fc80-409d-9617-cb8d7aeb620c'],
      ['record', 4, '1f2be3bf-4b71-4ed9-bc7d-83706364d6e4'],
      ['record', 5, '9cf3e10e-8894-4527-ace3-40c30a65fdc7'],
    ]);
    const data = items.flatMap((i) => (i.kind === 'record' ? [i.data] : []));
    expect(data.map((d) => [d.person.sex, d.accompanimentMode, d.registration.category])).toEqual([
      ['F', 'GUIDE', '1'],
      ['M', 'RENFORCE', '2'],
      ['M', 'SUIVI', '1'],
      ['F', 'SUIVI', '2'],
    ]);
    expect(data[1].searchAxes).toEqual({ main: 'ELABORAT. PROJET PRO.', secondary: 'TECHNIQ. RECH. EMPL.' });
    expect(data[2].followUp).toEqual({ structure: null, startOn: null, plannedEndOn: null });
    expect(data[2].person.address?.city).toBe('CHARLEVILLE MEZIERES');
    expect(data[3].projects).toEqual([{ romeCode: 'K1304', label: 'Aide ménager / ménagère à domicile' }]);
    expect(items[3].kind === 'record' && items[3].warnings).toEqual([
      {
        code: 'INVALID_CODE',
        field: 'rome_1',
        message: 'rome_1 "FAKE" is not a ROME code (Code Rome Inconnu); project left out',
        severity: 'warning',
      },
    ]);
    expect(data[3].referent?.email).toBe('051referent_prenom4.referent_nom4@pole-emploi.net');
  });
});
