import { PassThrough, Readable } from 'node:stream';

import { DataCategory } from '@spie/access/domain';
import { generateCafFlux } from '@spie/connectors/caf-msa';
import {
  buildActionsFile,
  buildDiagnosticFile,
  buildPrincipalFile,
  ftDate,
} from '@spie/connectors/france-travail';
import type { ImiloEvent } from '@spie/connectors/mission-locale';
import type { ImportBatchEntity } from '@spie/ingestion/data-access';
import { INGEST_SOURCES, SOURCE_WRITES, type IngestSource } from '@spie/ingestion/domain';

import { sourceDefinition } from '../source-registry';
import './department.source';
import './france-travail.sources';
import './mission-locale.source';

const C = DataCategory;

/** The records a source's own parser reads from `bytes`, with what each would write when applied. */
async function writesOf(source: IngestSource, bytes: Buffer): Promise<DataCategory[][]> {
  const batch = {
    id: 'b',
    source,
    fileName: 'file',
    options: { departmentCode: '052' },
  } as unknown as ImportBatchEntity;
  const definition = sourceDefinition(source);
  const writes: DataCategory[][] = [];
  for await (const item of definition.parse(Readable.from([bytes]), { batch, onHeader: () => undefined })) {
    if (item.kind === 'record') writes.push([...definition.writes(item.data)]);
  }
  return writes;
}

async function cafFlux(): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  await generateCafFlux({ households: 40, seed: 3, referenceDate: '2026-08-31' }, out);
  return Buffer.concat(parts);
}

/** Files of every source, as their partners write them. */
async function samples(): Promise<Record<IngestSource, Buffer>> {
  const event = (id: string, type: ImiloEvent['type']): ImiloEvent => ({
    id,
    idDossier: '1',
    type,
    action: 'CREATE',
    idType: type === 'DOSSIER' ? null : '7',
    date: '2026-03-01T10:00:00Z',
    problems: [],
  });
  const events = [event('e1', 'DOSSIER'), event('e2', 'RDV')];
  return {
    'caf-msa': await cafFlux(),
    'france-travail-principal': buildPrincipalFile([
      {
        identifiant_unique_de: 'ft-1',
        nom: 'MARTIN',
        prenom: 'LEA',
        date_naissance: ftDate('1990-01-02'),
        inscription: ftDate('2025-09-01'),
        categorie_inscription: '1',
        code_safir: '52011',
        suivi_debut: ftDate('2025-09-15'),
      },
    ]),
    'france-travail-actions': buildActionsFile([
      {
        identifiant_unique_de: 'ft-1',
        codeaction: 'A14',
        lblaction: "UTILISER INTERNET POUR SA RECHERCHE D'EMPLOI",
        date_prescription: ftDate('2025-10-01'),
      },
      {
        identifiant_unique_de: 'ft-1',
        codeaction: 'CEJ',
        lblaction: "CONTRAT D'ENGAGEMENT JEUNE",
        date_prescription: ftDate('2026-01-20'),
        date_debut: ftDate('2026-02-02'),
      },
    ]),
    'france-travail-diagnostic': buildDiagnosticFile([
      {
        identifiant: 'ft-1',
        modifiedAt: '2026-02-10T09:30:00.000+00:00',
        contraintes: [
          { code: '23', valeur: 'OUI', situations: [{ code: '6', valeur: 'OUI' }] },
          // Santé: health data (GDPR art. 9).
          { code: '25', valeur: 'OUI' },
        ],
        besoins: [{ code: '1', valeur: 'BESOIN' }],
      },
    ]),
    department: Buffer.from(
      [
        'Identifiant dans le SI;Prénom;Nom;Date de naissance;NIR;Email',
        'si-1;Léa;Martin;14/03/1988;;lea.martin@example.fr',
        'si-2;Paul;Bernard;02/11/1979;;',
      ].join('\n'),
    ),
    'mission-locale': Buffer.from(JSON.stringify({ polledAt: '2026-03-01T10:00:00Z', events })),
  };
}

describe('what each record writes', () => {
  let files: Record<IngestSource, Buffer>;

  beforeAll(async () => {
    files = await samples();
  });

  it.each(INGEST_SOURCES.map((source) => [source]))(
    'should keep every record of %s within the categories its source declares',
    async (source) => {
      const writes = await writesOf(source, files[source]);
      expect(writes.length).toBeGreaterThan(0);
      const declared = new Set(SOURCE_WRITES[source]);
      for (const categories of writes)
        expect(categories.filter((category) => !declared.has(category))).toEqual([]);
    },
  );

  it('should see the NIR of the CAF households that carry one, and the rights of all', async () => {
    const writes = await writesOf('caf-msa', files['caf-msa']);
    expect(writes.every((categories) => categories.includes(C.RsaRights))).toBe(true);
    expect(writes.some((categories) => categories.includes(C.Nir))).toBe(true);
  });

  it('should see health data in a France Travail diagnostic that states the santé contrainte', async () => {
    const [writes] = await writesOf('france-travail-diagnostic', files['france-travail-diagnostic']);
    expect(writes).toEqual(expect.arrayContaining([C.DiagnosticSocial, C.DiagnosticHealth]));
  });

  it('should see the CEJ follow-up of a CEJ action only', async () => {
    expect(await writesOf('france-travail-actions', files['france-travail-actions'])).toEqual([
      [C.Contract],
      [C.Contract, C.Orientation],
    ]);
  });

  it('should see contact details only where a department list gives them', async () => {
    expect(await writesOf('department', files.department)).toEqual([[C.Identity, C.Contact], [C.Identity]]);
  });

  it('should see a person in a dossier event of i-Milo, nothing in an appointment', async () => {
    expect(await writesOf('mission-locale', files['mission-locale'])).toEqual([
      [C.Identity, C.Contact, C.Orientation],
      [],
    ]);
  });
});
