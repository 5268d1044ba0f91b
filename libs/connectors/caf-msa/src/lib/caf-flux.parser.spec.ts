import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

import iconv from 'iconv-lite';

import {
  IngestFileError,
  type ParsedItem,
  type ParsedRecord,
  type RecordIssue,
  type RejectedRecord,
  type RejectionCode,
} from '@spie/ingestion/domain';
import { nirKey } from '@spie/person/domain';

import { parseCafFlux } from './caf-flux.parser';
import { cafFluxSchema } from './caf-flux.schema';
import type { CafFluxHeader, CafHouseholdRecord } from './caf-flux.types';

// ---------------------------------------------------------------------------------------------------------------
// Fixture builders: a valid household copied from RSABEM-ouvert.xml (public CNAF sample), with accented names.
// ---------------------------------------------------------------------------------------------------------------

interface PersonFields {
  qual: string;
  nom: string;
  nomnai: string;
  prenom: string;
  prenom2?: string;
  nomcomnai: string;
  dtnai: string;
  nir?: string;
  sexe: string;
  topRespDos: string;
  role: string;
  topPersDroDevRsa: string;
}

const LEA: PersonFields = {
  qual: 'MME',
  nom: 'HÉBERT',
  nomnai: 'CŒURDEROY',
  prenom: 'LÉA',
  prenom2: 'RENÉE',
  nomcomnai: 'SAINT-ÉTIENNE',
  dtnai: '1973-07-21',
  nir: '2730799404078',
  sexe: '2',
  topRespDos: '1',
  role: 'DEM',
  topPersDroDevRsa: '1',
};

const JEROME: PersonFields = {
  qual: 'MR',
  nom: 'HÉBERT',
  nomnai: 'HÉBERT',
  prenom: 'JÉRÔME',
  nomcomnai: 'NEUILLY SUR MARNE',
  dtnai: '1981-06-10',
  nir: '1810693050030',
  sexe: '1',
  topRespDos: '0',
  role: 'CJT',
  topPersDroDevRsa: '0',
};

/** A single adult with a NIR of their own. */
function somebody(n: number): PersonFields {
  return { ...LEA, prenom: `PERSONNE${n}`, nir: `2730799404${String(n).padStart(3, '0')}` };
}

function person(p: PersonFields): string {
  return `
		<Personne>
			<Identification>
				<QUAL>${p.qual}</QUAL>
				<NOM>${p.nom}</NOM>
				<NOMNAI>${p.nomnai}</NOMNAI>
				<PRENOM>${p.prenom}</PRENOM>${p.prenom2 ? `\n\t\t\t\t<PRENOM2>${p.prenom2}</PRENOM2>` : ''}
				<NOMCOMNAI>${p.nomcomnai}</NOMCOMNAI>
				<DTNAI>${p.dtnai}</DTNAI>
				<TYPEDTNAI>N</TYPEDTNAI>${p.nir ? `\n\t\t\t\t<NIR>${p.nir}</NIR>` : ''}
				<TOPVALIEC>1</TOPVALIEC>
				<SEXE>${p.sexe}</SEXE>
			</Identification>
			<DossierCAF>
				<TOPRESPDOS>${p.topRespDos}</TOPRESPDOS>
				<DDRATDOS>2007-05-15</DDRATDOS>
			</DossierCAF>
			<Prestations>
				<NATPREST>PFA</NATPREST>
				<ROLEPERS>CJT</ROLEPERS>
				<TOPCHAPERS>0</TOPCHAPERS>
			</Prestations>
			<Prestations>
				<NATPREST>RSA</NATPREST>
				<ROLEPERS>${p.role}</ROLEPERS>
				<TOPCHAPERS>1</TOPCHAPERS>
			</Prestations>
			<DossierPoleEmploi>
				<IDASSEDIC>1253359X</IDASSEDIC>
			</DossierPoleEmploi>
			<Ressources>
				<GeneraliteRessourcesTrimestre>
					<TOPRESSNUL>0</TOPRESSNUL>
					<DDRESS>2021-08-01</DDRESS>
					<DFRESS>2021-10-31</DFRESS>
				</GeneraliteRessourcesTrimestre>
				<RessourcesMensuelles>
					<GeneraliteRessourcesMensuelles>
						<MOISRESS>2021-08-01</MOISRESS>
						<NBHEUMENTRA>000</NBHEUMENTRA>
					</GeneraliteRessourcesMensuelles>
					<DetailRessourcesMensuelles>
						<NATRESS>001</NATRESS>
						<MTNATRESSMEN>0001675.00</MTNATRESSMEN>
					</DetailRessourcesMensuelles>
				</RessourcesMensuelles>
			</Ressources>
			<MontantCalculDroitRSAPersonne>
				<TOPPERSDRODEVORSA>${p.topPersDroDevRsa}</TOPPERSDRODEVORSA>
			</MontantCalculDroitRSAPersonne>
			<Activite>
				<REG>GE</REG>
				<ACT>CHO</ACT>
				<DDACT>2021-12-20</DDACT>
			</Activite>
		</Personne>`;
}

interface HouseholdFields {
  matricule: string;
  persons: PersonFields[];
  etat: string;
  /** Elements of `SituationDossierRSA` after `EtatDossierRSA`. */
  situation: string;
  sansDomFixe: string;
}

