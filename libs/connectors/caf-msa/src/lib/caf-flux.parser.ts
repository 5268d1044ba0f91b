import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';

import iconv from 'iconv-lite';
import { SaxesParser } from 'saxes';

import {
  IngestFileError,
  type FileHeader,
  type ObservedAddress,
  type ParsedItem,
  type RecordIssue,
} from '@spie/ingestion/domain';
import { describeNirError, parseNir } from '@spie/person/domain';

import type { CafFluxHeader, CafHouseholdRecord, CafMember } from './caf-flux.types';
import { FingerprintSet } from './fingerprint-set';
import { StreamingSchemaValidator } from './flux-validator';
import type { ElementModel } from './xsd-model';

export interface ParseCafFluxOptions {
  /** The compiled `Racine` model of `vrsb0801.xsd` (see `cafFluxSchema()`). */
  schema: ElementModel;
  onHeader?: (header: FileHeader & { flux: CafFluxHeader }) => void;
  /** `TransmissionFlux`: what the file announces next to what it held. */
  onTrailer?: (trailer: { announcedHouseholds: number | null; households: number }) => void;
  /** Largest text of one element, in characters: a longer one is a malformed file (default 64 KiB). */
  maxTextLength?: number;
}

interface XmlNode {
  name: string;
  /** `NO_CHILDREN` until the first child arrives: most elements are leaves. */
  children: XmlNode[];
  text: string;
}

const NO_CHILDREN = Object.freeze([]) as unknown as XmlNode[];

const SINGLE_BYTE = new Set(['windows-1252', 'cp1252', 'iso-8859-1', 'latin1', 'iso-8859-15', 'us-ascii']);
const C1_RANGE = /[\u0080-\u009f]/g;
/** What windows-1252 puts at 0x80–0x9F (the five undefined bytes are refused before decoding). */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
function fromWindows1252(c1: string): string {
  return WINDOWS_1252_C1[c1.charCodeAt(0) - 0x80];
}
/** Bytes that windows-1252 leaves undefined. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Streams a CAF/MSA "flux bénéficiaires RSA" (vrsb0801): decodes the declared encoding (checking that it tells the
 * truth), refuses DTDs and entities, validates each `InfosFoyerRSA` against the schema and yields it as a record, or
 * as a rejection with every reason. Memory holds one household at a time. Whole-file problems (not XML, wrong root,
 * truncated, malformed) throw an `IngestFileError` after the records read so far.
 */
