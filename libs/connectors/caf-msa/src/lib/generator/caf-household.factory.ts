import {
  ADDRESS_COMPLEMENTS,
  CHILD_COUNT_WEIGHTS,
  CLOSURE_REASONS,
  COMMUNES_BY_DEPARTMENT,
  COUPLE_SITUATIONS,
  DOMICILIATIONS,
  ETAT_DOSSIER_WEIGHTS,
  FEMALE_FIRST_NAMES,
  FOREIGN_BIRTH_PLACES,
  FRENCH_BIRTH_PLACES,
  GENERIC_COMMUNE_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  RIGHT_SUSPENSION_REASONS,
  SECOND_FIRST_NAMES_F,
  SECOND_FIRST_NAMES_M,
  SINGLE_SITUATIONS,
  STREET_NAMES,
  STREET_TYPES,
  SUSPENSION_REASONS,
  type CatalogCommune,
  type Weighted,
} from './caf-flux.catalog';
import type {
  GeneratedAddress,
  GeneratedEtatDossier,
  GeneratedHousehold,
  GeneratedOrganisme,
  GeneratedPerson,
  GeneratedRole,
  GeneratedSex,
} from './caf-flux-generator.types';
import {
  civilDate,
  dayNumber,
  daysInMonth,
  endOfMonthDayNumber,
  isoFromDayNumber,
  isoToDayNumber,
  monthNumber,
  parseIsoDate,
  startOfMonthDayNumber,
} from './iso-date';
import { mix32, SeededRandom } from './seeded-random';

/**
 * Draws RSA households from a seed and an ordinal alone, so that any household of a million-household file can be
 * rebuilt without the others, and a later flux of the same households differs only where a monthly change was drawn.
 */

export interface HouseholdDrawSettings {
  /** Integer; default 1. */
  seed?: number;
  /** The date the household is drawn as of (all its history is earlier); default 2026-09-30. */
  cohortDate?: string;
  /** The flux's `DTREF`; default `cohortDate`. Each month after `cohortDate` applies `changeRate`. */
  referenceDate?: string;
  /** Fraction of households whose RSA state changes in each month after `cohortDate` (default 0.05). */
  changeRate?: number;
  /** Department the flux goes to: 052, 52, 2A, 971… (default 052). */
  departmentCode?: string;
  organisme?: GeneratedOrganisme | 'mixed';
  /** Added to the index to make the ordinal (default 0). */
  matriculeOffset?: number;
}

export interface DrawnHousehold {
  household: GeneratedHousehold;
  /** True when a monthly change (state, and sometimes address) was applied after `cohortDate`. */
  changed: boolean;
}

export const DEFAULT_REFERENCE_DATE = '2026-09-30';
export const DEFAULT_CHANGE_RATE = 0.05;

/** Person slots per household in the NIR numbering (applicant, spouse, six children). */
const SLOTS = 8;
/** 999 communes × 999 order numbers: the NIR suffixes of one block. */
const SUFFIXES = 998_001;
/** Coprime with 998001 (= 3^6 × 37^2): `low × NIR_MULTIPLIER mod 998001` shuffles the suffixes of a block. */
const NIR_MULTIPLIER = 377_777;
const MATRICULE_MULTIPLIER = 7_654_321;
const NUMDEM_MULTIPLIER = 31_415_927;
const RSA_START = dayNumber(2009, 6, 1);
const ADULT_NO_NIR_RATE = 0.08;
const CHILD_NIR_RATE = 0.3;

interface DepartmentInfo {
  /** IDEPARTE: 052, 02A, 971. */
  ideparte: string;
  /** INSEE department: 52, 2A, 971. */
  insee: string;
  communes: Weighted<CatalogCommune>;
  numorg: Record<GeneratedOrganisme, string>;
}

/** Settings with their defaults and the values derived once per file. */
export interface ResolvedDrawSettings {
  seed: number;
  cohortDay: number;
  referenceDay: number;
  changeRate: number;
  organisme: GeneratedOrganisme | 'mixed';
  matriculeOffset: number;
  department: DepartmentInfo;
  /** Month windows after the cohort date: [first day, last day] of each. */
  windows: ReadonlyArray<readonly [number, number]>;
}

