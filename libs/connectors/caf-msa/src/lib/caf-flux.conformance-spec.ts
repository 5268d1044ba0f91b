import { createReadStream, readFileSync } from 'node:fs';

import type { ParsedItem, RejectedRecord } from '@spie/ingestion/domain';

import { parseCafFlux } from './caf-flux.parser';
import { cafFluxSchema } from './caf-flux.schema';
import type { CafFluxHeader, CafHouseholdRecord } from './caf-flux.types';

/** A public partner sample in `../shared/fixtures` (set by `tools/jest/run-conformance.js`). */
function sharedFixture(...segments: string[]): string {
  return [process.env['SPIE_SHARED_FIXTURES'] ?? `${process.cwd()}/../shared/fixtures`, ...segments].join(
    '/',
  );
}

/** The public CNAF samples of carnet-de-bord and the values its own parser is approved for. */
const fixture = (name: string): string => sharedFixture('carnet-de-bord', name);

interface ApprovedHousehold {
  matricule: string;
  etat_droit_rsa: string;
  beneficiaries: Array<{ nir: string; soumis_droit_et_devoir: boolean }>;
  motif_suspension_versement_rsa: string | null;
  motif_cloture_rsa: string | null;
  date_cloture_rsa: string | null;
  sans_domicile_fixe: string;
}

interface Parsed {
  items: Array<ParsedItem<CafHouseholdRecord>>;
  headers: CafFluxHeader[];
  trailers: Array<{ announcedHouseholds: number | null; households: number }>;
}

async function parseFixture(name: string, highWaterMark?: number): Promise<Parsed> {
  const parsed: Parsed = { items: [], headers: [], trailers: [] };
  for await (const item of parseCafFlux(createReadStream(fixture(name), { highWaterMark }), {
    schema: cafFluxSchema(),
    onHeader: (header) => parsed.headers.push(header.flux),
    onTrailer: (trailer) => parsed.trailers.push(trailer),
  })) {
    parsed.items.push(item);
  }
  return parsed;
}

function asApproved(item: ParsedItem<CafHouseholdRecord>): ApprovedHousehold {
  if (item.kind !== 'record')
    throw new Error(`household ${item.position} rejected: ${JSON.stringify(item.issues)}`);
  const { data } = item;
  return {
    matricule: data.matricule,
    etat_droit_rsa: data.right.etatDossier,
    beneficiaries: data.members.map((m) => ({
      nir: m.nir ?? '',
      soumis_droit_et_devoir: m.subjectToRightsAndDuties ?? false,
    })),
    motif_suspension_versement_rsa: data.right.suspensionReason,
    motif_cloture_rsa: data.right.closureReason,
    date_cloture_rsa: data.right.closedOn,
    sans_domicile_fixe: data.homeless === null ? '' : data.homeless ? '1' : '0',
  };
}