export async function* parseCafFlux(
  input: Readable | AsyncIterable<Buffer>,
  options: ParseCafFluxOptions,
): AsyncGenerator<ParsedItem<CafHouseholdRecord>> {
  const validator = new StreamingSchemaValidator(options.schema);
  const maxText = options.maxTextLength ?? 65_536;
  const parser = new SaxesParser({ position: true });
  const pending: Array<ParsedItem<CafHouseholdRecord>> = [];
  const stack: XmlNode[] = [];
  // Fingerprints, not strings: memory must not grow like the file (a million households, two million NIRs).
  const seenHouseholds = new FingerprintSet();
  const seenNirs = new FingerprintSet();
  let failure: IngestFileError | undefined;
  let rootSeen = false;
  let rootClosed = false;
  let position = 0;
  let header: CafFluxHeader | undefined;

  const fail = (code: ConstructorParameters<typeof IngestFileError>[0], message: string): void => {
    failure ??= new IngestFileError(code, message);
  };

  parser.on('doctype', () =>
    fail(
      'XML_DTD_FORBIDDEN',
      'The file declares a DTD: DTDs and entities are refused (XXE, entity expansion)',
    ),
  );
  parser.on('error', (error) => fail('XML_MALFORMED', describeXmlError(firstLine(error.message))));
  parser.on('opentag', (tag) => {
    if (failure) return;
    if (!rootSeen) {
      rootSeen = true;
      if (tag.name !== 'Racine') {
        fail('XML_WRONG_ROOT', `The root element is <${tag.name}>, a CAF/MSA RSA flux starts with <Racine>`);
        return;
      }
    }
    validator.open(tag.name);
    const node: XmlNode = { name: tag.name, children: NO_CHILDREN, text: '' };
    // Keep the tree of the current record only (depth ≥ 2); the root's children arrive one at a time.
    if (stack.length >= 1) {
      const parent = stack[stack.length - 1];
      if (parent.children === NO_CHILDREN) parent.children = [];
      parent.children.push(node);
    }
    stack.push(node);
    if (stack.length === 2 && tag.name === 'InfosFoyerRSA') position += 1;
  });
  parser.on('text', (text) => {
    validator.text(text);
    const node = stack[stack.length - 1];
    if (node && stack.length > 1) {
      node.text += text;
      if (node.text.length > maxText)
        fail('XML_MALFORMED', `<${node.name}> holds more than ${maxText} characters`);
    }
  });
  parser.on('closetag', () => {
    if (failure) return;
    validator.close();
    const node = stack.pop();
    if (!node) return;
    if (stack.length === 0) {
      rootClosed = true;
      return;
    }
    if (stack.length !== 1) return;
    stack[0].children = NO_CHILDREN;
    if (node.name === 'IdentificationFlux') {
      const issues = validator.take();
      if (issues.length > 0) {
        fail('SCHEMA_VIOLATION', `IdentificationFlux is invalid: ${issues.map((i) => i.message).join('; ')}`);
        return;
      }
      header = readHeader(node);
      options.onHeader?.({
        referenceDate: header.referenceDate,
        fluxType: header.fluxType,
        details: { ...header },
        flux: header,
      });
    } else if (node.name === 'InfosFoyerRSA') {
      pending.push(toItem(node, position, validator.take(), seenHouseholds, seenNirs));
    } else if (node.name === 'TransmissionFlux') {
      validator.take();
      // Real files do not always agree with their own count (the public RSABEM.xml announces 1 and holds 2): the
      // count is reported, never trusted to decide anything.
      const announced = Number(text(node, 'NBTOTDOSRSATRANSM'));
      options.onTrailer?.({
        announcedHouseholds: Number.isFinite(announced) ? announced : null,
        households: position,
      });
    }
  });

  const decoder = new FluxDecoder();
  for await (const chunk of input as AsyncIterable<Buffer>) {
    const decoded = decoder.decode(chunk);
    if (decoded) parser.write(decoded);
    yield* pending.splice(0);
    if (failure) throw failure;
  }
  if (decoder.bytes === 0) throw new IngestFileError('EMPTY_FILE', 'The file is empty');
  const tail = decoder.end();
  if (tail) parser.write(tail);
  yield* pending.splice(0);
  if (failure) throw failure;
  if (!rootSeen) throw new IngestFileError('NOT_XML', 'The file holds no XML element');
  if (!rootClosed) {
    throw new IngestFileError(
      'XML_TRUNCATED',
      `The file ends inside <${stack.map((n) => n.name).join('/')}> after ${position} household(s): it is truncated`,
    );
  }
  parser.close();
  if (failure) throw failure;
  if (!header) throw new IngestFileError('SCHEMA_VIOLATION', 'The flux has no IdentificationFlux');
}

/** Decodes the bytes in the encoding the XML declaration names, refusing declarations that lie. */
class FluxDecoder {
  bytes = 0;
  private encoding: string | undefined;
  private head = Buffer.alloc(0);
  private utf8: TextDecoder | undefined;