function resolveDepartment(code: string): DepartmentInfo {
  const raw = code.trim().toUpperCase();
  let insee: string;
  if (/^0?2[AB]$/.test(raw)) insee = raw.slice(-2);
  else if (/^97[1-6]$/.test(raw)) insee = raw;
  else if (/^0?\d{1,2}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 95 && Number(raw) !== 20)
    insee = String(Number(raw)).padStart(2, '0');
  else throw new Error(`Unknown department code: ${code}`);
  const ideparte = insee.padStart(3, '0');
  const known = COMMUNES_BY_DEPARTMENT[insee];
  const communes: Weighted<CatalogCommune> =
    known !== undefined
      ? known.map((commune) => [commune, commune.weight] as const)
      : GENERIC_COMMUNE_NAMES.map((name, k) => {
          const postalPrefix = insee === '2A' || insee === '2B' ? '20' : insee;
          const inseeCode =
            insee.length === 3 ? `${insee}${String(10 + k * 3)}` : `${insee}${String(100 + k * 29)}`;
          const postalCode =
            postalPrefix.length === 3
              ? `${postalPrefix}${String((k * 10) % 100).padStart(2, '0')}`
              : `${postalPrefix}${String(k * 10).padStart(3, '0')}`;
          const weight = GENERIC_COMMUNE_NAMES.length - k;
          return [{ name, inseeCode, postalCode, weight }, weight] as const;
        });
  const numorg = insee.length === 3 ? { CAF: insee, MSA: insee } : { CAF: `${insee}1`, MSA: `${insee}0` };
  return { ideparte, insee, communes, numorg };
}

export function resolveDrawSettings(settings: HouseholdDrawSettings = {}): ResolvedDrawSettings {
  const seed = settings.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new Error(`The seed must be an integer, got ${seed}`);
  const cohortDate = settings.cohortDate ?? settings.referenceDate ?? DEFAULT_REFERENCE_DATE;
  const referenceDate = settings.referenceDate ?? cohortDate;
  const cohortDay = isoToDayNumber(cohortDate);
  const referenceDay = isoToDayNumber(referenceDate);
  if (referenceDay < cohortDay)
    throw new Error(`The reference date ${referenceDate} precedes the cohort date ${cohortDate}`);
  if (cohortDay < RSA_START + 366)
    throw new Error(`The cohort date must be after 2010-06-01, got ${cohortDate}`);
  const changeRate = settings.changeRate ?? DEFAULT_CHANGE_RATE;
  if (!(changeRate >= 0 && changeRate <= 1))
    throw new Error(`The change rate must be in [0, 1], got ${changeRate}`);
  const matriculeOffset = settings.matriculeOffset ?? 0;
  if (!Number.isSafeInteger(matriculeOffset) || matriculeOffset < 0)
    throw new Error(`The matricule offset must be a non-negative integer, got ${matriculeOffset}`);

  // One window per month boundary crossed (at least one when the reference date is later, as for a daily flux).
  const cohortMonth = monthNumber(parseIsoDate(cohortDate));
  const months = monthNumber(parseIsoDate(referenceDate)) - cohortMonth;
  const windows: Array<readonly [number, number]> = [];
  if (referenceDay > cohortDay) {
    const count = Math.max(1, months);
    for (let k = 1; k <= count; k += 1) {
      const first = k === 1 ? cohortDay + 1 : startOfMonthDayNumber(cohortMonth + k);
      const last = k === count ? referenceDay : endOfMonthDayNumber(cohortMonth + k);
      windows.push([first, Math.max(first, last)]);
    }
  }
  return {
    seed,
    cohortDay,
    referenceDay,
    changeRate,
    organisme: settings.organisme ?? 'CAF',
    matriculeOffset,
    department: resolveDepartment(settings.departmentCode ?? '052'),
    windows,
  };
}

/** A day in [from, to]; `to` when the interval is empty. */
function dayBetween(rng: SeededRandom, from: number, to: number): number {
  return from >= to ? to : rng.int(from, to);
}

function addYears(day: number, years: number): number {
  const { year, month, day: dayOfMonth } = civilDate(day);
  return dayNumber(year + years, month, Math.min(dayOfMonth, daysInMonth(year + years, month)));
}

function digits(rng: SeededRandom, count: number): string {
  let text = '';
  for (let i = 0; i < count; i += 1) text += String(rng.int(0, 9));
  return text;
}