describe('CAF/MSA flux conformance (public samples)', () => {
  describe('RSABEM.xml', () => {
    const approved = (
      JSON.parse(
        readFileSync(fixture('test_parse_infos_foyer.test_parse_caf_file.approved.json'), 'utf8'),
      ) as string[]
    ).map((line) => JSON.parse(line) as ApprovedHousehold);

    it('holds the two approved households', () => {
      expect(approved.map((h) => h.matricule)).toEqual(['205599000000000', '208956400000000']);
    });

    it.each<[string, number | undefined]>([
      ['64 KiB', undefined],
      ['1-byte', 1],
      ['7-byte', 7],
      ['512-byte', 512],
    ])('gives exactly the approved values (read in %s chunks)', async (_label, highWaterMark) => {
      const parsed = await parseFixture('RSABEM.xml', highWaterMark);
      expect(parsed.items.map((i) => [i.kind, i.position, i.key])).toEqual([
        ['record', 1, 'caf:205599000000000'],
        ['record', 2, 'caf:208956400000000'],
      ]);
      expect(parsed.items.map(asApproved)).toEqual(approved);
    });

    it('maps the closed household and the suspended one in full', async () => {
      const [closed, suspended] = (await parseFixture('RSABEM.xml')).items;
      expect(closed).toMatchObject({
        kind: 'record',
        warnings: [],
        data: {
          organisme: 'caf',
          organismeCode: '521',
          departmentCode: '052',
          familySituation: 'CEL',
          homeless: false,
          address: {
            lines: ['25 RUE HENRI BARBUSSE'],
            postalCode: '92300',
            city: 'LEVALLOIS PERRET',
            inseeCode: '92044',
            country: 'FRA',
          },
          right: {
            etatDossier: '5',
            suspensionReason: null,
            suspendedOn: null,
            closureReason: 'PCG',
            closedOn: '2021-11-30',
            householdSubjectToRightsAndDuties: null,
          },
          members: [
            {
              nir: '2820251108030',
              lastName: 'TIFOUR',
              birthName: null,
              firstNames: ['SOPHIE'],
              birthDate: '1982-02-01',
              birthPlace: 'CHALON-EN-CHAMPAGNE',
              sex: 'F',
              role: 'CJT',
              responsible: false,
              subjectToRightsAndDuties: true,
            },
            {
              nir: '1770393050005',
              lastName: 'KELLER',
              firstNames: ['NOEL'],
              birthDate: '1977-03-23',
              sex: 'M',
              role: 'CJT',
              subjectToRightsAndDuties: false,
            },
          ],
        },
      });
      expect(suspended).toMatchObject({
        kind: 'record',
        data: {
          right: {
            etatDossier: '4',
            suspensionReason: '06',
            suspendedOn: '2021-11-01',
            closureReason: null,
            closedOn: null,
          },
        },
      });
    });

    it('reports the header, and the trailer that announces 1 household for 2 held', async () => {
      const parsed = await parseFixture('RSABEM.xml');
      expect(parsed.headers).toEqual([
        {
          application: 'CRI',
          version: '6200',
          fluxType: 'M',
          nature: 'D',
          createdOn: '2022-03-05',
          referenceDate: '2022-02-28',
        },
      ]);
      expect(parsed.trailers).toEqual([{ announcedHouseholds: 1, households: 2 }]);
    });
  });

  describe('RSABEM-ouvert.xml', () => {
    it('gives the open right (ETATDOSRSA 2) of its household', async () => {
      const parsed = await parseFixture('RSABEM-ouvert.xml');
      expect(parsed.items).toHaveLength(1);
      const [item] = parsed.items;
      expect(item).toMatchObject({ kind: 'record', position: 1, key: 'caf:208956400000000' });
      expect(asApproved(item)).toEqual({
        matricule: '208956400000000',
        etat_droit_rsa: '2',
        beneficiaries: [{ nir: '2730799404078', soumis_droit_et_devoir: true }],
        motif_suspension_versement_rsa: null,
        motif_cloture_rsa: null,
        date_cloture_rsa: null,
        sans_domicile_fixe: '0',
      });
      expect(parsed.trailers).toEqual([{ announcedHouseholds: 1, households: 1 }]);
    });
  });

  describe('RSABEI_invalid.xml', () => {
    it('rejects its household for the blocks it lacks', async () => {
      const parsed = await parseFixture('RSABEI_invalid.xml', 7);
      expect(parsed.items).toHaveLength(1);
      const item = parsed.items[0] as RejectedRecord;
      expect(item.kind).toBe('rejected');
      expect(item.position).toBe(1);
      expect(item.key).toBe('caf:034614500000000');
      expect(
        item.issues.map(({ code, field, message, severity }) => ({ code, field, message, severity })),
      ).toEqual([
        {
          code: 'SCHEMA_VIOLATION',
          field: 'Racine/InfosFoyerRSA/DonneesAdministratives',
          message:
            'Racine/InfosFoyerRSA/DonneesAdministratives: missing required element DonneesAdministratives',
          severity: 'error',
        },
        {
          code: 'SCHEMA_VIOLATION',
          field: 'Racine/InfosFoyerRSA/PrestationRSA',
          message: 'Racine/InfosFoyerRSA/PrestationRSA: missing required element PrestationRSA',
          severity: 'error',
        },
      ]);
      expect(parsed.headers.map((h) => [h.fluxType, h.referenceDate])).toEqual([['I', '2021-12-24']]);
      expect(parsed.trailers).toEqual([{ announcedHouseholds: 1, households: 1 }]);
    });
  });
});