  decode(chunk: Buffer): string {
    this.bytes += chunk.length;
    if (!this.encoding) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 256 && !this.head.includes(0x3e /* > */)) return '';
      this.encoding = this.detect(this.head);
      chunk = this.head;
      this.head = Buffer.alloc(0);
    }
    return this.convert(chunk);
  }

  end(): string {
    if (!this.encoding && this.head.length > 0) {
      this.encoding = this.detect(this.head);
      return this.convert(this.head);
    }
    try {
      return this.utf8 ? this.utf8.decode() : '';
    } catch {
      throw new IngestFileError('ENCODING_INVALID', 'The file ends in the middle of a UTF-8 character');
    }
  }

  private detect(head: Buffer): string {
    if (head[0] === 0xfe || head[0] === 0xff || head[0] === 0x00 || head[1] === 0x00) {
      throw new IngestFileError(
        'ENCODING_UNSUPPORTED',
        'UTF-16 files are not accepted: CAF/MSA flux are windows-1252',
      );
    }
    const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    const text = head.subarray(start, 512).toString('latin1');
    const first = text.trimStart()[0];
    if (first !== '<')
      throw new IngestFileError('NOT_XML', 'The file is not XML (it does not start with "<")');
    const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(text)?.[1]?.toLowerCase();
    const encoding = declared ?? 'utf-8';
    if (start === 3 && encoding !== 'utf-8') {
      throw new IngestFileError(
        'ENCODING_INVALID',
        `The file starts with a UTF-8 mark but declares ${declared}`,
      );
    }
    if (encoding === 'utf-8' || encoding === 'utf8') {
      this.utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
      return 'utf-8';
    }
    if (!SINGLE_BYTE.has(encoding)) {
      throw new IngestFileError(
        'ENCODING_UNSUPPORTED',
        `Encoding ${declared} is not supported (windows-1252 or UTF-8)`,
      );
    }
    return encoding === 'us-ascii' || encoding === 'cp1252' ? 'windows-1252' : encoding;
  }

  /** The last byte of the previous chunk was 0xC3: a UTF-8 sequence may continue in this one. */
  private pendingC3 = false;

  private convert(chunk: Buffer): string {
    if (this.utf8) {
      try {
        return this.utf8.decode(chunk, { stream: true });
      } catch {
        throw new IngestFileError(
          'ENCODING_INVALID',
          `The file declares UTF-8 but holds bytes that are not UTF-8 near byte ${this.bytes - chunk.length}: is it windows-1252?`,
        );
      }
    }
    if (this.pendingC3 && chunk.length > 0 && chunk[0] >= 0x80 && chunk[0] <= 0xbf) this.lyingDeclaration();
    this.pendingC3 = chunk.length > 0 && chunk[chunk.length - 1] === 0xc3;
    // Native scans (Buffer.indexOf) rather than a loop over every byte: this runs on gigabytes.
    if (this.encoding === 'windows-1252') {
      for (const byte of UNDEFINED_1252) {
        if (chunk.indexOf(byte) !== -1) {
          throw new IngestFileError(
            'ENCODING_INVALID',
            `Byte 0x${byte.toString(16)} does not exist in windows-1252`,
          );
        }
      }
    }
    for (let at = chunk.indexOf(0xc3); at !== -1 && at + 1 < chunk.length; at = chunk.indexOf(0xc3, at + 1)) {
      if (chunk[at + 1] >= 0x80 && chunk[at + 1] <= 0xbf) this.lyingDeclaration();
    }
    // windows-1252 is latin-1 but for 0x80–0x9F: the native latin-1 decoder, then those few characters replaced (a
    // JavaScript loop over every byte, as iconv does, cost a few percent of the whole ingestion).
    if (this.encoding === 'windows-1252') return chunk.toString('latin1').replace(C1_RANGE, fromWindows1252);
    return iconv.decode(chunk, this.encoding as string);
  }

  private lyingDeclaration(): never {
    throw new IngestFileError(
      'ENCODING_INVALID',
      `The file declares ${this.encoding} but holds UTF-8 sequences (e.g. "é" written as "Ã©"): its declaration lies`,
    );
  }
}

function readHeader(node: XmlNode): CafFluxHeader {
  return {
    application: text(node, 'APPLIEME') ?? '',
    version: text(node, 'NUMVERSIONAPPLIEME') ?? '',
    fluxType: text(node, 'TYPEFLUX') ?? '',
    nature: text(node, 'NATFLUX') ?? '',
    createdOn: text(node, 'DTCREAFLUX') ?? '',
    referenceDate: text(node, 'DTREF') ?? '',
  };
}