interface Casing {
  (text: string): string;
}

interface PersonDraft {
  slot: number;
  role: GeneratedRole;
  sex: GeneratedSex;
  age: number;
  nom: string;
  nomnai: string;
  hasNir: boolean;
}

/**
 * The NIR of a person: sex, year and month of birth, department, then a commune and order number drawn from the
 * person's global number G = ordinal × 8 + slot. Within a block of 998,001 numbers the suffix is a bijection of G;
 * the block shifts the birth month, so NIRs are unique up to 12 blocks (about 1.5 million households per seed and
 * offset range) and very unlikely to repeat beyond.
 */
class NirPlan {
  readonly block: number;
  readonly low: number;

  constructor(
    private readonly settings: ResolvedDrawSettings,
    ordinal: number,
    slot: number,
  ) {
    const global = ordinal * SLOTS + slot;
    this.block = Math.floor(global / SUFFIXES);
    this.low = global % SUFFIXES;
  }

  month(): number {
    return 1 + ((mix32(this.low ^ mix32(this.settings.seed ^ 0x27d4eb2d)) + this.block) % 12);
  }

  nir(sex: GeneratedSex, year: number, month: number, department: string): string {
    const suffix = (this.low * NIR_MULTIPLIER + (mix32(this.settings.seed) % SUFFIXES)) % SUFFIXES;
    const commune = 1 + Math.floor(suffix / 999);
    const order = 1 + (suffix % 999);
    return `${sex}${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${department}${String(commune).padStart(3, '0')}${String(order).padStart(3, '0')}`;
  }
}

function nirDepartmentOf(insee: string, year: number): string {
  if (insee === '2A' || insee === '2B') return year < 1976 ? '20' : insee;
  return insee.length === 3 ? insee.slice(0, 2) : insee;
}

function drawPerson(
  rng: SeededRandom,
  settings: ResolvedDrawSettings,
  ordinal: number,
  draft: PersonDraft,
  casing: Casing,
): GeneratedPerson {
  const adult = draft.role !== 'ENF';
  const plan = new NirPlan(settings, ordinal, draft.slot);
  const month = draft.hasNir ? plan.month() : rng.int(1, 12);
  const cohort = civilDate(settings.cohortDay);
  const drawnDay = rng.int(1, daysInMonth(cohort.year, month));
  // Of the drawn age at the cohort date: one year earlier when this year's birthday is still to come.
  const year =
    cohort.year - draft.age - (dayNumber(cohort.year, month, drawnDay) > settings.cohortDay ? 1 : 0);
  const day = Math.min(drawnDay, daysInMonth(year, month));

  const place = rng.next();
  let nomcomnai: string;
  let nirDepartment: string;
  const abroadShare = adult ? (draft.hasNir ? 0.1 : 0.8) : 0.05;
  const homeShare = adult ? (draft.hasNir ? 0.55 : 0.1) : 0.8;
  if (place < abroadShare) {
    nomcomnai = rng.pick(FOREIGN_BIRTH_PLACES);
    nirDepartment = '99';
  } else if (place < abroadShare + homeShare) {
    nomcomnai = rng.weighted(settings.department.communes).name;
    nirDepartment = nirDepartmentOf(settings.department.insee, year);
  } else {
    const birthPlace = rng.weighted(FRENCH_BIRTH_PLACES);
    nomcomnai = birthPlace.name;
    nirDepartment = nirDepartmentOf(birthPlace.nirDepartment, year);
  }

  const female = draft.sex === '2';
  const prenom = casing(rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES));
  const person: GeneratedPerson = {
    nom: draft.nom,
    nomnai: draft.nomnai,
    prenom,
    nomcomnai,
    dtnai: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    sexe: draft.sex,
    role: draft.role,
    respDos: draft.role === 'DEM',
    subjectToRightsAndDuties: false,
  };
  if (adult) {
    person.qual = female ? 'MME' : 'MR';
    if (rng.chance(0.3))
      person.prenom2 = casing(rng.pick(female ? SECOND_FIRST_NAMES_F : SECOND_FIRST_NAMES_M));
  }
  if (draft.hasNir) person.nir = plan.nir(draft.sex, year, month, nirDepartment);
  return person;
}

