import { isBlank, type Parsed } from '@spie/ingestion/domain';
import { REFERENTIEL_V1, type CodeListCode } from '@spie/referentiel/domain';
import type { HouseholdRole, RomeProject } from './department-record';

/** Lower case, accents stripped, punctuation other than `/` and `(` dropped, spaces collapsed. */
function fold(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.'’_\-*:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const ROLES: Record<string, HouseholdRole> = {
  dem: 'DEM',
  demandeur: 'DEM',
  demandeuse: 'DEM',
  usager: 'DEM',
  usagere: 'DEM',
  cjt: 'CJT',
  conjoint: 'CJT',
  conjointe: 'CJT',
  concubin: 'CJT',
  concubine: 'CJT',
  pacse: 'CJT',
  pacsee: 'CJT',
  epoux: 'CJT',
  epouse: 'CJT',
  enf: 'ENF',
  enfant: 'ENF',
  aut: 'AUT',
  autre: 'AUT',
  'autre personne': 'AUT',
};

/**
 * Household role as department lists write it: `dem`/`usager`/`demandeur` → DEM; `cjt`/`conjoint`/`conjoint(e)`/
 * `CONJOINT/CONCUBIN/PACSE` → CJT (rdv-insertion keeps what comes before the first `/` or `(`); `enfant` → ENF.
 */
export function parseRole(raw: string | undefined): Parsed<HouseholdRole> {
  if (isBlank(raw)) return undefined;
  const value = raw as string;
  const head = fold(value.split('/')[0].split('(')[0]);
  return ROLES[head] ?? ROLES[fold(value)] ?? { invalid: value.trim() };
}

const CIVILITIES: Record<string, 'F' | 'M'> = {
  m: 'M',
  mr: 'M',
  monsieur: 'M',
  mons: 'M',
  h: 'M',
  homme: 'M',
  mme: 'F',
  madame: 'F',
  mlle: 'F',
  melle: 'F',
  mademoiselle: 'F',
  f: 'F',
  femme: 'F',
};

/** Civilité → sex: `M`, `M.`, `Mr`, `Monsieur` → M; `Mme`, `Madame`, `Mlle` → F (also `H`/`F`, `Homme`/`Femme`). */
export function parseCivility(raw: string | undefined): Parsed<'F' | 'M'> {
  if (isBlank(raw)) return undefined;
  const value = raw as string;
  return CIVILITIES[fold(value).replace(/\s+/g, '')] ?? { invalid: value.trim() };
}

/**
 * Overseas departments dial like mainland France (10 digits from 0) but have their own country code in E.164.
 * Prefixes after the leading 0 (ARCEP numbering plan).
 */
const OVERSEAS_PREFIXES: Array<[RegExp, string]> = [
  [/^(590|690|691)/, '590'], // Guadeloupe, Saint-Martin, Saint-Barthélemy
  [/^(594|694)/, '594'], // Guyane
  [/^(596|696|697)/, '596'], // Martinique
  [/^(262|263|692|693|269|639)/, '262'], // La Réunion, Mayotte
];

/**
 * A French phone number in E.164 (`+33612345678`; overseas departments get their own code, `0690…` → `+590690…`).
 * Accepts spaces, dots, dashes, `+33 (0)6…`, `0033…`, and the 9 digits a spreadsheet leaves when it reads `0612…` as
 * a number. A number with another country code is kept as `+<digits>`. Anything else is `null`.
 */
export function normalisePhone(raw: string): string | null {
  let value = raw
    .trim()
    .replace(/\(0\)/g, '')
    .replace(/[\s.\-/()]/g, '');
  if (value.startsWith('00')) value = `+${value.slice(2)}`;
  if (value.startsWith('+')) {
    const digits = value.slice(1);
    if (!/^[1-9]\d{7,14}$/.test(digits)) return null;
    if (digits.startsWith('33')) return national(digits.slice(2));
    return `+${digits}`;
  }
  if (!/^\d+$/.test(value)) return null;
  if (value.length === 10 && value.startsWith('0')) return national(value.slice(1));
  if (value.length === 9 && !value.startsWith('0')) return national(value);
  return null;
}

function national(nine: string): string | null {
  if (!/^[1-9]\d{8}$/.test(nine)) return null;
  for (const [prefix, code] of OVERSEAS_PREFIXES) {
    if (prefix.test(nine)) return `+${code}${nine}`;
  }
  return `+33${nine}`;
}

/** True for French mobile numbers (06, 07 and the overseas mobile ranges). */
export function isMobile(e164: string): boolean {
  return /^\+33[67]/.test(e164) || /^\+(590|594|596|262)(69|639)/.test(e164);
}

/** Several phones in one cell (`0601234567, 0712345678`), separated by `,`, `;`, `/` or ` - `. */
export function splitPhones(raw: string): { valid: string[]; invalid: number } {
  const valid: string[] = [];
  let invalid = 0;
  for (const part of raw.split(/[,;/|]|\s-\s|\n/)) {
    if (isBlank(part)) continue;
    const phone = normalisePhone(part);
    if (phone === null) invalid += 1;
    else if (!valid.includes(phone)) valid.push(phone);
  }
  return { valid, invalid };
}

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/u;

/** Trimmed and lower-cased; `mailto:` dropped; `null` when it does not look like an address. */
export function normaliseEmail(raw: string): string | null {
  const value = raw
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return EMAIL.test(value) ? value : null;
}