function toItem(
  node: XmlNode,
  position: number,
  schemaIssues: RecordIssue[],
  seenHouseholds: FingerprintSet,
  seenNirs: FingerprintSet,
): ParsedItem<CafHouseholdRecord> {
  const fonorg = text(node, 'IdentificationRSA', 'Organisme', 'FONORG')?.toLowerCase();
  const matricule = text(node, 'IdentificationRSA', 'Organisme', 'MATRICULE');
  const organisme = fonorg === 'msa' ? 'msa' : 'caf';
  const key = matricule ? `${organisme}:${matricule}` : undefined;
  const issues = [...schemaIssues];
  if (fonorg && fonorg !== 'caf' && fonorg !== 'msa') {
    issues.push(
      issue('INVALID_CODE', 'IdentificationRSA/Organisme/FONORG', `FONORG ${fonorg} is neither CAF nor MSA`),
    );
  }
  if (issues.length > 0 || !matricule) {
    if (!matricule && issues.length === 0)
      issues.push(issue('MISSING_FIELD', 'MATRICULE', 'MATRICULE is missing'));
    return { kind: 'rejected', position, key, issues };
  }
  const record = mapHousehold(node, organisme, matricule, issues);
  const householdPrint = FingerprintSet.of(record.key);
  if (seenHouseholds.has(householdPrint)) {
    issues.push(
      issue(
        'DUPLICATE_IN_FILE',
        'IdentificationRSA/Organisme/MATRICULE',
        'This household is already in the file',
      ),
    );
  }
  const nirs: Array<[number, number]> = [];
  for (const member of record.value.members) {
    if (!member.nir) continue;
    const digest = FingerprintSet.of(member.nir.slice(0, 13));
    if (seenNirs.has(digest) || nirs.some(([hi, lo]) => hi === digest[0] && lo === digest[1])) {
      issues.push(
        issue(
          'DUPLICATE_IN_FILE',
          'Personne/Identification/NIR',
          `${member.firstNames[0] ?? ''} ${member.lastName}: this NIR appears twice in the file`,
        ),
      );
    }
    nirs.push(digest);
  }
  if (issues.some((i) => i.severity === 'error')) return { kind: 'rejected', position, key, issues };
  seenHouseholds.add(householdPrint);
  for (const digest of nirs) seenNirs.add(digest);
  return { kind: 'record', position, key: record.key, data: record.value, warnings: issues };
}