function ageIn(rng: SeededRandom, bands: Weighted<readonly [number, number]>): number {
  const [min, max] = rng.weighted(bands);
  return rng.int(min, max);
}

const SINGLE_AGES: Weighted<readonly [number, number]> = [
  [[18, 24], 3],
  [[25, 34], 35],
  [[35, 44], 25],
  [[45, 54], 22],
  [[55, 64], 15],
];
const PARENT_AGES: Weighted<readonly [number, number]> = [
  [[19, 24], 10],
  [[25, 34], 40],
  [[35, 44], 35],
  [[45, 54], 13],
  [[55, 60], 2],
];
const COUPLE_AGES: Weighted<readonly [number, number]> = [
  [[25, 34], 30],
  [[35, 44], 35],
  [[45, 54], 22],
  [[55, 64], 13],
];
const COMPOSITIONS: Weighted<'single' | 'single_parent' | 'couple' | 'couple_children'> = [
  ['single', 48],
  ['single_parent', 28],
  ['couple', 7],
  ['couple_children', 17],
];

function surname(rng: SeededRandom, casing: Casing): string {
  const first = rng.pick(LAST_NAMES);
  if (rng.chance(0.04)) {
    const composite = `${first}-${rng.pick(LAST_NAMES)}`;
    if (composite.length <= 28) return casing(composite);
  }
  return casing(first);
}

function drawAddress(
  rng: SeededRandom,
  settings: ResolvedDrawSettings,
  casing: Casing,
  homeless: boolean,
  movedInOn: number,
): GeneratedAddress {
  const commune = rng.weighted(settings.department.communes);
  const number = rng.int(1, 140);
  const address: GeneratedAddress = {
    numvoie: number < 100 && rng.chance(0.06) ? `${number} ${rng.pick(['BIS', 'TER'])}` : String(number),
    libtypevoie: rng.weighted(STREET_TYPES),
    nomvoie: casing(rng.pick(STREET_NAMES)),
    numcom: commune.inseeCode,
    codepos: commune.postalCode,
    nomcom: commune.name,
    movedInOn: isoFromDayNumber(movedInOn),
  };
  if (homeless) {
    const place = rng.pick(DOMICILIATIONS);
    address.complideadr = (place === 'CCAS' ? `CCAS DE ${commune.name}` : place).slice(0, 38);
  } else {
    if (rng.chance(0.2)) address.compladr = rng.pick(ADDRESS_COMPLEMENTS);
    if (rng.chance(0.03))
      address.complideadr = `CHEZ ${casing(rng.pick(LAST_NAMES)).toUpperCase()}`.slice(0, 38);
    if (rng.chance(0.02)) address.lieudist = 'LIEU-DIT LES GRANDS PRÉS';
  }
  return address;
}

function rsaPayment(
  rng: SeededRandom,
  household: GeneratedHousehold,
  singleParent: boolean,
  since: number,
  asOf: number,
): GeneratedHousehold['payment'] {
  const dem = household.persons[0];
  const young = dem !== undefined && isoToDayNumber(dem.dtnai) > addYears(asOf, -25);
  const majore = singleParent && rng.chance(0.6);
  const adults = household.persons.filter((p) => p.role !== 'ENF').length;
  const children = household.persons.length - adults;
  const full =
    646.52 * (adults === 2 ? 1.5 : 1) * (1 + 0.3 * Math.min(children, 2) + 0.4 * Math.max(0, children - 2));
  const amount = Math.round(full * (0.15 + 0.85 * rng.next()) * 100) / 100;
  const { year, month } = civilDate(asOf);
  const fifth = dayNumber(year, month, 5);
  const lastPaidOn =
    fifth <= asOf ? fifth : dayNumber(month === 1 ? year - 1 : year, month === 1 ? 12 : month - 1, 5);
  return {
    natpf: majore ? 'RSI' : 'RSD',
    sousnatpf: majore ? 'RSIN1' : young ? 'RSDN1' : 'RSDN2',
    since: isoFromDayNumber(since),
    amount,
    lastPaidOn: isoFromDayNumber(Math.max(lastPaidOn, since)),
  };
}

function isOpen(etat: GeneratedEtatDossier): boolean {
  return etat === '2' || etat === '3' || etat === '4';
}