function household(fields: Partial<HouseholdFields> = {}): string {
  const h: HouseholdFields = {
    matricule: '208956400000000',
    persons: [LEA, JEROME],
    etat: '2',
    situation: '',
    sansDomFixe: '0',
    ...fields,
  };
  return `
	<InfosFoyerRSA>
		<IdentificationRSA>
			<Organisme>
				<FONORG>CAF</FONORG>
				<NUMORG>521</NUMORG>
				<MATRICULE>${h.matricule}</MATRICULE>
			</Organisme>
			<Partenaire>
				<TYPEPARTE>CG </TYPEPARTE>
				<IDEPARTE>052</IDEPARTE>
			</Partenaire>
			<DemandeRSA>
				<DTDEMRSA>2018-08-06</DTDEMRSA>
				<NUMDEMRSA>01024041052</NUMDEMRSA>
			</DemandeRSA>
		</IdentificationRSA>${h.persons.map(person).join('')}
		<DonneesAdministratives>
			<SituationFamille>
				<SITFAM>MAR</SITFAM>
				<DDSITFAM>2005-06-18</DDSITFAM>
				<REGAGRIFAM>SA</REGAGRIFAM>
			</SituationFamille>
			<Adresse>
				<TroncCommunAdresse>
					<RGADR>01</RGADR>
					<DTEMM>2021-05-26</DTEMM>
					<PAYS>FRA</PAYS>
					<TYPEADR>D</TYPEADR>
					<ETATADR>CO</ETATADR>
				</TroncCommunAdresse>
				<AdresseDetailleeFrance>
					<COMPLIDEADR>APPARTEMENT 12</COMPLIDEADR>
					<COMPLADR>RÉSIDENCE LES PRÉS</COMPLADR>
					<NUMVOIE>25</NUMVOIE>
					<LIBTYPEVOIE>RUE</LIBTYPEVOIE>
					<NOMVOIE>HENRI BARBUSSE</NOMVOIE>
					<LIEUDIST />
					<NUMCOM>92044</NUMCOM>
					<CODEPOS>92300</CODEPOS>
					<NOMCOM>LEVALLOIS PERRET</NOMCOM>
				</AdresseDetailleeFrance>
			</Adresse>
		</DonneesAdministratives>
		<PrestationRSA>
			<SituationDossierRSA>
				<EtatDossierRSA>
					<ETATDOSRSA>${h.etat}</ETATDOSRSA>
				</EtatDossierRSA>${h.situation}
			</SituationDossierRSA>
			<DetailDroitRSA>
				<TroncCommunDroitRSA>
					<TOPSANSDOMFIXE>${h.sansDomFixe}</TOPSANSDOMFIXE>
					<ORIDEMRSA>DEM</ORIDEMRSA>
					<DTORIDEMRSA>2020-11-07</DTORIDEMRSA>
					<TOPFOYDRODEVORSA>1</TOPFOYDRODEVORSA>
				</TroncCommunDroitRSA>
			</DetailDroitRSA>
		</PrestationRSA>
	</InfosFoyerRSA>`;
}