/** Several emails in one cell, separated by `,`, `;`, spaces or new lines. */
export function splitEmails(raw: string): { valid: string[]; invalid: number } {
  const valid: string[] = [];
  let invalid = 0;
  for (const part of raw.split(/[,;\s]+/)) {
    if (part === '') continue;
    const email = normaliseEmail(part);
    if (email === null) invalid += 1;
    else if (!valid.includes(email)) valid.push(email);
  }
  return { valid, invalid };
}

/**
 * CAF/MSA "numéro allocataire" as rdv-insertion formats it (`formatAffiliationNumber`): spaces removed; longer than
 * 7 characters with only zeros after the 7th → the first 7; still longer than 7 → leading zeros removed, then the same
 * truncation. `0012345` stays as is (7 characters).
 */
export function normaliseCafNumber(raw: string | undefined): string | undefined {
  if (isBlank(raw)) return undefined;
  const value = (raw as string).replace(/\s+/g, '');
  const first = truncateTrailingZeros(value);
  if (first.length <= 7) return first;
  return truncateTrailingZeros(first.replace(/^0+/, ''));
}

function truncateTrailingZeros(value: string): string {
  return value.length > 7 && /^0*$/.test(value.slice(7)) ? value.slice(0, 7) : value;
}

/** `Pontier élingueur / Pontière élingueuse (N1104)` → `{ code: 'N1104', label: '…' }`; a bare `N1104` also works. */
export function parseRome(raw: string | undefined): Parsed<RomeProject> {
  if (isBlank(raw)) return undefined;
  const value = (raw as string).trim().replace(/\s+/g, ' ');
  const bare = /^([A-N]\d{4})$/i.exec(value);
  if (bare) return { code: bare[1].toUpperCase(), label: null };
  const labelled =
    /^(.*?)\s*[([]\s*([A-N]\d{4})\s*[)\]]$/i.exec(value) ?? /^([A-N]\d{4})\s*[-:]\s*(.+)$/i.exec(value);
  if (!labelled) return { invalid: value };
  const [code, label] = /^[A-N]\d{4}$/i.test(labelled[1])
    ? [labelled[1], labelled[2]]
    : [labelled[2], labelled[1]];
  return { code: code.toUpperCase(), label: label.trim() === '' ? null : label.trim() };
}

/** Comma (or `;`) separated list, trimmed, empty parts dropped, duplicates removed. */
export function splitList(raw: string | undefined): string[] {
  if (isBlank(raw)) return [];
  const out: string[] = [];
  for (const part of (raw as string).split(/[,;\n]/)) {
    const value = part.trim().replace(/\s+/g, ' ');
    if (value !== '' && !out.includes(value)) out.push(value);
  }
  return out;
}

/** A French postal code: 5 digits, not `00…`; a 4-digit number (a spreadsheet dropped the leading 0) is padded. */
export function parsePostalCode(raw: string | undefined): Parsed<string> {
  if (isBlank(raw)) return undefined;
  const value = (raw as string).replace(/\s+/g, '');
  const padded = /^\d{4}$/.test(value) ? `0${value}` : value;
  if (/^\d{5}$/.test(padded) && !padded.startsWith('00')) return padded;
  return { invalid: (raw as string).trim() };
}

/** rdv-insertion `CP Ville`: `26000 Valence` → postal code and city; a lone city or code also works. */
export function splitPostalCodeCity(raw: string | undefined): { postalCode?: string; city?: string } {
  if (isBlank(raw)) return {};
  const value = (raw as string).trim().replace(/\s+/g, ' ');
  const match = /^(\d{4,5})\b\s*[-,]?\s*(.*)$/.exec(value) ?? /^(.*?)\s*[-,]?\s*\b(\d{5})$/.exec(value);
  if (!match) return { city: value };
  const [code, city] = /^\d{4,5}$/.test(match[1]) ? [match[1], match[2]] : [match[2], match[1]];
  return { postalCode: code, city: city === '' ? undefined : city };
}

type CodeLookup = Map<string, string>;
const lookups = new Map<CodeListCode, CodeLookup>();

function lookupFor(list: CodeListCode): CodeLookup {
  let lookup = lookups.get(list);
  if (lookup) return lookup;
  lookup = new Map();
  const seed = REFERENTIEL_V1.lists.find((candidate) => candidate.code === list);
  for (const entry of seed?.entries ?? []) {
    // Codes and carnet de bord keys first: a label never shadows a code.
    lookup.set(fold(entry.code), entry.code);
    const carnet = entry.externalCodes?.['carnetDeBord'];
    if (carnet) lookup.set(fold(carnet), entry.code);
  }
  for (const entry of seed?.entries ?? []) {
    const label = fold(entry.label);
    if (!lookup.has(label)) lookup.set(label, entry.code);
  }
  lookups.set(list, lookup);
  return lookup;
}

/**
 * A value of a référentiel code list, written as the référentiel code, the carnet de bord key
 * (`rsa_droit_ouvert_versable`) or the label (`Droit ouvert et versable`), case and accents ignored.
 */
export function lookupCode(list: CodeListCode, raw: string | undefined): Parsed<string> {
  if (isBlank(raw)) return undefined;
  const value = (raw as string).trim();
  return lookupFor(list).get(fold(value)) ?? { invalid: value };
}