function adultDraft(
  rng: SeededRandom,
  slot: number,
  role: GeneratedRole,
  sex: GeneratedSex,
  age: number,
  nom: string,
  nomnai: string,
): PersonDraft {
  return { slot, role, sex, age, nom, nomnai, hasNir: !rng.chance(ADULT_NO_NIR_RATE) };
}

/** 7 digits then 8 zeros, like the samples: an affine bijection of the ordinal modulo 10^7, so never repeated. */
function matriculeOf(ordinal: number, seed: number): string {
  const digits7 = (ordinal * MATRICULE_MULTIPLIER + (mix32(seed) % 10_000_000)) % 10_000_000;
  return `${String(digits7).padStart(7, '0')}00000000`;
}

/** The 8 digits before the department in NUMDEMRSA, a bijection of the ordinal modulo 10^8. */
function numdemOf(ordinal: number, seed: number): string {
  const digits8 = (ordinal * NUMDEM_MULTIPLIER + (mix32(seed ^ 0x5bd1e995) % 100_000_000)) % 100_000_000;
  return String(digits8).padStart(8, '0');
}

/** The household as of the cohort date. */
function drawBase(ordinal: number, settings: ResolvedDrawSettings): GeneratedHousehold {
  const rng = new SeededRandom(settings.seed, ordinal, 0);
  const cohort = settings.cohortDay;
  const upper = rng.chance(0.85);
  const casing: Casing = upper ? (text) => text.toUpperCase() : (text) => text;
  const organisme: GeneratedOrganisme =
    settings.organisme === 'mixed' ? (rng.chance(0.12) ? 'MSA' : 'CAF') : settings.organisme;
  const composition = rng.weighted(COMPOSITIONS);
  const couple = composition === 'couple' || composition === 'couple_children';
  const singleParent = composition === 'single_parent';
  const childCount =
    composition === 'single_parent' || composition === 'couple_children'
      ? rng.weighted(CHILD_COUNT_WEIGHTS)
      : 0;
  const etat = rng.weighted(ETAT_DOSSIER_WEIGHTS);
  const sitfam = rng.weighted(couple ? COUPLE_SITUATIONS : SINGLE_SITUATIONS);

  // Who: sexes (single parents are mostly mothers, a couple's applicant mostly the man), ages, names.
  const demSex: GeneratedSex = rng.chance(singleParent ? 0.15 : couple ? 0.65 : 0.58) ? '1' : '2';
  const demAge = ageIn(rng, couple ? COUPLE_AGES : singleParent ? PARENT_AGES : SINGLE_AGES);
  const demBirthName = surname(rng, casing);
  const drafts: PersonDraft[] = [];
  let demNom = demBirthName;
  let fatherName = demSex === '1' ? demBirthName : surname(rng, casing);
  if (couple) {
    const cjtSex: GeneratedSex = rng.chance(0.02) ? demSex : demSex === '1' ? '2' : '1';
    const cjtAge = Math.max(18, demAge + rng.int(-6, 4));
    const cjtBirthName = surname(rng, casing);
    let cjtNom = cjtBirthName;
    if (sitfam === 'MAR' && cjtSex !== demSex && rng.chance(0.7)) {
      if (cjtSex === '2') cjtNom = demBirthName;
      else demNom = cjtBirthName;
    }
    if (cjtSex === '1') fatherName = cjtBirthName;
    drafts.push(adultDraft(rng, 0, 'DEM', demSex, demAge, demNom, demBirthName));
    drafts.push(adultDraft(rng, 1, 'CJT', cjtSex, cjtAge, cjtNom, cjtBirthName));
  } else {
    if (demSex === '2' && sitfam !== 'CEL' && rng.chance(0.4)) demNom = surname(rng, casing);
    drafts.push(adultDraft(rng, 0, 'DEM', demSex, demAge, demNom, demBirthName));
  }
  const youngestParent = Math.min(...drafts.map((d) => d.age));
  const childName = couple || rng.chance(0.5) ? fatherName : demBirthName;
  for (let c = 0; c < childCount; c += 1) {
    const maxAge = Math.max(0, Math.min(youngestParent - 18, rng.chance(0.08) ? 20 : 17));
    drafts.push({
      slot: 2 + c,
      role: 'ENF',
      sex: rng.chance(0.5) ? '1' : '2',
      age: rng.int(0, maxAge),
      nom: childName,
      nomnai: childName,
      hasNir: rng.chance(CHILD_NIR_RATE),
    });
  }
  const persons = drafts.map((draft) => drawPerson(rng, settings, ordinal, draft, casing));
  const dem = persons[0] as GeneratedPerson;
  const adultSince = addYears(isoToDayNumber(dem.dtnai), 18);

  // When: closure first (the request precedes it), then the request.
  let closureDay: number | undefined;
  if (etat === '5')
    closureDay = dayBetween(rng, startOfMonthDayNumber(monthNumber(civilDate(cohort))), cohort);
  if (etat === '6') closureDay = cohort - rng.int(35, 200);
  const latestRequest = closureDay !== undefined ? closureDay - 30 : cohort - 30;
  let origin = 'DEM';
  let originDay: number;
  let requestDay: number;
  if (etat === '0') {
    requestDay = cohort - rng.int(1, 60);
    originDay = requestDay;
  } else if (rng.chance(0.05) && adultSince < RSA_START - 365) {
    origin = rng.chance(0.8) ? 'RMI' : 'API';
    requestDay = RSA_START;
    originDay = dayBetween(rng, Math.max(adultSince, dayNumber(1995, 1, 1)), RSA_START - 30);
  } else {
    const back = Math.floor(-Math.log(1 - rng.next()) * 3 * 365);
    requestDay = Math.max(RSA_START, adultSince, latestRequest - back);
    if (requestDay > latestRequest)
      requestDay = Math.max(RSA_START, Math.min(latestRequest, cohort - rng.int(1, 30)));
    originDay = requestDay;
  }

  for (const person of persons) {
    const born = isoToDayNumber(person.dtnai);
    const since =
      person.role === 'ENF'
        ? Math.max(born, requestDay - rng.int(0, 2000))
        : Math.max(addYears(born, 18), requestDay - rng.int(0, 3650));
    person.attachedSince = isoFromDayNumber(Math.min(since, cohort));
    if (person.role === 'ENF') continue;
    person.subjectToRightsAndDuties = isOpen(etat) && !rng.chance(0.08);
    if (person.subjectToRightsAndDuties && rng.chance(0.55))
      person.franceTravailId = `${digits(rng, 7)}${String.fromCharCode(65 + rng.int(0, 25))}`;
    if (rng.chance(0.4)) {
      const code = person.franceTravailId !== undefined ? 'CHO' : rng.chance(0.35) ? 'SAL' : 'CHO';
      person.activity = {
        code,
        since: isoFromDayNumber(dayBetween(rng, Math.max(addYears(born, 18), cohort - 1500), cohort - 1)),
        regime: organisme === 'MSA' ? 'AG' : 'GE',
      };
    }
  }

  const homeless = rng.chance(0.04);
  const coupleSince = Math.max(
    ...persons.filter((p) => p.role !== 'ENF').map((p) => addYears(isoToDayNumber(p.dtnai), 18)),
  );
  const sitfamSince =
    sitfam === 'CEL' ? dayBetween(rng, adultSince, requestDay) : dayBetween(rng, coupleSince, cohort - 30);

  const department = settings.department;
  const household: GeneratedHousehold = {
    organisme,
    numorg: department.numorg[organisme],
    matricule: matriculeOf(ordinal, settings.seed),
    departmentCode: department.ideparte,
    numdemrsa: `${numdemOf(ordinal, settings.seed)}${department.ideparte}`,
    dtdemrsa: isoFromDayNumber(requestDay),
    sitfam,
    sitfamSince: isoFromDayNumber(Math.min(sitfamSince, cohort)),
    address: drawAddress(
      rng,
      settings,
      casing,
      homeless,
      dayBetween(rng, Math.max(adultSince, requestDay - 1825), cohort - 1),
    ),
    etatDossier: etat,
    homeless,
    origin,
    originDate: isoFromDayNumber(originDay),
    persons,
  };
  if (etat === '3') {
    const since = isoFromDayNumber(Math.max(requestDay + 1, cohort - rng.int(10, 180)));
    household.rightSuspension = { reason: rng.weighted(RIGHT_SUSPENSION_REASONS), since };
    household.suspension = { reason: rng.weighted(SUSPENSION_REASONS), since };
  } else if (etat === '4') {
    household.suspension = {
      reason: rng.weighted(SUSPENSION_REASONS),
      since: isoFromDayNumber(Math.max(requestDay + 1, cohort - rng.int(5, 150))),
    };
  } else if (closureDay !== undefined) {
    household.closure = {
      reason: rng.weighted(CLOSURE_REASONS),
      date: isoFromDayNumber(closureDay),
      previousMonth: etat === '6',
    };
  }
  if (etat === '2') household.payment = rsaPayment(rng, household, singleParent, requestDay, cohort);
  return household;
}