function mapHousehold(
  node: XmlNode,
  organisme: 'caf' | 'msa',
  matricule: string,
  issues: RecordIssue[],
): { key: string; value: CafHouseholdRecord } {
  const situation = child(node, 'PrestationRSA', 'SituationDossierRSA');
  const etat = text(situation, 'EtatDossierRSA', 'ETATDOSRSA') ?? '';
  if (!/^[0-6]$/.test(etat)) {
    issues.push(
      issue('INVALID_CODE', 'ETATDOSRSA', `ETATDOSRSA ${etat || '(empty)'} is not a code from 0 to 6`),
    );
  }
  const suspension =
    children(situation, 'SuspensionVersement')[0] ?? children(situation, 'SuspensionDroit')[0];
  const closure = child(situation, 'FinDroit') ?? child(situation, 'FinDroitMoisAnterieur');
  const tronc = child(node, 'PrestationRSA', 'DetailDroitRSA', 'TroncCommunDroitRSA');
  const members: CafMember[] = [];
  for (const [index, person] of children(node, 'Personne').entries()) {
    const field = `Personne[${index + 1}]`;
    const identification = child(person, 'Identification');
    const rawNir = text(identification, 'NIR')?.trim() || null;
    let nir: string | null = null;
    if (rawNir) {
      const parsed = parseNir(rawNir);
      if (parsed.ok) nir = rawNir;
      else
        issues.push(
          issue(
            'INVALID_NIR',
            `${field}/Identification/NIR`,
            `${field}: the NIR is not valid (${describeNirError(parsed.error)})`,
          ),
        );
    }
    const rsa =
      children(person, 'Prestations').find((p) => text(p, 'NATPREST') === 'RSA') ??
      children(person, 'Prestations')[0];
    const lastName = text(identification, 'NOM') ?? '';
    const birthName = text(identification, 'NOMNAI') ?? null;
    const sexe = text(identification, 'SEXE');
    members.push({
      nir,
      identifiers: [],
      lastName,
      birthName: birthName && birthName !== lastName ? birthName : null,
      firstNames: ['PRENOM', 'PRENOM2', 'PRENOM3']
        .map((n) => text(identification, n))
        .filter((v): v is string => !!v),
      birthDate: text(identification, 'DTNAI') ?? null,
      birthPlace: text(identification, 'NOMCOMNAI') ?? null,
      sex: sexe === '1' ? 'M' : sexe === '2' ? 'F' : null,
      role: text(rsa, 'ROLEPERS') ?? 'AUT',
      responsible: bool(text(person, 'DossierCAF', 'TOPRESPDOS')) ?? false,
      subjectToRightsAndDuties: bool(text(person, 'MontantCalculDroitRSAPersonne', 'TOPPERSDRODEVORSA')),
    });
  }
  const value: Omit<CafHouseholdRecord, 'contentHash'> = {
    organisme,
    organismeCode: text(node, 'IdentificationRSA', 'Organisme', 'NUMORG') ?? '',
    matricule,
    numDemRsa: text(node, 'IdentificationRSA', 'DemandeRSA', 'NUMDEMRSA') ?? null,
    requestedOn: text(node, 'IdentificationRSA', 'DemandeRSA', 'DTDEMRSA') ?? null,
    departmentCode: text(node, 'IdentificationRSA', 'Partenaire', 'IDEPARTE') ?? null,
    familySituation: text(node, 'DonneesAdministratives', 'SituationFamille', 'SITFAM') ?? null,
    familySituationSince: text(node, 'DonneesAdministratives', 'SituationFamille', 'DDSITFAM') ?? null,
    homeless: bool(text(tronc, 'TOPSANSDOMFIXE')),
    address: address(node),
    right: {
      etatDossier: etat,
      suspensionReason: text(suspension, 'MOTISUSVERSRSA') ?? text(suspension, 'MOTISUSDRORSA') ?? null,
      suspendedOn: text(suspension, 'DDSUSVERSRSA') ?? text(suspension, 'DDSUSDRORSA') ?? null,
      closureReason: text(closure, 'MOTICLORSA') ?? null,
      closedOn: text(closure, 'DTCLORSA') ?? null,
      householdSubjectToRightsAndDuties: bool(text(tronc, 'TOPFOYDRODEVORSA')),
    },
    members,
  };
  const contentHash = createHash('sha256').update(JSON.stringify(value)).digest('hex');
  return { key: `${organisme}:${matricule}`, value: { ...value, contentHash } };
}

function address(node: XmlNode): ObservedAddress | null {
  const addresses = children(child(node, 'DonneesAdministratives'), 'Adresse');
  const current = addresses.find((a) => text(a, 'TroncCommunAdresse', 'RGADR') === '01') ?? addresses[0];
  const france = child(current, 'AdresseDetailleeFrance');
  if (!france) return null;
  const street = ['NUMVOIE', 'BTQVOIE', 'LIBTYPEVOIE', 'NOMVOIE']
    .map((n) => text(france, n))
    .filter(Boolean)
    .join(' ');
  const lines = [
    text(france, 'COMPLIDEADR'),
    text(france, 'COMPLADR'),
    street,
    text(france, 'LIEUDIST'),
  ].filter((line): line is string => !!line);
  return {
    lines,
    postalCode: text(france, 'CODEPOS') ?? null,
    city: text(france, 'NOMCOM') ?? null,
    inseeCode: text(france, 'NUMCOM') ?? null,
    country: text(current, 'TroncCommunAdresse', 'PAYS') ?? null,
  };
}

function child(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let current = node;
  for (const name of path) current = current?.children.find((c) => c.name === name);
  return current;
}

function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

function text(node: XmlNode | undefined, ...path: string[]): string | undefined {
  const value = child(node, ...path)?.text.trim();
  return value ? value : undefined;
}

function bool(value: string | undefined): boolean | null {
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  return null;
}

function issue(code: RecordIssue['code'], field: string, message: string): RecordIssue {
  return { code, field, message, severity: 'error' };
}

/** saxes writes `line:column: message`; say it once, in words. */
function describeXmlError(message: string): string {
  const match = /^(\d+):(\d+): (.*)$/.exec(message);
  return match
    ? `Malformed XML at line ${match[1]}, column ${match[2]}: ${match[3]}`
    : `Malformed XML: ${message}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