function flux(
  households: string[],
  options: { encoding?: string; announced?: string; prolog?: string } = {},
): string {
  const declaration = `<?xml version="1.0" encoding="${options.encoding ?? 'windows-1252'}"?>\n`;
  return `${declaration}${options.prolog ?? ''}<Racine xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
	xsi:noNamespaceSchemaLocation="../../cdb/caf_msa/vrsb0801.xsd">
	<IdentificationFlux>
		<APPLIEME>CRI</APPLIEME>
		<NUMVERSIONAPPLIEME>6200</NUMVERSIONAPPLIEME>
		<TYPEFLUX>M</TYPEFLUX>
		<NATFLUX>D</NATFLUX>
		<DTCREAFLUX>2022-03-05</DTCREAFLUX>
		<HEUCREAFLUX>01:18:36.0000</HEUCREAFLUX>
		<DTREF>2022-02-28</DTREF>
	</IdentificationFlux>${households.join('')}
	<TransmissionFlux>
		<NBTOTDOSRSATRANSM>${options.announced ?? String(households.length).padStart(8, '0')}</NBTOTDOSRSATRANSM>
		<NBTOTDOSRSATRANSMANO>00000000</NBTOTDOSRSATRANSMANO>
	</TransmissionFlux>
</Racine>
`;
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

const cp1252 = (xml: string): Buffer => iconv.encode(xml, 'windows-1252');
const utf8 = (xml: string): Buffer => Buffer.from(xml, 'utf8');

// ---------------------------------------------------------------------------------------------------------------
// Running the parser
// ---------------------------------------------------------------------------------------------------------------

interface Outcome {
  items: Array<ParsedItem<CafHouseholdRecord>>;
  error: IngestFileError | undefined;
  headers: CafFluxHeader[];
  trailers: Array<{ announcedHouseholds: number | null; households: number }>;
}

function chunked(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

async function parse(input: Buffer | Buffer[], chunkSize?: number): Promise<Outcome> {
  const chunks = Array.isArray(input) ? input : chunkSize ? chunked(input, chunkSize) : [input];
  const outcome: Outcome = { items: [], error: undefined, headers: [], trailers: [] };
  try {
    for await (const item of parseCafFlux(Readable.from(chunks), {
      schema: cafFluxSchema(),
      onHeader: (header) => outcome.headers.push(header.flux),
      onTrailer: (trailer) => outcome.trailers.push(trailer),
    })) {
      outcome.items.push(item);
    }
  } catch (error) {
    if (!(error instanceof IngestFileError)) throw error;
    outcome.error = error;
  }
  return outcome;
}

function records(outcome: Outcome): Array<ParsedRecord<CafHouseholdRecord>> {
  return outcome.items.filter((i): i is ParsedRecord<CafHouseholdRecord> => i.kind === 'record');
}

function rejected(item: ParsedItem<CafHouseholdRecord> | undefined): RejectedRecord {
  if (item?.kind !== 'rejected') throw new Error(`expected a rejection, got ${JSON.stringify(item)}`);
  return item;
}

function summary(issues: RecordIssue[]): Array<Pick<RecordIssue, 'code' | 'field' | 'message'>> {
  return issues.map(({ code, field, message }) => ({ code, field, message }));
}

async function expectFileError(bytes: Buffer, code: RejectionCode, chunkSizes: number[] = [0, 1, 7]) {
  const outcomes: Outcome[] = [];
  for (const size of chunkSizes) {
    const outcome = await parse(bytes, size || undefined);
    expect({ chunkSize: size, code: outcome.error?.code }).toEqual({ chunkSize: size, code });
    outcomes.push(outcome);
  }
  return outcomes;
}

// ---------------------------------------------------------------------------------------------------------------

const EXPECTED_HOUSEHOLD: Omit<CafHouseholdRecord, 'contentHash'> = {
  organisme: 'caf',
  organismeCode: '521',
  matricule: '208956400000000',
  numDemRsa: '01024041052',
  requestedOn: '2018-08-06',
  departmentCode: '052',
  familySituation: 'MAR',
  familySituationSince: '2005-06-18',
  homeless: false,
  address: {
    lines: ['APPARTEMENT 12', 'RÉSIDENCE LES PRÉS', '25 RUE HENRI BARBUSSE'],
    postalCode: '92300',
    city: 'LEVALLOIS PERRET',
    inseeCode: '92044',
    country: 'FRA',
  },
  right: {
    etatDossier: '2',
    suspensionReason: null,
    suspendedOn: null,
    closureReason: null,
    closedOn: null,
    householdSubjectToRightsAndDuties: true,
  },
  members: [
    {
      nir: '2730799404078',
      identifiers: [],
      lastName: 'HÉBERT',
      birthName: 'CŒURDEROY',
      firstNames: ['LÉA', 'RENÉE'],
      birthDate: '1973-07-21',
      birthPlace: 'SAINT-ÉTIENNE',
      sex: 'F',
      role: 'DEM',
      responsible: true,
      subjectToRightsAndDuties: true,
    },
    {
      nir: '1810693050030',
      identifiers: [],
      lastName: 'HÉBERT',
      birthName: null,
      firstNames: ['JÉRÔME'],
      birthDate: '1981-06-10',
      birthPlace: 'NEUILLY SUR MARNE',
      sex: 'M',
      role: 'CJT',
      responsible: false,
      subjectToRightsAndDuties: false,
    },
  ],
};

function withoutHash(record: CafHouseholdRecord): Omit<CafHouseholdRecord, 'contentHash'> {
  const { contentHash: _hash, ...rest } = record;
  return rest;
}

describe('parseCafFlux', () => {
  describe('a valid windows-1252 flux', () => {
    const bytes = cp1252(flux([household()]));

    it('is really windows-1252 on disk (é is one byte 0xE9, Œ is 0x8C)', () => {
      expect(bytes.includes(Buffer.from([0x48, 0xc9, 0x42]))).toBe(true); // HÉB
      expect(bytes.includes(Buffer.from([0x43, 0x8c, 0x55]))).toBe(true); // CŒU
      expect(bytes.includes(Buffer.from('É', 'utf8'))).toBe(false);
    });

    it('decodes every character windows-1252 defines from 0x80 to 0x9F, as iconv does', async () => {
      const c1 = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
      // NOMCOMNAI holds 26 characters at most: half each.
      const [first, second] = [c1.slice(0, 14), c1.slice(14)];
      const persons = [
        { ...LEA, nomcomnai: first },
        { ...JEROME, nomcomnai: second },
      ];
      const outcome = await parse(cp1252(flux([household({ persons })])), 5);
      expect(outcome.error).toBeUndefined();
      expect(records(outcome)[0].data.members.map((m) => m.birthPlace)).toEqual([first, second]);
      expect(iconv.decode(iconv.encode(c1, 'windows-1252'), 'windows-1252')).toBe(c1);
    });

    it.each([
      ['one chunk', 0],
      ['1-byte chunks', 1],
      ['7-byte chunks', 7],
    ])('maps the household to exact values (%s)', async (_label, size) => {
      const outcome = await parse(bytes, size || undefined);
      expect(outcome.error).toBeUndefined();
      expect(outcome.items).toHaveLength(1);
      const [item] = records(outcome);
      expect(item.kind).toBe('record');
      expect(item.position).toBe(1);
      expect(item.key).toBe('caf:208956400000000');
      expect(item.warnings).toEqual([]);
      expect(withoutHash(item.data)).toEqual(EXPECTED_HOUSEHOLD);
      expect(item.data.contentHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('reports the header and the trailer', async () => {
      const outcome = await parse(bytes);
      expect(outcome.headers).toEqual([
        {
          application: 'CRI',
          version: '6200',
          fluxType: 'M',
          nature: 'D',
          createdOn: '2022-03-05',
          referenceDate: '2022-02-28',
        },
      ]);
      expect(outcome.trailers).toEqual([{ announcedHouseholds: 1, households: 1 }]);
    });

    it('passes the header as a FileHeader too', async () => {
      const headers: unknown[] = [];
      for await (const _item of parseCafFlux(Readable.from([bytes]), {
        schema: cafFluxSchema(),
        onHeader: (header) => headers.push(header),
      })) {
        // drain
      }
      expect(headers).toEqual([
        expect.objectContaining({
          referenceDate: '2022-02-28',
          fluxType: 'M',
          details: {
            application: 'CRI',
            version: '6200',
            fluxType: 'M',
            nature: 'D',
            createdOn: '2022-03-05',
            referenceDate: '2022-02-28',
          },
        }),
      ]);
    });

    it('accepts an async iterable of Buffers as well as a Readable', async () => {
      async function* source(): AsyncGenerator<Buffer> {
        yield* chunked(bytes, 64);
      }
      const items: Array<ParsedItem<CafHouseholdRecord>> = [];
      for await (const item of parseCafFlux(source(), { schema: cafFluxSchema() })) items.push(item);
      expect(items.map((i) => i.kind)).toEqual(['record']);
    });
  });

  describe('chunk boundaries', () => {
    const xml = flux([household()]);

    it('splits inside the XML declaration (in the encoding name)', async () => {
      const bytes = cp1252(xml);
      const cut = bytes.indexOf('windows-1252') + 4;
      const outcome = await parse([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(outcome.error).toBeUndefined();
      expect(withoutHash(records(outcome)[0].data)).toEqual(EXPECTED_HOUSEHOLD);
    });

    it('splits a UTF-8 file in the middle of a two-byte character', async () => {
      const bytes = utf8(flux([household()], { encoding: 'UTF-8' }));
      const e = bytes.indexOf(Buffer.from('É', 'utf8'));
      expect(e).toBeGreaterThan(0);
      const outcome = await parse([bytes.subarray(0, e + 1), bytes.subarray(e + 1)]);
      expect(outcome.error).toBeUndefined();
      expect(withoutHash(records(outcome)[0].data)).toEqual(EXPECTED_HOUSEHOLD);
    });

    it.each([1, 7])('decodes a UTF-8 file fed in %i-byte chunks', async (size) => {
      const outcome = await parse(utf8(flux([household()], { encoding: 'utf-8' })), size);
      expect(outcome.error).toBeUndefined();
      expect(withoutHash(records(outcome)[0].data)).toEqual(EXPECTED_HOUSEHOLD);
    });

    it('decodes a UTF-8 file with a byte order mark', async () => {
      const bytes = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        utf8(xml.replace('windows-1252', 'UTF-8')),
      ]);
      const outcome = await parse(bytes, 1);
      expect(outcome.error).toBeUndefined();
      expect(withoutHash(records(outcome)[0].data)).toEqual(EXPECTED_HOUSEHOLD);
    });

    it('refuses a byte order mark with a windows-1252 declaration', async () => {
      const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), cp1252(xml)]);
      await expectFileError(bytes, 'ENCODING_INVALID');
    });

    it('yields the same content hash whatever the chunking', async () => {
      const bytes = cp1252(xml);
      const hashes = await Promise.all(
        [0, 1, 7, 4096].map(
          async (size) => records(await parse(bytes, size || undefined))[0].data.contentHash,
        ),
      );
      expect(new Set(hashes).size).toBe(1);
    });
  });

  describe('right states', () => {
    it('maps a suspended payment (SuspensionVersement)', async () => {
      const xml = flux([
        household({
          etat: '4',
          situation: `
				<SuspensionVersement>
					<MOTISUSVERSRSA>06</MOTISUSVERSRSA>
					<DDSUSVERSRSA>2021-11-01</DDSUSVERSRSA>
				</SuspensionVersement>`,
        }),
      ]);
      const [item] = records(await parse(cp1252(xml)));
      expect(item.data.right).toEqual({
        etatDossier: '4',
        suspensionReason: '06',
        suspendedOn: '2021-11-01',
        closureReason: null,
        closedOn: null,
        householdSubjectToRightsAndDuties: true,
      });
    });

    it('maps a suspended right (SuspensionDroit) when no payment suspension is given', async () => {
      const xml = flux([
        household({
          etat: '3',
          situation: `
				<SuspensionDroit>
					<MOTISUSDRORSA>AB</MOTISUSDRORSA>
					<DDSUSDRORSA>2021-10-01</DDSUSDRORSA>
				</SuspensionDroit>`,
        }),
      ]);
      const [item] = records(await parse(cp1252(xml)));
      expect(item.data.right).toMatchObject({
        etatDossier: '3',
        suspensionReason: 'AB',
        suspendedOn: '2021-10-01',
      });
    });

    it('maps a closed right (FinDroit)', async () => {
      const xml = flux([
        household({
          etat: '6',
          situation: `
				<FinDroit>
					<MOTICLORSA>PCG</MOTICLORSA>
					<DTCLORSA>2021-11-30</DTCLORSA>
				</FinDroit>`,
        }),
      ]);
      const [item] = records(await parse(cp1252(xml)));
      expect(item.data.right).toEqual({
        etatDossier: '6',
        suspensionReason: null,
        suspendedOn: null,
        closureReason: 'PCG',
        closedOn: '2021-11-30',
        householdSubjectToRightsAndDuties: true,
      });
    });

    it('maps a homeless household', async () => {
      const [item] = records(await parse(cp1252(flux([household({ sansDomFixe: '1' })]))));
      expect(item.data.homeless).toBe(true);
    });

    it('maps a person without NIR to nir null', async () => {
      const [item] = records(
        await parse(cp1252(flux([household({ persons: [{ ...LEA, nir: undefined }] })]))),
      );
      expect(item.data.members.map((m) => m.nir)).toEqual([null]);
    });
  });

  describe('refused files', () => {
    const valid = flux([household()]);

    it('refuses a DOCTYPE with an external entity (XXE)', async () => {
      const xml = valid
        .replace('<Racine', '<!DOCTYPE Racine [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Racine')
        .replace('<NOM>HÉBERT</NOM>', '<NOM>&xxe;</NOM>');
      const [outcome] = await expectFileError(cp1252(xml), 'XML_DTD_FORBIDDEN');
      expect(outcome.error?.message).not.toContain('root:');
      expect(JSON.stringify(outcome.items)).not.toContain('root:');
    });

    it('refuses a billion-laughs entity bomb', async () => {
      const entities = ['<!ENTITY lol0 "lol">'];
      for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
      const xml = valid
        .replace('<Racine', `<!DOCTYPE Racine [\n${entities.join('\n')}\n]>\n<Racine`)
        .replace('<NOM>HÉBERT</NOM>', '<NOM>&lol9;</NOM>');
      const [outcome] = await expectFileError(cp1252(xml), 'XML_DTD_FORBIDDEN');
      expect(outcome.error?.message).toBe(
        'The file declares a DTD: DTDs and entities are refused (XXE, entity expansion)',
      );
    });

    // After a whole-file fault nothing more is read, however the bytes arrive.
    it.each([
      ['a DOCTYPE', 'XML_DTD_FORBIDDEN', valid.replace('<Racine', '<!DOCTYPE Racine>\n<Racine')],
      [
        'an invalid IdentificationFlux',
        'SCHEMA_VIOLATION',
        valid.replace('2022-02-28</DTREF>', '2022-02-30</DTREF>'),
      ],
    ])('yields no household that comes after %s, whatever the chunking', async (_label, code, xml) => {
      const outcomes = await expectFileError(cp1252(xml), code as RejectionCode, [0, 1]);
      expect(outcomes.map((o) => o.items.length)).toEqual([0, 0]);
    });

    it('refuses an undefined entity reference as malformed XML', async () => {
      const xml = valid.replace('<NOM>HÉBERT</NOM>', '<NOM>&foo;</NOM>');
      const line = lineOf(xml, '&foo;');
      const [outcome] = await expectFileError(cp1252(xml), 'XML_MALFORMED');
      expect(outcome.error?.message).toMatch(
        new RegExp(`^Malformed XML at line ${line}, column \\d+: .*undefined entity`),
      );
    });

    it('accepts the predefined entities and character references', async () => {
      const xml = valid.replace('<NOMVOIE>HENRI BARBUSSE</NOMVOIE>', '<NOMVOIE>A &amp; B &#201;</NOMVOIE>');
      const [item] = records(await parse(cp1252(xml)));
      expect(item.data.address?.lines).toEqual(['APPARTEMENT 12', 'RÉSIDENCE LES PRÉS', '25 RUE A & B É']);
    });

    it('yields the households before a cut, then reports a truncated file', async () => {
      const xml = flux([
        household({ matricule: '100000000000001' }),
        household({ matricule: '100000000000002' }),
      ]);
      const bytes = cp1252(xml);
      const second = bytes.indexOf('100000000000002');
      const cut = bytes.subarray(0, bytes.indexOf('<NOMCOMNAI>', second) + 5);
      const outcomes = await expectFileError(cut, 'XML_TRUNCATED');
      for (const outcome of outcomes) {
        expect(outcome.items.map((i) => [i.kind, i.key])).toEqual([['record', 'caf:100000000000001']]);
        expect(outcome.error?.message).toBe(
          'The file ends inside <Racine/InfosFoyerRSA/Personne/Identification> after 2 household(s): it is truncated',
        );
      }
    });

    it('reports a file cut right after a household as truncated', async () => {
      const xml = flux([household()]);
      const cut = cp1252(xml.slice(0, xml.indexOf('</InfosFoyerRSA>') + '</InfosFoyerRSA>'.length));
      const [outcome] = await expectFileError(cut, 'XML_TRUNCATED');
      expect(outcome.items.map((i) => i.kind)).toEqual(['record']);
      expect(outcome.error?.message).toBe(
        'The file ends inside <Racine> after 1 household(s): it is truncated',
      );
    });

    it('refuses a malformed tag, giving its line', async () => {
      const xml = valid.replace('<DTDEMRSA>2018-08-06</DTDEMRSA>', '<DTDEMRSA>2018-08-06</DTDEM RSA>');
      const line = lineOf(xml, '</DTDEM RSA>');
      const [outcome] = await expectFileError(cp1252(xml), 'XML_MALFORMED');
      expect(outcome.error?.message).toMatch(new RegExp(`^Malformed XML at line ${line}, column \\d+: `));
    });

    it('refuses mismatched tags', async () => {
      const xml = valid.replace('<NUMORG>521</NUMORG>', '<NUMORG>521</NUMORGE>');
      await expectFileError(cp1252(xml), 'XML_MALFORMED');
    });

    it('refuses content after the root element', async () => {
      await expectFileError(cp1252(`${valid}<Racine/>`), 'XML_MALFORMED', [0]);
    });

    it.each([
      ['a PDF', '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'],
      ['a CSV export', 'NOM;PRENOM;NIR\nHEBERT;LEA;2730799404078\n'],
      ['plain text with no markup', 'bonjour'],
      ['blank lines', '\n\n   \n'],
    ])('refuses %s as NOT_XML', async (_label, content) => {
      const [outcome] = await expectFileError(Buffer.from(content, 'latin1'), 'NOT_XML');
      expect(outcome.items).toEqual([]);
    });

    it('refuses a declaration with no element as NOT_XML', async () => {
      await expectFileError(cp1252('<?xml version="1.0" encoding="windows-1252"?>\n'), 'NOT_XML');
    });

    it.each([
      ['an empty buffer', [Buffer.alloc(0)]],
      ['no chunk at all', []],
    ])('refuses an empty file (%s)', async (_label, chunks) => {
      const outcome = await parse(chunks);
      expect(outcome.error?.code).toBe('EMPTY_FILE');
      expect(outcome.items).toEqual([]);
    });

    it('refuses another root element', async () => {
      const xml = '<?xml version="1.0" encoding="windows-1252"?>\n<Foo><InfosFoyerRSA/></Foo>\n';
      const [outcome] = await expectFileError(cp1252(xml), 'XML_WRONG_ROOT');
      expect(outcome.error?.message).toBe(
        'The root element is <Foo>, a CAF/MSA RSA flux starts with <Racine>',
      );
    });

    it('refuses a file without IdentificationFlux', async () => {
      const xml = valid.replace(/<IdentificationFlux>[\s\S]*<\/IdentificationFlux>/, '');
      const outcome = await parse(cp1252(xml));
      expect(outcome.error?.code).toBe('SCHEMA_VIOLATION');
    });

    it('refuses an invalid IdentificationFlux', async () => {
      const xml = valid.replace('<DTREF>2022-02-28</DTREF>', '<DTREF>2022-02-30</DTREF>');
      const outcome = await parse(cp1252(xml));
      expect(outcome.error?.code).toBe('SCHEMA_VIOLATION');
      expect(outcome.error?.message).toBe(
        'IdentificationFlux is invalid: Racine/IdentificationFlux/DTREF: not a calendar date',
      );
      expect(outcome.headers).toEqual([]);
    });

    it('refuses a text longer than maxTextLength', async () => {
      const xml = valid.replace('<NOMVOIE>HENRI BARBUSSE</NOMVOIE>', `<NOMVOIE>${'A'.repeat(200)}</NOMVOIE>`);
      const items: Array<ParsedItem<CafHouseholdRecord>> = [];
      const run = async () => {
        for await (const item of parseCafFlux(Readable.from([cp1252(xml)]), {
          schema: cafFluxSchema(),
          maxTextLength: 100,
        })) {
          items.push(item);
        }
      };
      await expect(run()).rejects.toMatchObject({
        code: 'XML_MALFORMED',
        message: '<NOMVOIE> holds more than 100 characters',
      });
    });
  });

  describe('encodings', () => {
    const xml = flux([household()]);

    it('refuses windows-1252 bytes declared as UTF-8', async () => {
      const [outcome] = await expectFileError(
        cp1252(xml.replace('windows-1252', 'UTF-8')),
        'ENCODING_INVALID',
      );
      expect(outcome.error?.message).toMatch(
        /^The file declares UTF-8 but holds bytes that are not UTF-8 near byte/,
      );
    });

    it('refuses windows-1252 bytes without declaration (UTF-8 by default)', async () => {
      const noDeclaration = xml.replace(/^<\?xml[^>]*>\n/, '');
      await expectFileError(cp1252(noDeclaration), 'ENCODING_INVALID');
    });

    it('refuses a UTF-8 file that ends in the middle of a character', async () => {
      const bytes = utf8('<?xml version="1.0" encoding="UTF-8"?><Racine>É');
      const outcome = await parse(bytes.subarray(0, bytes.length - 1));
      expect(outcome.error?.code).toBe('ENCODING_INVALID');
    });

    it('refuses UTF-8 content ("Ã©") declared as windows-1252 (one chunk, 7-byte chunks)', async () => {
      const [outcome] = await expectFileError(utf8(xml), 'ENCODING_INVALID', [0, 7 * 1024]);
      expect(outcome.error?.message).toBe(
        'The file declares windows-1252 but holds UTF-8 sequences (e.g. "é" written as "Ã©"): its declaration lies',
      );
    });

    // A UTF-8 sequence split across two chunks is still caught (names would otherwise be stored as "HÃ‰BERT").
    it('refuses UTF-8 content declared as windows-1252 when chunks split its sequences', async () => {
      await expectFileError(utf8(xml), 'ENCODING_INVALID', [1]);
    });

    it('refuses a byte that windows-1252 does not define', async () => {
      const bytes = Buffer.concat([cp1252(xml.slice(0, 300)), Buffer.from([0x81]), cp1252(xml.slice(300))]);
      await expectFileError(bytes, 'ENCODING_INVALID');
    });

    it('accepts an ISO-8859-1 declaration with Latin-1 bytes', async () => {
      const latin = xml.replace('windows-1252', 'ISO-8859-1').replace('CŒURDEROY', 'CÉURDEROY');
      const [item] = records(await parse(iconv.encode(latin, 'latin1'), 3));
      expect(item.data.members[0].birthName).toBe('CÉURDEROY');
      expect(item.data.members[0].lastName).toBe('HÉBERT');
    });

    it.each([
      ['UTF-16 LE with BOM', iconv.encode(`\ufeff${xml.replace('windows-1252', 'UTF-16')}`, 'utf-16le')],
      ['UTF-16 BE with BOM', iconv.encode(`\ufeff${xml.replace('windows-1252', 'UTF-16')}`, 'utf-16be')],
      ['UTF-16 LE without BOM', iconv.encode(xml.replace('windows-1252', 'UTF-16'), 'utf-16le')],
      ['an ASCII file declaring UTF-16', cp1252(xml.replace('windows-1252', 'UTF-16'))],
    ])('refuses %s as ENCODING_UNSUPPORTED', async (_label, bytes) => {
      await expectFileError(bytes, 'ENCODING_UNSUPPORTED');
    });

    it('refuses an unknown encoding name', async () => {
      const [outcome] = await expectFileError(
        cp1252(xml.replace('windows-1252', 'klingon-8')),
        'ENCODING_UNSUPPORTED',
      );
      expect(outcome.error?.message).toBe('Encoding klingon-8 is not supported (windows-1252 or UTF-8)');
    });
  });

  describe('rejected households', () => {
    it('rejects a household with an impossible birth date and still yields the next one', async () => {
      const xml = flux([
        household({ matricule: '100000000000001', persons: [{ ...LEA, dtnai: '2021-02-30' }] }),
        household({ matricule: '100000000000002' }),
      ]);
      for (const size of [0, 1, 7]) {
        const outcome = await parse(cp1252(xml), size || undefined);
        expect(outcome.error).toBeUndefined();
        expect(outcome.items).toHaveLength(2);
        const first = rejected(outcome.items[0]);
        expect(first.position).toBe(1);
        expect(first.key).toBe('caf:100000000000001');
        expect(summary(first.issues)).toEqual([
          {
            code: 'SCHEMA_VIOLATION',
            field: 'Racine/InfosFoyerRSA/Personne/Identification/DTNAI',
            message: 'Racine/InfosFoyerRSA/Personne/Identification/DTNAI: not a calendar date',
          },
        ]);
        expect(first.issues[0].severity).toBe('error');
        expect(outcome.items[1]).toMatchObject({ kind: 'record', position: 2, key: 'caf:100000000000002' });
        expect(outcome.trailers).toEqual([{ announcedHouseholds: 2, households: 2 }]);
      }
    });

    it('rejects a date that is not YYYY-MM-DD', async () => {
      const xml = flux([household({ persons: [{ ...LEA, dtnai: '21/07/1973' }] })]);
      const item = rejected((await parse(cp1252(xml))).items[0]);
      expect(summary(item.issues)).toEqual([
        {
          code: 'SCHEMA_VIOLATION',
          field: 'Racine/InfosFoyerRSA/Personne/Identification/DTNAI',
          message: 'Racine/InfosFoyerRSA/Personne/Identification/DTNAI: not a date (YYYY-MM-DD)',
        },
      ]);
    });

    it('names the occurrence of a repeated element in the path', async () => {
      const xml = flux([household({ persons: [LEA, { ...JEROME, dtnai: '1981-13-01' }] })]);
      const item = rejected((await parse(cp1252(xml))).items[0]);
      expect(item.issues.map((i) => i.field)).toEqual([
        'Racine/InfosFoyerRSA/Personne[2]/Identification/DTNAI',
      ]);
    });

    it('names the household occurrence in the path', async () => {
      const xml = flux([
        household({ matricule: '100000000000001' }),
        household({ matricule: '100000000000002', persons: [{ ...LEA, dtnai: '2021-02-30' }] }),
      ]);
      const outcome = await parse(cp1252(xml));
      expect(outcome.items[0].kind).toBe('record');
      expect(rejected(outcome.items[1]).issues.map((i) => i.field)).toEqual([
        'Racine/InfosFoyerRSA[2]/Personne/Identification/DTNAI',
      ]);
    });

    it('rejects a household with a missing required element', async () => {
      const xml = flux([household()]).replace('<NOMNAI>CŒURDEROY</NOMNAI>', '');
      const item = rejected((await parse(cp1252(xml))).items[0]);
      expect(summary(item.issues)).toEqual([
        {
          code: 'SCHEMA_VIOLATION',
          field: 'Racine/InfosFoyerRSA/Personne/Identification/NOMNAI',
          message:
            'Racine/InfosFoyerRSA/Personne/Identification/NOMNAI: missing required element NOMNAI before PRENOM',
        },
      ]);
    });

    it('rejects a household missing required blocks at its end', async () => {
      const xml = flux([household()]).replace(/<PrestationRSA>[\s\S]*<\/PrestationRSA>/, '');
      const item = rejected((await parse(cp1252(xml))).items[0]);
      expect(summary(item.issues)).toEqual([
        {
          code: 'SCHEMA_VIOLATION',
          field: 'Racine/InfosFoyerRSA/PrestationRSA',
          message: 'Racine/InfosFoyerRSA/PrestationRSA: missing required element PrestationRSA',
        },
      ]);
    });

    it('rejects a household whose elements are out of order', async () => {
      const xml = flux([household()]).replace(
        /(<DonneesAdministratives>[\s\S]*<\/DonneesAdministratives>)(\s*)(<PrestationRSA>[\s\S]*<\/PrestationRSA>)/,
        '$3$2$1',
      );
      const item = rejected((await parse(cp1252(xml))).items[0]);
      expect(summary(item.issues)).toEqual([
        {
          code: 'SCHEMA_VIOLATION',
          field: 'Racine/InfosFoyerRSA/DonneesAdministratives',
          message:
            'Racine/InfosFoyerRSA/DonneesAdministratives: missing required element DonneesAdministratives before PrestationRSA',
        },
        {
          code: 'SCHEMA_VIOLATION',
          field: 'Racine/InfosFoyerRSA/DonneesAdministratives',
          message:
            'Racine/InfosFoyerRSA/DonneesAdministratives: DonneesAdministratives is out of order in InfosFoyerRSA',
        },
      ]);
    });

    it('rejects an element that occurs too often, an unknown element and a too long value', async () => {
      const xml = flux([household()])
        .replace('<SEXE>2</SEXE>', '<SEXE>2</SEXE><SEXE>2</SEXE>')
        .replace('<IDEPARTE>052</IDEPARTE>', '<IDEPARTE>0520</IDEPARTE><COULEUR>bleu</COULEUR>');
      const item = rejected((await parse(cp1252(xml))).items[0]);
      expect(summary(item.issues).map((i) => i.message)).toEqual([
        'Racine/InfosFoyerRSA/IdentificationRSA/Partenaire/IDEPARTE: longer than 3 characters',
        'Racine/InfosFoyerRSA/IdentificationRSA/Partenaire/COULEUR: unexpected element COULEUR in Partenaire',
        'Racine/InfosFoyerRSA/Personne/Identification/SEXE[2]: SEXE occurs more than 1 time(s)',
      ]);
    });

    it('rejects text in an element that only holds elements, and a bad boolean', async () => {
      const xml = flux([household()])
        .replace('<DossierCAF>', '<DossierCAF>texte')
        .replace('<TOPRESPDOS>1</TOPRESPDOS>', '<TOPRESPDOS>oui</TOPRESPDOS>');
      const item = rejected((await parse(cp1252(xml))).items[0]);
      expect(summary(item.issues).map((i) => i.message)).toEqual([
        'Racine/InfosFoyerRSA/Personne/DossierCAF/TOPRESPDOS: not a boolean (0, 1, true, false)',
        'Racine/InfosFoyerRSA/Personne/DossierCAF: text is not allowed here',
      ]);
    });

    it('counts a repeated element that must occur twice', async () => {
      const xml = flux([household({ persons: [LEA] })]).replace(
        /<Prestations>\s*<NATPREST>PFA<\/NATPREST>[\s\S]*?<\/Prestations>/,
        '',
      );
      const item = rejected((await parse(cp1252(xml))).items[0]);
      expect(summary(item.issues).map((i) => i.message)).toEqual([
        'Racine/InfosFoyerRSA/Personne/Prestations: Prestations must occur 2 times, found 1',
      ]);
    });

    it('rejects a NIR with a wrong key without writing the NIR in the message', async () => {
      const base = LEA.nir ?? '';
      const key = nirKey(base);
      const wrongKey = String((Number(key) % 97) + 1).padStart(2, '0');
      const nir = `${base}${wrongKey}`;
      expect(nir).toHaveLength(15);
      const xml = flux([household({ persons: [{ ...LEA, nir }, JEROME] })]);
      const item = rejected((await parse(cp1252(xml))).items[0]);
      expect(item.key).toBe('caf:208956400000000');
      expect(summary(item.issues)).toEqual([
        {
          code: 'INVALID_NIR',
          field: 'Personne[1]/Identification/NIR',
          message: 'Personne[1]: the NIR is not valid (NIR key does not match (97 - n mod 97))',
        },
      ]);
      for (const i of item.issues) {
        expect(i.message).not.toContain(nir);
        expect(i.message).not.toContain(base);
      }
    });

    it('accepts a NIR with its right key', async () => {
      const nir = `${LEA.nir}${nirKey(LEA.nir ?? '')}`;
      const [item] = records(await parse(cp1252(flux([household({ persons: [{ ...LEA, nir }] })]))));
      expect(item.data.members[0].nir).toBe(nir);
    });

    it('rejects a malformed NIR', async () => {
      const xml = flux([household({ persons: [{ ...LEA, nir: '9730799404078' }] })]);
      const item = rejected((await parse(cp1252(xml))).items[0]);
      expect(summary(item.issues)).toEqual([
        {
          code: 'INVALID_NIR',
          field: 'Personne[1]/Identification/NIR',
          message:
            'Personne[1]: the NIR is not valid (NIR format is invalid (sex, year, month, department, commune, order, key))',
        },
      ]);
    });

    it('rejects an unknown ETATDOSRSA code', async () => {
      const item = rejected((await parse(cp1252(flux([household({ etat: '9' })])))).items[0]);
      expect(summary(item.issues)).toEqual([
        { code: 'INVALID_CODE', field: 'ETATDOSRSA', message: 'ETATDOSRSA 9 is not a code from 0 to 6' },
      ]);
    });

    it('rejects an unknown FONORG', async () => {
      const xml = flux([household()]).replace('<FONORG>CAF</FONORG>', '<FONORG>XYZ</FONORG>');
      const item = rejected((await parse(cp1252(xml))).items[0]);
      expect(summary(item.issues)).toEqual([
        {
          code: 'INVALID_CODE',
          field: 'IdentificationRSA/Organisme/FONORG',
          message: 'FONORG xyz is neither CAF nor MSA',
        },
      ]);
    });

    it('keys an MSA household with its organisme', async () => {
      const xml = flux([household()]).replace('<FONORG>CAF</FONORG>', '<FONORG>MSA</FONORG>');
      const [item] = records(await parse(cp1252(xml)));
      expect(item.key).toBe('msa:208956400000000');
      expect(item.data.organisme).toBe('msa');
    });

    it('rejects the second occurrence of the same household', async () => {
      const outcome = await parse(cp1252(flux([household(), household()])));
      expect(outcome.items[0]).toMatchObject({ kind: 'record', position: 1, key: 'caf:208956400000000' });
      const second = rejected(outcome.items[1]);
      expect(second.position).toBe(2);
      expect(second.key).toBe('caf:208956400000000');
      expect(summary(second.issues)).toEqual([
        {
          code: 'DUPLICATE_IN_FILE',
          field: 'IdentificationRSA/Organisme/MATRICULE',
          message: 'This household is already in the file',
        },
        {
          code: 'DUPLICATE_IN_FILE',
          field: 'Personne/Identification/NIR',
          message: 'LÉA HÉBERT: this NIR appears twice in the file',
        },
        {
          code: 'DUPLICATE_IN_FILE',
          field: 'Personne/Identification/NIR',
          message: 'JÉRÔME HÉBERT: this NIR appears twice in the file',
        },
      ]);
      for (const i of second.issues) {
        expect(i.message).not.toContain(LEA.nir);
        expect(i.message).not.toContain(JEROME.nir);
      }
    });

    it('rejects a household that holds a NIR already seen in another household', async () => {
      const outcome = await parse(
        cp1252(
          flux([
            household({ matricule: '100000000000001', persons: [LEA] }),
            household({ matricule: '100000000000002', persons: [JEROME, { ...LEA, prenom: 'LÉONIE' }] }),
            household({ matricule: '100000000000003', persons: [JEROME] }),
          ]),
        ),
      );
      expect(outcome.items.map((i) => [i.kind, i.key])).toEqual([
        ['record', 'caf:100000000000001'],
        ['rejected', 'caf:100000000000002'],
        // the rejected household's NIRs are not remembered: JÉRÔME is first seen here
        ['record', 'caf:100000000000003'],
      ]);
      const second = rejected(outcome.items[1]);
      expect(summary(second.issues)).toEqual([
        {
          code: 'DUPLICATE_IN_FILE',
          field: 'Personne/Identification/NIR',
          message: 'LÉONIE HÉBERT: this NIR appears twice in the file',
        },
      ]);
      expect(second.issues[0].message).not.toContain(LEA.nir);
    });

    it('rejects a household that holds the same NIR twice (13 and 15 characters)', async () => {
      const nir15 = `${LEA.nir}${nirKey(LEA.nir ?? '')}`;
      const xml = flux([household({ persons: [LEA, { ...JEROME, nir: nir15 }] })]);
      const item = rejected((await parse(cp1252(xml))).items[0]);
      expect(item.issues.map((i) => i.code)).toEqual(['DUPLICATE_IN_FILE']);
      expect(item.issues[0].message).not.toContain(nir15);
      expect(item.issues[0].message).not.toContain(LEA.nir);
    });
  });

  describe('contentHash', () => {
    it('is the SHA-256 of the mapped content, stable across runs', async () => {
      const bytes = cp1252(flux([household()]));
      const first = records(await parse(bytes))[0].data;
      const second = records(await parse(bytes))[0].data;
      expect(second.contentHash).toBe(first.contentHash);
      expect(first.contentHash).toBe(
        createHash('sha256')
          .update(JSON.stringify(withoutHash(first)))
          .digest('hex'),
      );
    });

    it('ignores what the record does not map (whitespace, other households, the header)', async () => {
      const alone = records(await parse(cp1252(flux([household()]))))[0].data.contentHash;
      const xml = flux([household({ matricule: '100000000000001', persons: [] }), household()])
        .replace('<DTREF>2022-02-28</DTREF>', '<DTREF>2022-03-31</DTREF>')
        .replace(/\t\t\t\t<NOM>/g, '  <NOM>');
      const outcome = await parse(cp1252(xml));
      const item = outcome.items.find((i) => i.key === 'caf:208956400000000');
      expect(item?.kind === 'record' && item.data.contentHash).toBe(alone);
    });

    it('changes when ETATDOSRSA changes', async () => {
      const open = records(await parse(cp1252(flux([household({ etat: '2' })]))))[0].data.contentHash;
      const closed = records(await parse(cp1252(flux([household({ etat: '6' })]))))[0].data.contentHash;
      expect(closed).not.toBe(open);
    });
  });

  describe('trailer', () => {
    it('reports what TransmissionFlux announces next to what was counted', async () => {
      const outcome = await parse(
        cp1252(
          flux(
            [
              household({ matricule: '100000000000001', persons: [somebody(1)] }),
              household({ matricule: '100000000000002', persons: [somebody(2)], etat: '9' }),
              household({ matricule: '100000000000003', persons: [somebody(3)] }),
            ],
            { announced: '00000001' },
          ),
        ),
      );
      expect(outcome.error).toBeUndefined();
      expect(outcome.items.map((i) => i.kind)).toEqual(['record', 'rejected', 'record']);
      expect(outcome.trailers).toEqual([{ announcedHouseholds: 1, households: 3 }]);
    });

    it('reports a flux without household', async () => {
      const outcome = await parse(cp1252(flux([])));
      expect(outcome.error).toBeUndefined();
      expect(outcome.items).toEqual([]);
      expect(outcome.trailers).toEqual([{ announcedHouseholds: 0, households: 0 }]);
    });
  });
});