/** The next states a monthly change picks from. */
// prettier-ignore
const TRANSITIONS: Readonly<Record<GeneratedEtatDossier, Weighted<GeneratedEtatDossier>>> = {
  '0': [['2', 70], ['1', 30]],
  '1': [['0', 100]],
  '2': [['4', 45], ['3', 10], ['5', 45]],
  '3': [['2', 55], ['4', 15], ['5', 30]],
  '4': [['2', 60], ['5', 40]],
  '5': [['6', 75], ['2', 25]],
  '6': [['0', 50], ['2', 50]],
};

/** One monthly change: the next RSA state on `day`, and sometimes a move within the department. */
function evolve(
  rng: SeededRandom,
  settings: ResolvedDrawSettings,
  household: GeneratedHousehold,
  day: number,
): void {
  const before = household.etatDossier;
  const next = rng.weighted(TRANSITIONS[before]);
  const date = isoFromDayNumber(day);
  household.etatDossier = next;
  if (next !== '6') household.closure = undefined;
  if (next !== '3') household.rightSuspension = undefined;
  if (next !== '3' && next !== '4') household.suspension = undefined;
  if (next !== '2') household.payment = undefined;
  switch (next) {
    case '0':
      household.dtdemrsa = date;
      break;
    case '2':
      household.payment = rsaPayment(
        rng,
        household,
        household.persons.some((p) => p.role === 'ENF') && !household.persons.some((p) => p.role === 'CJT'),
        before === '0' ? day : isoToDayNumber(household.dtdemrsa),
        day,
      );
      break;
    case '3':
      household.rightSuspension = { reason: rng.weighted(RIGHT_SUSPENSION_REASONS), since: date };
      household.suspension = { reason: rng.weighted(SUSPENSION_REASONS), since: date };
      break;
    case '4':
      household.suspension = { reason: rng.weighted(SUSPENSION_REASONS), since: date };
      break;
    case '5':
      household.closure = { reason: rng.weighted(CLOSURE_REASONS), date, previousMonth: false };
      break;
    case '6':
      household.closure =
        household.closure !== undefined
          ? { ...household.closure, previousMonth: true }
          : { reason: rng.weighted(CLOSURE_REASONS), date, previousMonth: true };
      break;
    case '1':
      break;
  }
  if (isOpen(next) !== isOpen(before))
    for (const person of household.persons)
      if (person.role !== 'ENF') person.subjectToRightsAndDuties = isOpen(next);
  if (rng.chance(0.15)) {
    const casing: Casing =
      household.persons[0]?.nom === household.persons[0]?.nom.toUpperCase()
        ? (text) => text.toUpperCase()
        : (text) => text;
    household.address = drawAddress(rng, settings, casing, household.homeless, day);
  }
}

/** Draws household `index` (ordinal = matriculeOffset + index) as of the reference date, with its monthly changes. */
export function drawHousehold(index: number, settings: ResolvedDrawSettings): DrawnHousehold {
  const ordinal = settings.matriculeOffset + index;
  const household = drawBase(ordinal, settings);
  let changed = false;
  settings.windows.forEach(([first, last], k) => {
    const rng = new SeededRandom(settings.seed, ordinal, 100 + k);
    if (!rng.chance(settings.changeRate)) return;
    changed = true;
    evolve(rng, settings, household, rng.int(first, last));
  });
  return { household, changed };
}

/** Household `index` of the flux these settings describe; the same arguments always give the same household. */
export function generateHousehold(index: number, settings: HouseholdDrawSettings = {}): GeneratedHousehold {
  return drawHousehold(index, resolveDrawSettings(settings)).household;
}
