import {
  contractContentHash,
  type ContractStatus,
  type ContractType,
  type SignatureMethod,
} from '@spie/contract/domain';
import type { DiagnosticItemKind } from '@spie/diagnostic/data-access';
import { rsaStatusFromEtatDossier, type RsaStatus } from '@spie/household-rights/domain';
import type { AppointmentPartner, AppointmentStatus, OrientationType } from '@spie/orientation/domain';
import type { PersonIdentityInput, PostalAddress } from '@spie/person/data-access';
import type { PersonIdentifierSystem } from '@spie/person/domain';
import { REFERENTIEL_V1, type CodeListCode, type CodeListEntrySeed } from '@spie/referentiel/domain';
import type { SourceSystem } from '@spie/shared/kernel';

import {
  CAF_ORGANISME_CODE,
  DEMO_AGENTS,
  DEMO_BIRTH_PLACES,
  DEMO_PERSON_ACCOUNTS,
  DEMO_COMMUNES,
  DEMO_ROME_JOBS,
  DEMO_STREETS,
  FEMALE_FIRST_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  MSA_ORGANISME_CODE,
  SECOND_NAMES_F,
  SECOND_NAMES_M,
  type DemoBirthPlace,
  type DemoCommune,
  type DemoOrganisationKey,
  type DemoPersonAccountSpec,
} from './demo-catalog';
import { DemoRandom, demoUuid } from './demo-random';

/** The situations a household of the demo is in: together they cover every state of a parcours. */
export const DEMO_SCENARIOS = [
  'pending',
  'refused',
  'new_entrant',
  'oriented_social',
  'oriented_socio_pro',
  'oriented_pro_france_travail',
  'oriented_cap_emploi',
  'young_mission_locale',
  'suspended',
  'suspended_payment',
  'closed',
  'closed_previous',
  'open_not_subject',
  'reoriented',
  'lost_contact',
] as const;
export type DemoScenario = (typeof DEMO_SCENARIOS)[number];

const SCENARIO_WEIGHTS: ReadonlyArray<readonly [DemoScenario, number]> = [
  ['pending', 5],
  ['refused', 3],
  ['new_entrant', 16],
  ['oriented_social', 10],
  ['oriented_socio_pro', 10],
  ['oriented_pro_france_travail', 13],
  ['oriented_cap_emploi', 3],
  ['young_mission_locale', 6],
  ['suspended', 5],
  ['suspended_payment', 3],
  ['closed', 7],
  ['closed_previous', 3],
  ['open_not_subject', 5],
  ['reoriented', 4],
  ['lost_contact', 4],
];

export type HouseholdRole = 'DEM' | 'CJT' | 'ENF';

export interface DemoIdentifier {
  system: PersonIdentifierSystem;
  value: string;
  qualifier: string | null;
  source: SourceSystem;
  recordedAt: Date;
}

export interface DemoPerson {
  /** Key inside the dataset (`p0001`…): ids are given by the database when the person is created. */
  key: string;
  source: 'caf' | 'msa';
  identity: PersonIdentityInput;
  knownSince: Date;
  identifiers: DemoIdentifier[];
}

export interface DemoRightRow {
  id: string;
  /** Null for the household's own row, set for a person-level row (rights and duties flag). */
  personKey: string | null;
  referenceMonth: string;
  etatDossier: string;
  status: RsaStatus;
  openedOn: string | null;
  suspensionReason: string | null;
  suspendedOn: string | null;
  closureReason: string | null;
  closedOn: string | null;
  subjectToRightsAndDuties: boolean | null;
  observedAt: Date;
}

export interface DemoHousehold {
  id: string;
  scenario: DemoScenario;
  organisme: 'caf' | 'msa';
  organismeCode: string;
  matricule: string;
  numDemRsa: string;
  familySituation: string;
  address: PostalAddress;
  lastReferenceAt: Date;
  members: Array<{ id: string; personKey: string; role: HouseholdRole; validFrom: string }>;
  rights: DemoRightRow[];
}

export interface DemoOrientation {
  id: string;
  personKey: string;
  type: OrientationType;
  structure: DemoOrganisationKey;
  referentLogin: string | null;
  decidedAt: Date;
  decidedByLogin: string;
  reason: string | null;
  supersededAt: Date | null;
}

export interface DemoDiagnostic {
  id: string;
  personKey: string;
  version: number;
  source: SourceSystem;
  author: DemoOrganisationKey;
  authorLogin: string;
  recordedAt: Date;
  educationLevel: string;
  workSituation: string;
  workSituationSince: string | null;
  rqth: boolean;
  items: Array<{
    id: string;
    themeCode: string;
    kind: DiagnosticItemKind;
    code: string;
    value: string | null;
  }>;
  projects: Array<{ id: string; romeCode: string; label: string; mobilityRadiusKm: number }>;
}

export interface DemoContractAction {
  id: string;
  position: number;
  code: string | null;
  label: string;
  dueDate: string | null;
  statuses: Array<{ id: string; status: string; comment: string | null; recordedAt: Date }>;
}

export interface DemoContractVersion {
  id: string;
  version: number;
  startDate: string;
  endDate: string;
  signedAt: Date | null;
  signedByLogin: string | null;
  signatureMethod: SignatureMethod | null;
  contentHash: string | null;
  recordedAt: Date;
  objectives: Array<{
    id: string;
    position: number;
    themeCode: string;
    code: string;
    label: string;
    actions: DemoContractAction[];
  }>;
}

export interface DemoContract {
  id: string;
  personKey: string;
  type: ContractType;
  status: ContractStatus;
  organisation: DemoOrganisationKey;
  referentLogin: string;
  source: SourceSystem;
  startDate: string;
  endDate: string;
  endReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  versions: DemoContractVersion[];
  events: Array<{
    id: string;
    kind: string;
    fromStatus: ContractStatus | null;
    toStatus: ContractStatus;
    version: number;
    reason: string | null;
    recordedAt: Date;
  }>;
}

/** An appointment planned with a person: the mission locale's with its young people, the référent's with the demo person. */
export interface DemoAppointment {
  id: string;
  personKey: string;
  partner: AppointmentPartner;
  externalId: string;
  structure: DemoOrganisationKey;
  startsAt: Date;
  endsAt: Date;
  kind: string;
  subject: string;
  place: string | null;
  withWhom: string | null;
  status: AppointmentStatus;
  recordedAt: Date;
}

export interface DemoDataset {
  today: string;
  persons: DemoPerson[];
  households: DemoHousehold[];
  orientations: DemoOrientation[];
  diagnostics: DemoDiagnostic[];
  contracts: DemoContract[];
  appointments: DemoAppointment[];
}

export interface DemoDatasetOptions {
  persons: number;
  /** Day the dataset is relative to (new entrants opened 1–45 days before it…). */
  today: Date;
  seed?: string;
}

export const DEMO_SEED = 'spie-hub demo 052';

/** First household of the dataset: its presence tells that the demo data is already there. */
export const DEMO_MARKER_HOUSEHOLD_ID = demoUuid('household', 0);

/** Builds the whole demo dataset in memory, without the database: the same options always give the same dataset. */
export function buildDemoDataset(options: DemoDatasetOptions): DemoDataset {
  return new DemoDatasetBuilder(options).build();
}

// ---------------------------------------------------------------------------------------------------------------------

const DAY_MS = 24 * 3600 * 1000;
const SOCIAL_THEMES = [
  'logement',
  'mobilite',
  'difficulte_financiere',
  'difficulte_administrative',
  'sante',
  'contraintes_familiales',
  'maitrise_langue',
  'numerique',
] as const;
const PROFESSIONAL_OBJECTIVE_THEMES = [
  'choisir_un_metier',
  'se_former',
  'preparer_sa_candidature',
  'trouver_un_emploi',
] as const;
/** Days since the opening of the first new entrants: before and past the 15- and 30-day marks. */
const NEW_ENTRANT_DAYS = [4, 12, 19, 27, 34, 43] as const;
const SUSPENSION_REASONS_OPEN = ['06', '01', '03', 'CG', '70', '44', '09', 'AB', '36'] as const;
const SUSPENSION_REASONS_PAYMENT = ['05', '84', 'CV', '06'] as const;
const CLOSURE_REASONS = ['ECH', 'PCG', 'RFD', 'MUT', 'RAU', 'RGD'] as const;
const SINGLE_SITUATIONS = ['CEL', 'DIV', 'SEL', 'ISO', 'VEU', 'SEF'] as const;
const COUPLE_SITUATIONS = ['MAR', 'PAC', 'VIM'] as const;
const WORK_SITUATIONS = [
  'recherche_emploi',
  'recherche_emploi',
  'recherche_formation',
  'construction_projet',
  'au_foyer',
  'cdd_temps_partiel',
  'interim',
  'iae',
  'maladie',
  'autre',
] as const;
const ORIENTATION_REASONS = [
  'Diagnostic socio-professionnel partagé en équipe pluridisciplinaire',
  'Freins périphériques à lever avant la recherche d’emploi',
  'Projet professionnel défini, disponible rapidement',
  'Souhait de la personne exprimé lors du rendez-vous d’orientation',
  null,
] as const;

type Scenario = DemoScenario;

interface OrientationTarget {
  type: OrientationType;
  structure: DemoOrganisationKey;
  referent: string;
}

interface HouseholdPlan {
  index: number;
  scenario: Scenario;
  occurrence: number;
  commune: DemoCommune;
  requestOn: string;
  openedOn: string | null;
  suspendedOn: string | null;
  closedOn: string | null;
}

class DemoDatasetBuilder {
  private readonly random: DemoRandom;
  private readonly today: string;
  private readonly dataset: DemoDataset;
  private readonly occurrences = new Map<Scenario, number>();
  private readonly nirBases = new Set<string>();
  private readonly matricules = new Set<string>();
  private readonly counters = { person: 0, imilo: 0, departmentSi: 0, contract: 0, orientation: 0 };
  private readonly lists = new Map<CodeListCode, readonly CodeListEntrySeed[]>();

  constructor(private readonly options: DemoDatasetOptions) {
    this.random = new DemoRandom(options.seed ?? DEMO_SEED);
    this.today = options.today.toISOString().slice(0, 10);
    this.dataset = {
      today: this.today,
      persons: [],
      households: [],
      orientations: [],
      diagnostics: [],
      contracts: [],
      appointments: [],
    };
    for (const list of REFERENTIEL_V1.lists) this.lists.set(list.code, list.entries);
  }

  build(): DemoDataset {
    let remaining = Math.max(0, Math.floor(this.options.persons));
    for (let index = 0; remaining > 0; index += 1) {
      // The first households go through every scenario once, so that any size above ~40 people shows every state.
      const scenario =
        index < DEMO_SCENARIOS.length
          ? (DEMO_SCENARIOS[index] as Scenario)
          : this.random.weighted(SCENARIO_WEIGHTS);
      remaining -= this.household(index, scenario, remaining);
    }
    this.appointments();
    return this.dataset;
  }

  /**
   * Appointments, drawn without the random generator (the rest of the dataset does not change with them): each young
   * person of the mission locale had one last month and has the next one within two weeks; the demo person account
   * meets their référent next week.
   */
  private appointments(): void {
    const day = (shift: number, hourUtc: number, minute = 0) => {
      const date = new Date(`${this.today}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() + shift);
      date.setUTCHours(hourUtc, minute);
      return date;
    };
    const agentName = (login: string | null) => {
      const agent = DEMO_AGENTS.find((candidate) => candidate.login === login);
      return agent ? `${agent.givenName} ${agent.usualName}` : null;
    };
    const young = this.dataset.persons.filter((person) =>
      person.identifiers.some((identifier) => identifier.system === 'mission_locale_imilo'),
    );
    young.forEach((person, index) => {
      const orientation = this.dataset.orientations.find(
        (candidate) => candidate.personKey === person.key && !candidate.supersededAt,
      );
      const withWhom = agentName(orientation?.referentLogin ?? null);
      const imilo = person.identifiers.find((identifier) => identifier.system === 'mission_locale_imilo');
      const planned: Array<[number, AppointmentStatus, string]> = [
        [-(20 + (index % 7)), 'present', 'Point sur le contrat d’engagement jeune'],
        [2 + (index % 12), 'planned', 'Préparer un entretien d’embauche'],
      ];
      planned.forEach(([shift, status, subject], n) => {
        const startsAt = day(shift, 8 + (index % 6), n === 0 ? 30 : 0);
        this.dataset.appointments.push({
          id: demoUuid('appointment', `${person.key}:${n}`),
          personKey: person.key,
          partner: 'mission_locale',
          externalId: `${imilo?.value ?? person.key}-${n + 1}`,
          structure: 'ml-nord',
          startsAt,
          endsAt: new Date(startsAt.getTime() + 45 * 60_000),
          kind: 'Entretien individuel',
          subject,
          place: 'Mission locale, 12 rue de la Commune de Paris, 52100 Saint-Dizier',
          withWhom,
          status,
          recordedAt: day(Math.min(shift, 0) - 7, 9),
        });
      });
    });
    for (const account of DEMO_PERSON_ACCOUNTS) {
      const person = this.dataset.persons.find(
        (candidate) =>
          candidate.identity.birthDate === account.birthDate &&
          candidate.identity.firstNames.join(' ') === account.firstNames.join(' '),
      );
      const orientation = this.dataset.orientations.find(
        (candidate) => candidate.personKey === person?.key && !candidate.supersededAt,
      );
      if (!person || !orientation) continue;
      const startsAt = day(6, 8, 30);
      this.dataset.appointments.push({
        id: demoUuid('appointment', `${person.key}:referent`),
        personKey: person.key,
        partner: 'department',
        externalId: `demo-${account.login}-1`,
        structure: orientation.structure,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 60 * 60_000),
        kind: 'Entretien de suivi',
        subject: 'Faire le point sur votre contrat d’engagement',
        place: null,
        withWhom: agentName(orientation.referentLogin),
        status: 'planned',
        recordedAt: day(-2, 14),
      });
    }
  }

  // --- households and rights ------------------------------------------------------------------------------------------

  private household(index: number, scenario: Scenario, remaining: number): number {
    const occurrence = this.occurrences.get(scenario) ?? 0;
    this.occurrences.set(scenario, occurrence + 1);
    const plan = this.plan(index, scenario, occurrence);
    const r = this.random;

    const young = scenario === 'young_mission_locale';
    const composition = young
      ? 'single_parent'
      : r.weighted([
          ['single', 45],
          ['single_parent', 25],
          ['couple', 10],
          ['couple_children', 20],
        ] as const);
    const couple = composition === 'couple' || composition === 'couple_children';
    let children =
      composition === 'single_parent' || composition === 'couple_children' ? r.int(1, young ? 1 : 3) : 0;
    let withPartner = couple;
    // Trim the household to the people still to create.
    if (1 + (withPartner ? 1 : 0) + children > remaining) {
      children = Math.max(0, remaining - 1 - (withPartner ? 1 : 0));
      if (remaining < 2) withPartner = false;
    }

    const msa = plan.commune.weight <= 6 && r.chance(0.25);
    const organisme = msa ? 'msa' : 'caf';
    const organismeCode = msa ? MSA_ORGANISME_CODE : CAF_ORGANISME_CODE;
    const matricule = this.matricule();
    const source = organisme;
    const knownSince = at(plan.requestOn, 8);
    // The person account of the demo (allocataire-demo) is the applicant of the first household of its scenario. The
    // random draws are made all the same, so that the rest of the dataset does not depend on it.
    const account = occurrence === 0 ? DEMO_PERSON_ACCOUNTS.find((a) => a.scenario === scenario) : undefined;
    const drawnAge = young ? r.int(19, 24) : r.int(25, 61);
    const drawnSex =
      composition === 'single_parent' ? (r.chance(0.85) ? 'F' : 'M') : r.chance(0.5) ? 'F' : 'M';
    const demAge = account ? yearsBetween(account.birthDate, this.today) : drawnAge;
    const demSex = account ? account.sex : drawnSex;
    const familySituation = withPartner ? r.pick(COUPLE_SITUATIONS) : r.pick(SINGLE_SITUATIONS);
    const address = this.address(plan.commune);

    const dem = this.person({ sex: demSex, age: demAge, source, knownSince, address, account });
    dem.identifiers.push({
      system: msa ? 'msa_dossier' : 'caf_dossier',
      value: `${organismeCode}:${matricule}`,
      qualifier: 'DEM',
      source,
      recordedAt: knownSince,
    });
    const members: DemoHousehold['members'] = [
      {
        id: demoUuid('household-member', `${index}:0`),
        personKey: dem.key,
        role: 'DEM',
        validFrom: plan.requestOn,
      },
    ];
    let partner: DemoPerson | null = null;
    if (withPartner) {
      const married = familySituation === 'MAR';
      const sex = demSex === 'F' ? 'M' : 'F';
      partner = this.person({
        sex,
        age: Math.min(64, Math.max(19, demAge + r.int(-5, 5))),
        source,
        knownSince,
        address,
        lastName: married && sex === 'F' ? dem.identity.lastName : undefined,
      });
      members.push({
        id: demoUuid('household-member', `${index}:1`),
        personKey: partner.key,
        role: 'CJT',
        validFrom: plan.requestOn,
      });
    }
    const familyName = demSex === 'M' || !partner ? dem.identity.lastName : partner.identity.lastName;
    const adultChildren: DemoPerson[] = [];
    for (let c = 0; c < children; c += 1) {
      const maxAge = Math.min(24, demAge - 18);
      const age = young ? r.int(0, Math.max(0, demAge - 18)) : r.int(0, Math.max(0, maxAge));
      const child = this.person({
        sex: r.chance(0.5) ? 'F' : 'M',
        age,
        source,
        knownSince,
        address,
        lastName: familyName,
        child: true,
      });
      const birth = child.identity.birthDate as string;
      members.push({
        id: demoUuid('household-member', `${index}:${2 + c}`),
        personKey: child.key,
        role: 'ENF',
        validFrom: birth > plan.requestOn ? birth : plan.requestOn,
      });
      if (age >= 18) adultChildren.push(child);
    }

    const household: DemoHousehold = {
      id: demoUuid('household', index),
      scenario,
      organisme,
      organismeCode,
      matricule,
      numDemRsa: `${organismeCode}${plan.requestOn.slice(2, 4)}${matricule.slice(1)}`,
      familySituation,
      address,
      lastReferenceAt: knownSince,
      members,
      rights: [],
    };
    const partnerSubject = partner ? r.chance(0.6) : false;
    this.rights(household, plan, dem.key, partner?.key ?? null, partnerSubject);
    this.dataset.households.push(household);

    this.parcoursOf(plan, dem, true);
    if (partner && partnerSubject && plan.openedOn && r.chance(0.4)) this.parcoursOf(plan, partner, false);
    for (const child of adultChildren) if (r.chance(0.6)) this.youngAtMissionLocale(plan, child, false);
    return members.length;
  }

  /** Dates of the household's right, by scenario. */
  private plan(index: number, scenario: Scenario, occurrence: number): HouseholdPlan {
    const r = this.random;
    const commune =
      scenario === 'young_mission_locale'
        ? r.pick(DEMO_COMMUNES.filter((c) => c.area === 'north'))
        : r.weighted(DEMO_COMMUNES.map((c) => [c, c.weight] as const));
    const longAgo = () => this.daysAgo(r.int(75, 900));
    let requestOn: string;
    let openedOn: string | null = null;
    let suspendedOn: string | null = null;
    let closedOn: string | null = null;
    switch (scenario) {
      case 'pending':
        requestOn = this.daysAgo(r.int(1, 25));
        break;
      case 'refused':
        requestOn = this.daysAgo(r.int(35, 70));
        break;
      case 'new_entrant': {
        // Spread over 1–45 days so the queue has people before and past the 15- and 30-day marks.
        const days =
          occurrence < NEW_ENTRANT_DAYS.length ? (NEW_ENTRANT_DAYS[occurrence] as number) : r.int(1, 45);
        openedOn = this.daysAgo(days);
        requestOn = addDays(openedOn, -r.int(3, 20));
        break;
      }
      case 'suspended':
      case 'suspended_payment':
        openedOn = longAgo();
        suspendedOn = this.daysAgo(r.int(10, 70));
        if (suspendedOn <= openedOn) openedOn = addDays(suspendedOn, -90);
        requestOn = addDays(openedOn, -r.int(5, 20));
        break;
      case 'closed':
        openedOn = this.daysAgo(r.int(300, 1100));
        closedOn = this.daysAgo(r.int(10, 40));
        suspendedOn = addDays(closedOn, -120);
        requestOn = addDays(openedOn, -r.int(5, 20));
        break;
      case 'closed_previous':
        openedOn = this.daysAgo(r.int(300, 1100));
        closedOn = this.daysAgo(r.int(70, 150));
        requestOn = addDays(openedOn, -r.int(5, 20));
        break;
      case 'lost_contact':
        openedOn = this.daysAgo(r.int(500, 1100));
        requestOn = addDays(openedOn, -r.int(5, 20));
        break;
      case 'reoriented':
        openedOn = this.daysAgo(r.int(300, 900));
        requestOn = addDays(openedOn, -r.int(5, 20));
        break;
      default:
        openedOn = longAgo();
        requestOn = addDays(openedOn, -r.int(5, 20));
    }
    return { index, scenario, occurrence, commune, requestOn, openedOn, suspendedOn, closedOn };
  }

  /** The monthly rows (household-level, and person-level with the rights-and-duties flag) of a few reference months. */
  private rights(
    household: DemoHousehold,
    plan: HouseholdPlan,
    demKey: string,
    partnerKey: string | null,
    partnerSubject: boolean,
  ): void {
    const current = monthOf(this.today);
    const months = [
      monthOf(plan.requestOn),
      ...(plan.openedOn ? [monthOf(plan.openedOn)] : []),
      ...(plan.suspendedOn ? [monthOf(plan.suspendedOn)] : []),
      ...(plan.closedOn ? [monthOf(plan.closedOn)] : []),
      addMonths(current, -3),
      addMonths(current, -2),
      addMonths(current, -1),
      current,
    ];
    const selected = [...new Set(months)].filter((m) => m >= monthOf(plan.requestOn) && m <= current).sort();
    const r = this.random;
    const suspensionReason =
      plan.scenario === 'suspended_payment'
        ? r.pick(SUSPENSION_REASONS_PAYMENT)
        : plan.scenario === 'closed'
          ? '01'
          : r.pick(SUSPENSION_REASONS_OPEN);
    const closureReason =
      plan.scenario === 'closed'
        ? plan.occurrence === 0
          ? 'ECH'
          : r.pick(CLOSURE_REASONS)
        : r.pick(CLOSURE_REASONS);
    const demSubject = plan.scenario !== 'open_not_subject';

    for (const month of selected) {
      const etat = this.etatFor(plan, month);
      const open = ['2', '3', '4', '5', '6'].includes(etat);
      const suspended = etat === '3' || etat === '4';
      const closed = etat === '5' || etat === '6';
      // The flux of a month is read a few days into it, and never before the events it reports.
      const events = [plan.requestOn, plan.openedOn, plan.suspendedOn, plan.closedOn].filter(
        (day): day is string => day !== null && monthOf(day) === month,
      );
      const observedOn = events.reduce((latest, day) => maxDay(latest, addDays(day, 1)), addDays(month, 4));
      const observedAt = minDate(at(observedOn, 6), at(this.today, 6));
      const base = {
        referenceMonth: month,
        etatDossier: etat,
        status: rsaStatusFromEtatDossier(etat),
        openedOn: open ? plan.openedOn : null,
        suspensionReason: suspended ? (plan.scenario === 'closed' ? '01' : suspensionReason) : null,
        suspendedOn: suspended ? plan.suspendedOn : null,
        closureReason: closed ? closureReason : null,
        closedOn: closed ? plan.closedOn : null,
        observedAt,
      };
      const row = (personKey: string | null, subject: boolean | null): DemoRightRow => ({
        ...base,
        id: demoUuid('rsa-right-status', `${household.id}:${month}:${personKey ?? 'household'}`),
        personKey,
        subjectToRightsAndDuties: subject,
      });
      household.rights.push(row(null, null));
      household.rights.push(row(demKey, etat === '0' || etat === '1' ? null : demSubject));
      if (partnerKey)
        household.rights.push(row(partnerKey, etat === '0' || etat === '1' ? null : partnerSubject));
      if (observedAt > household.lastReferenceAt) household.lastReferenceAt = observedAt;
    }
  }

  private etatFor(plan: HouseholdPlan, month: string): string {
    const opened = plan.openedOn ? monthOf(plan.openedOn) : null;
    switch (plan.scenario) {
      case 'pending':
        return '0';
      case 'refused':
        return month === monthOf(plan.requestOn) ? '0' : '1';
      case 'closed': {
        if (opened && month < opened) return '0';
        const closed = monthOf(plan.closedOn as string);
        if (month >= closed) return '5';
        return month >= monthOf(plan.suspendedOn as string) ? '3' : '2';
      }
      case 'closed_previous': {
        if (opened && month < opened) return '0';
        const closed = monthOf(plan.closedOn as string);
        if (month > closed) return '6';
        return month === closed ? '5' : '2';
      }
      default:
        if (!opened || month < opened) return '0';
        if (plan.suspendedOn && month >= monthOf(plan.suspendedOn))
          return plan.scenario === 'suspended_payment' ? '4' : '3';
        return '2';
    }
  }

  // --- parcours: orientation, diagnostics, contracts -------------------------------------------------------------------

  /** Orientation, diagnostics and contracts of an adult, by the household's scenario. */
  private parcoursOf(plan: HouseholdPlan, person: DemoPerson, isDemandeur: boolean): void {
    const r = this.random;
    const north = plan.commune.area === 'north';
    const opened = plan.openedOn;
    switch (plan.scenario) {
      case 'pending':
      case 'refused':
      case 'open_not_subject':
        if (r.chance(0.2)) this.registerAtFranceTravail(person, at(plan.requestOn, 10));
        return;
      case 'new_entrant':
        if (r.chance(0.3))
          this.registerAtFranceTravail(person, at(addDays(plan.requestOn, -r.int(10, 400)), 10));
        if (isDemandeur && r.chance(0.5)) {
          const when = addDays(opened as string, r.int(1, 8));
          if (when <= this.today)
            this.diagnostic(person, {
              version: 1,
              author: 'cd52',
              login: 'cd52-orientation',
              when: at(when, 10),
              orientation: 'socio_pro',
            });
        }
        return;
      case 'young_mission_locale':
        this.youngAtMissionLocale(plan, person, true);
        return;
      default:
        break;
    }
    // Closed rights: the orientation came before the suspension that led to the closure, or well before the closure.
    const until =
      plan.scenario === 'closed'
        ? (plan.suspendedOn as string)
        : plan.scenario === 'closed_previous'
          ? addDays(plan.closedOn as string, -45)
          : this.today;
    const decidedOn = this.orientationDay(opened as string, until);
    const target = this.orientationTarget(plan, north);
    if (
      plan.scenario === 'suspended' ||
      plan.scenario === 'suspended_payment' ||
      plan.scenario === 'closed' ||
      plan.scenario === 'closed_previous'
    ) {
      if (!r.chance(0.75)) return;
    }
    if (plan.scenario === 'reoriented') {
      const first = this.orient(
        person,
        { type: 'social', structure: 'cd52', referent: this.cdReferent(north) },
        decidedOn,
        plan,
      );
      const firstDiagnostic = this.diagnostic(person, {
        version: 1,
        author: 'cd52',
        login: 'cd52-orientation',
        when: at(addDays(decidedOn, -5), 10),
        orientation: 'social',
      });
      const firstContract = this.contract(
        person,
        'cer',
        'ended',
        'cd52',
        first.referentLogin as string,
        decidedOn,
        { endReason: 'Réorientation' },
      );
      const reorientOn = maxDay(
        minDay(addDays(decidedOn, r.int(150, 300)), addDays(this.today, -r.int(5, 40))),
        addDays(decidedOn, 30),
      );
      first.supersededAt = at(reorientOn, 11);
      if (firstContract) endContractOn(firstContract, reorientOn);
      const second = this.orient(person, target, reorientOn, plan);
      this.diagnostic(person, {
        version: firstDiagnostic.version + 1,
        author: 'cd52',
        login: 'cd52-orientation',
        when: at(addDays(reorientOn, -3), 14),
        orientation: target.type,
      });
      this.contractFor(plan, person, second, reorientOn);
      return;
    }
    const orientation = this.orient(person, target, decidedOn, plan);
    const diagnosticOn = addDays(decidedOn, -r.int(3, 15));
    const first = this.diagnostic(person, {
      version: 1,
      author: 'cd52',
      login: 'cd52-orientation',
      when: at(diagnosticOn < (opened as string) ? (opened as string) : diagnosticOn, 10),
      orientation: target.type,
    });
    const followUp = addDays(decidedOn, r.int(10, 40));
    if (followUp < this.today && (target.structure.startsWith('ft-') || r.chance(0.3))) {
      const author = target.structure;
      this.diagnostic(person, {
        version: first.version + 1,
        author,
        login: target.referent,
        when: at(followUp, 15),
        orientation: target.type,
        franceTravail: author.startsWith('ft-'),
      });
    }
    this.contractFor(plan, person, orientation, decidedOn);
  }

  private orientationTarget(plan: HouseholdPlan, north: boolean): OrientationTarget {
    const r = this.random;
    const ft = (): OrientationTarget =>
      north
        ? {
            type: 'pro',
            structure: 'ft-saint-dizier',
            referent: r.pick(['ft-conseiller-sd', 'ft-conseiller-sd-2']),
          }
        : { type: 'pro', structure: 'ft-chaumont', referent: r.pick(['ft-conseiller', 'ft-conseiller-2']) };
    switch (plan.scenario) {
      case 'oriented_social':
        return plan.occurrence % 5 < 3
          ? { type: 'social', structure: 'cd52', referent: this.cdReferent(north) }
          : {
              type: 'social',
              structure: 'association',
              referent: r.pick(['asso-referent', 'asso-referent-2']),
            };
      case 'oriented_socio_pro':
        return r.weighted<OrientationTarget>([
          [{ type: 'socio_pro', structure: 'cd52', referent: this.cdReferent(north) }, 4],
          [
            north
              ? { type: 'socio_pro', structure: 'plie', referent: 'plie-referent' }
              : { type: 'socio_pro', structure: 'association', referent: 'asso-referent' },
            3,
          ],
          [
            {
              type: 'socio_pro',
              structure: 'association',
              referent: r.pick(['asso-referent', 'asso-referent-2']),
            },
            3,
          ],
        ]);
      case 'oriented_pro_france_travail':
        return ft();
      case 'oriented_cap_emploi':
        return { type: 'pro', structure: 'cap-emploi', referent: 'capemploi-conseiller' };
      case 'reoriented':
        return r.chance(0.5)
          ? ft()
          : { type: 'socio_pro', structure: 'association', referent: 'asso-referent-2' };
      default:
        return r.weighted<OrientationTarget>([
          [{ type: 'social', structure: 'cd52', referent: this.cdReferent(north) }, 4],
          [{ type: 'socio_pro', structure: 'association', referent: 'asso-referent' }, 2],
          [ft(), 4],
        ]);
    }
  }

  private cdReferent(north: boolean): string {
    return north
      ? this.random.pick(['cd52-referent-nord', 'cd52-referent'])
      : this.random.pick(['cd52-referent', 'cd52-referent-sud']);
  }

  /** A decision day 5–120 days after the opening (the 15/30-day target is often missed), before `until`. */
  private orientationDay(openedOn: string, until: string): string {
    const r = this.random;
    const delay = r.weighted([
      [r.int(5, 15), 30],
      [r.int(16, 30), 35],
      [r.int(31, 60), 25],
      [r.int(61, 120), 10],
    ] as const);
    const latest = addDays(until, -3);
    const day = addDays(openedOn, delay);
    return day < latest ? day : latest > openedOn ? latest : openedOn;
  }

  private orient(
    person: DemoPerson,
    target: OrientationTarget,
    decidedOn: string,
    plan: HouseholdPlan,
  ): DemoOrientation {
    this.counters.orientation += 1;
    const orientation: DemoOrientation = {
      id: demoUuid('orientation', this.counters.orientation),
      personKey: person.key,
      type: target.type,
      structure: target.structure,
      referentLogin: target.referent,
      decidedAt: at(decidedOn, 9 + (plan.index % 7)),
      decidedByLogin: 'cd52-orientation',
      reason: this.random.pick(ORIENTATION_REASONS),
      supersededAt: null,
    };
    this.dataset.orientations.push(orientation);
    if (!person.identifiers.some((identifier) => identifier.system === 'department_si')) {
      this.counters.departmentSi += 1;
      person.identifiers.push({
        system: 'department_si',
        value: `052:${String(20000 + this.counters.departmentSi).padStart(6, '0')}`,
        qualifier: null,
        source: 'department',
        recordedAt: orientation.decidedAt,
      });
    }
    if (target.structure.startsWith('ft-')) this.registerAtFranceTravail(person, orientation.decidedAt);
    return orientation;
  }

  private contractFor(
    plan: HouseholdPlan,
    person: DemoPerson,
    orientation: DemoOrientation,
    decidedOn: string,
  ): void {
    const r = this.random;
    const referent = orientation.referentLogin as string;
    const n = plan.occurrence;
    switch (plan.scenario) {
      case 'oriented_social': {
        const status = (['active', 'draft', 'signed', 'active', 'suspended', null] as const)[n % 6];
        if (status)
          this.contract(
            person,
            'cer',
            status,
            orientation.structure === 'association' ? 'association' : 'cd52',
            referent,
            decidedOn,
          );
        return;
      }
      case 'oriented_socio_pro':
      case 'reoriented':
        if (orientation.structure.startsWith('ft-')) {
          this.contract(
            person,
            'ppae',
            r.pick(['active', 'active', 'signed'] as const),
            orientation.structure,
            referent,
            decidedOn,
          );
        } else {
          const status = (['active', 'signed', 'active', 'suspended', 'draft'] as const)[
            n % 5
          ] as ContractStatus;
          this.contract(
            person,
            'cer',
            status,
            orientation.structure === 'plie' ? 'cd52' : orientation.structure,
            referent,
            decidedOn,
          );
        }
        return;
      case 'oriented_pro_france_travail': {
        const status = (['active', 'active', 'signed', 'draft', null] as const)[n % 5];
        if (status) this.contract(person, 'ppae', status, orientation.structure, referent, decidedOn);
        return;
      }
      case 'oriented_cap_emploi':
        this.contract(person, 'contrat_engagement', 'active', 'cap-emploi', referent, decidedOn);
        return;
      case 'suspended':
      case 'suspended_payment':
        this.contract(
          person,
          orientation.structure.startsWith('ft-') ? 'ppae' : 'cer',
          r.chance(0.5) ? 'active' : 'suspended',
          contractHolder(orientation),
          referent,
          decidedOn,
        );
        return;
      case 'closed':
      case 'closed_previous': {
        const contract = this.contract(
          person,
          orientation.structure.startsWith('ft-') ? 'ppae' : 'cer',
          'ended',
          contractHolder(orientation),
          referent,
          decidedOn,
          {
            endReason: r.pick([
              'Sortie vers l’emploi',
              'Fin de droit RSA',
              'Déménagement hors département',
              'Entrée en formation qualifiante',
            ]),
          },
        );
        if (contract && plan.closedOn) endContractOn(contract, plan.closedOn);
        return;
      }
      case 'lost_contact':
        this.contract(person, 'cer', 'ended', contractHolder(orientation), referent, decidedOn, {
          endReason: 'Échéance sans renouvellement',
        });
        return;
      default:
        return;
    }
  }

  /** A young person followed by the mission locale: i-Milo dossier, CEJ or PACEA, and (for a demandeur) an orientation. */
  private youngAtMissionLocale(plan: HouseholdPlan, person: DemoPerson, isDemandeur: boolean): void {
    const r = this.random;
    const referent = r.pick(['ml-conseiller', 'ml-conseiller-2']);
    const since = isDemandeur && plan.openedOn ? plan.openedOn : this.daysAgo(r.int(30, 400));
    this.counters.imilo += 1;
    person.identifiers.push({
      system: 'mission_locale_imilo',
      value: String(3_100_000 + this.counters.imilo * 17),
      qualifier: null,
      source: 'mission_locale',
      recordedAt: at(addDays(since, -r.int(0, 200)), 11),
    });
    let start = since;
    if (isDemandeur) {
      const decidedOn = this.orientationDay(since, this.today);
      this.orient(person, { type: 'pro', structure: 'ml-nord', referent }, decidedOn, plan);
      this.diagnostic(person, {
        version: 1,
        author: 'cd52',
        login: 'cd52-orientation',
        when: at(addDays(decidedOn, -4), 10),
        orientation: 'pro',
      });
      start = decidedOn;
    }
    const type: ContractType =
      plan.occurrence % 3 === 1 || !isDemandeur ? r.pick(['pacea', 'cej'] as const) : 'cej';
    const status: ContractStatus = plan.occurrence % 4 === 3 ? 'signed' : 'active';
    this.diagnostic(person, {
      version: this.dataset.diagnostics.filter((d) => d.personKey === person.key).length + 1,
      author: 'ml-nord',
      login: referent,
      when: at(minDay(addDays(start, r.int(5, 20)), addDays(this.today, -1)), 14),
      orientation: 'pro',
    });
    this.contract(person, type, status, 'ml-nord', referent, start);
  }

  private registerAtFranceTravail(person: DemoPerson, when: Date): void {
    if (person.identifiers.some((identifier) => identifier.system === 'france_travail')) return;
    person.identifiers.push({
      system: 'france_travail',
      value: demoUuid('france-travail', person.key),
      qualifier: null,
      source: 'france_travail',
      recordedAt: when,
    });
  }

  private diagnostic(
    person: DemoPerson,
    input: {
      version: number;
      author: DemoOrganisationKey;
      login: string;
      when: Date;
      orientation: OrientationType;
      franceTravail?: boolean;
    },
  ): DemoDiagnostic {
    const r = this.random;
    const id = demoUuid('diagnostic', `${person.key}:${input.version}`);
    const socialCount =
      input.orientation === 'social'
        ? r.int(3, 5)
        : input.orientation === 'socio_pro'
          ? r.int(2, 3)
          : r.int(0, 2);
    const themes = r.sample(
      SOCIAL_THEMES.filter((theme) => theme !== 'sante' || r.chance(0.4)),
      socialCount,
    );
    const items: DemoDiagnostic['items'] = [];
    const add = (themeCode: string, kind: DiagnosticItemKind, code: string, value: string | null) =>
      items.push({ id: demoUuid('diagnostic-item', `${id}:${items.length}`), themeCode, kind, code, value });
    for (const theme of themes) add(theme, 'situation', this.codeUnder('situation', theme), null);
    add('emploi', 'situation', this.codeUnder('situation', 'emploi'), null);
    for (const theme of themes.slice(0, 2)) add(theme, 'need', this.codeUnder('objective', theme), 'BESOIN');
    if (input.franceTravail) {
      for (const contrainte of r.sample(this.entries('ft-contrainte'), r.int(1, 3))) {
        add(
          contrainte.externalCodes?.['theme'] as string,
          'constraint',
          contrainte.code,
          r.pick(['OUI', 'OUI', 'NON_ABORDEE', 'CLOTUREE']),
        );
      }
      for (const theme of r.sample(PROFESSIONAL_OBJECTIVE_THEMES, 2)) {
        add(
          theme,
          'need',
          this.codeUnder('objective', theme),
          r.pick(['BESOIN', 'BESOIN', 'POINT_FORT', 'NON_EXPLORE']),
        );
      }
    }
    const projectCount = input.orientation === 'social' ? r.int(0, 1) : r.int(1, 2);
    const projects = r.sample(DEMO_ROME_JOBS, projectCount).map(([romeCode, label], index) => ({
      id: demoUuid('diagnostic-project', `${id}:${index}`),
      romeCode,
      label,
      mobilityRadiusKm: r.pick([10, 20, 30, 50]),
    }));
    const diagnostic: DemoDiagnostic = {
      id,
      personKey: person.key,
      version: input.version,
      source: sourceOf(input.author),
      author: input.author,
      authorLogin: input.login,
      recordedAt: input.when,
      educationLevel: r.pick(this.entries('education-level').slice(0, 8)).code,
      workSituation: r.pick(WORK_SITUATIONS),
      workSituationSince: addDays(input.when.toISOString().slice(0, 10), -r.int(60, 2000)),
      rqth: input.author === 'cap-emploi' || r.chance(0.05),
      items,
      projects,
    };
    this.dataset.diagnostics.push(diagnostic);
    return diagnostic;
  }

  private contract(
    person: DemoPerson,
    type: ContractType,
    status: ContractStatus,
    organisation: DemoOrganisationKey,
    referentLogin: string,
    orientedOn: string,
    extra: { endReason?: string } = {},
  ): DemoContract | null {
    const r = this.random;
    const created = minDay(addDays(orientedOn, r.int(3, 20)), this.today);
    this.counters.contract += 1;
    const id = demoUuid('contract', this.counters.contract);
    const durationMonths = type === 'pacea' ? 12 : r.pick([6, 12]);
    const signedOn =
      status === 'draft'
        ? null
        : status === 'signed'
          ? maxDay(created, addDays(this.today, -r.int(0, 7)))
          : minDay(addDays(created, r.int(0, 12)), this.today);
    let startDate = signedOn ?? addDays(this.today, r.int(5, 20));
    if (status === 'signed') startDate = addDays(this.today, r.int(3, 14));
    const source = sourceOf(organisation);
    const versions: DemoContractVersion[] = [];
    const events: DemoContract['events'] = [];
    const event = (
      kind: string,
      fromStatus: ContractStatus | null,
      toStatus: ContractStatus,
      version: number,
      day: string,
      reason: string | null = null,
    ) =>
      events.push({
        id: demoUuid('contract-event', `${id}:${events.length}`),
        kind,
        fromStatus,
        toStatus,
        version,
        reason,
        recordedAt: at(day, 10 + events.length),
      });

    event('created', null, 'draft', 1, created);
    // Active contracts older than their term were renewed: one signed version per term, up to today.
    let versionStart = startDate;
    let version = 1;
    while (true) {
      const versionEnd = addDays(addMonths(versionStart, durationMonths), -1);
      const signDay = version === 1 ? signedOn : addDays(versionStart, -r.int(1, 10));
      versions.push(
        this.contractVersion(id, type, version, versionStart, versionEnd, signDay, referentLogin),
      );
      if (version > 1 && signDay)
        event('amended', 'active', 'active', version, addDays(signDay, -r.int(2, 10)));
      if (signDay) {
        if (version === 1) event('signed', 'draft', 'signed', 1, signDay);
        else event('amendment_signed', 'active', 'active', version, signDay);
      }
      if (version === 1 && status !== 'draft' && status !== 'signed')
        event('activated', 'signed', 'active', 1, startDate);
      const renew = (status === 'active' || status === 'suspended') && versionEnd < this.today && version < 4;
      if (!renew) break;
      version += 1;
      versionStart = addDays(versionEnd, 1);
    }
    const last = versions[versions.length - 1] as DemoContractVersion;
    let endDate = last.endDate;
    let endReason: string | null = null;
    if (status === 'suspended')
      event(
        'suspended',
        'active',
        'suspended',
        version,
        minDay(addDays(last.startDate, r.int(20, 120)), this.today),
        r.pick(['Hospitalisation', 'Suspension du RSA', 'Absence aux rendez-vous']),
      );
    if (status === 'ended') {
      endReason = extra.endReason ?? 'Échéance';
      endDate = minDay(last.endDate, this.today);
      event('ended', 'active', 'ended', version, endDate, endReason);
    }
    const contract: DemoContract = {
      id,
      personKey: person.key,
      type,
      status,
      organisation,
      referentLogin,
      source,
      startDate,
      endDate,
      endReason,
      createdAt: at(created, 10),
      updatedAt: (events[events.length - 1] as { recordedAt: Date }).recordedAt,
      versions,
      events,
    };
    this.dataset.contracts.push(contract);
    return contract;
  }

  private contractVersion(
    contractId: string,
    type: ContractType,
    version: number,
    startDate: string,
    endDate: string,
    signedOn: string | null,
    signedByLogin: string,
  ): DemoContractVersion {
    const r = this.random;
    const id = demoUuid('contract-version', `${contractId}:${version}`);
    const professional = type !== 'cer';
    const themes: string[] = professional
      ? r.sample(PROFESSIONAL_OBJECTIVE_THEMES, r.int(1, 2))
      : [
          ...r.sample(
            SOCIAL_THEMES.filter((t) => t !== 'numerique'),
            r.int(1, 2),
          ),
          ...(r.chance(0.6) ? ['trouver_un_emploi'] : []),
        ];
    const signed = signedOn !== null;
    const objectives = themes.map((themeCode, position) => {
      const objectiveCode = this.codeUnder('objective', themeCode);
      const objectiveId = demoUuid('contract-objective', `${id}:${position}`);
      const actionTheme = PROFESSIONAL_OBJECTIVE_THEMES.includes(themeCode as never)
        ? r.pick(['emploi', 'formation'])
        : themeCode;
      const actionEntries = this.entriesUnder('action', actionTheme);
      const actions: DemoContractAction[] = Array.from({ length: r.int(1, 2) }, (_, index) => {
        const entry = actionEntries.length > 0 ? r.pick(actionEntries) : null;
        const actionId = demoUuid('contract-action', `${objectiveId}:${index}`);
        const statuses: DemoContractAction['statuses'] = [];
        if (signed && startDate < this.today) {
          const progressOn = minDay(addDays(startDate, r.int(10, 60)), this.today);
          statuses.push({
            id: demoUuid('contract-action-status', `${actionId}:0`),
            status: 'in_progress',
            comment: null,
            recordedAt: at(progressOn, 15),
          });
          const doneOn = addDays(progressOn, r.int(20, 90));
          if (doneOn < this.today && r.chance(0.5)) {
            statuses.push({
              id: demoUuid('contract-action-status', `${actionId}:1`),
              status: r.pick(['done', 'done', 'abandoned', 'standby']),
              comment: null,
              recordedAt: at(doneOn, 15),
            });
          }
        }
        return {
          id: actionId,
          position: index,
          code: entry?.code ?? null,
          label: entry?.label ?? 'Rendez-vous mensuel avec le référent',
          dueDate: addDays(startDate, r.int(30, 180)),
          statuses,
        };
      });
      return {
        id: objectiveId,
        position,
        themeCode,
        code: objectiveCode,
        label: this.labelOf('objective', objectiveCode),
        actions,
      };
    });
    // The hash of the signed content, computed like the contract service does at signature.
    const contentHash = contractContentHash({
      startDate,
      endDate,
      objectives: objectives.map((o) => ({
        themeCode: o.themeCode,
        code: o.code,
        label: o.label,
        actions: o.actions.map((a) => ({ code: a.code, label: a.label, dueDate: a.dueDate })),
      })),
    });
    return {
      id,
      version,
      startDate,
      endDate,
      signedAt: signedOn ? at(signedOn, 11) : null,
      signedByLogin: signedOn ? signedByLogin : null,
      signatureMethod: signedOn ? r.pick(['in_person', 'in_person', 'electronic', 'paper'] as const) : null,
      contentHash: signedOn ? contentHash : null,
      recordedAt: at(signedOn ?? startDate, 9),
      objectives,
    };
  }

  // --- people ---------------------------------------------------------------------------------------------------------

  private person(input: {
    sex: 'F' | 'M';
    age: number;
    source: 'caf' | 'msa';
    knownSince: Date;
    address: PostalAddress;
    lastName?: string;
    child?: boolean;
    /** A person account of the catalogue: its identity replaces the drawn one (the draws are made all the same). */
    account?: DemoPersonAccountSpec;
  }): DemoPerson {
    const r = this.random;
    const account = input.account;
    this.counters.person += 1;
    const key = `p${String(this.counters.person).padStart(4, '0')}`;
    const drawnBirthDate = addDays(addYears(this.today, -input.age), -r.int(1, 360));
    const birthDate = account?.birthDate ?? drawnBirthDate;
    const firstName = r.pick(input.sex === 'F' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    let firstNames: string[] = [firstName];
    if (input.age > 30 && r.chance(0.4))
      firstNames.push(r.pick(input.sex === 'F' ? SECOND_NAMES_F : SECOND_NAMES_M));
    const ownName = r.pick(LAST_NAMES);
    let lastName: string = input.lastName ?? ownName;
    let birthName: string | null =
      input.lastName && !input.child && input.lastName !== ownName ? ownName : null;
    if (account) {
      firstNames = [...account.firstNames];
      lastName = account.usageName ?? account.birthName;
      birthName = account.usageName ? account.birthName : null;
    }
    const drawnPlace =
      input.child && r.chance(0.8)
        ? (DEMO_BIRTH_PLACES[r.int(0, 1)] as DemoBirthPlace)
        : r.weighted(DEMO_BIRTH_PLACES.map((p) => [p, p.weight] as const));
    const place = account ? demoBirthPlace(account.birthPlace) : drawnPlace;
    const adult = input.age >= 18;
    const noNir = r.chance(input.child && !adult ? 0.3 : 0.07) && !account;
    const nir = noNir
      ? null
      : this.nir(input.sex, birthDate, place.nirDepartment, place.nirCommune, r.chance(0.35));
    const ascii = (text: string) =>
      text
        .normalize('NFD')
        .replace(/[^A-Za-z]/g, '')
        .toLowerCase();
    const identity: PersonIdentityInput = {
      lastName,
      birthName,
      firstNames,
      birthDate,
      birthPlace: place.name,
      sex: input.sex,
      nir,
      email:
        adult && r.chance(0.5)
          ? `${ascii(firstNames[0] ?? firstName)}.${ascii(lastName)}${this.counters.person}@demo.invalid`
          : null,
      phone: adult && r.chance(0.7) ? `063998${String(r.int(0, 9999)).padStart(4, '0')}` : null,
      address: input.address,
    };
    const person: DemoPerson = {
      key,
      source: input.source,
      identity,
      knownSince: input.knownSince,
      identifiers: [],
    };
    this.dataset.persons.push(person);
    return person;
  }

  /** A NIR with a valid key (97 − n mod 97), unique in the dataset; `short` gives the 13 characters CAF sends. */
  private nir(
    sex: 'F' | 'M',
    birthDate: string,
    department: string,
    commune: string,
    short: boolean,
  ): string {
    for (;;) {
      const order = String(this.random.int(1, 999)).padStart(3, '0');
      const base = `${sex === 'M' ? '1' : '2'}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${department}${commune}${order}`;
      if (this.nirBases.has(base)) continue;
      this.nirBases.add(base);
      return short ? base : `${base}${demoNirKey(base)}`;
    }
  }

  private matricule(): string {
    for (;;) {
      const value = String(this.random.int(1_000_000, 9_999_999));
      if (!this.matricules.has(value)) {
        this.matricules.add(value);
        return value;
      }
    }
  }

  private address(commune: DemoCommune): PostalAddress {
    const r = this.random;
    const lines = [`${r.int(1, 120)} ${r.pick(DEMO_STREETS)}`];
    if (r.chance(0.25))
      lines.unshift(`Bâtiment ${r.pick(['A', 'B', 'C', 'D'])}, appartement ${r.int(1, 40)}`);
    return {
      lines,
      postalCode: commune.postalCode,
      city: commune.name.toUpperCase(),
      inseeCode: commune.inseeCode,
      country: 'FR',
    };
  }

  // --- référentiel ----------------------------------------------------------------------------------------------------

  private entries(list: CodeListCode): readonly CodeListEntrySeed[] {
    return this.lists.get(list) ?? [];
  }

  private entriesUnder(list: CodeListCode, parentCode: string): CodeListEntrySeed[] {
    return this.entries(list).filter((entry) => entry.parentCode === parentCode);
  }

  private codeUnder(list: CodeListCode, parentCode: string): string {
    const entries = this.entriesUnder(list, parentCode);
    if (entries.length === 0)
      throw new Error(`référentiel list '${list}' has no entry under '${parentCode}'`);
    return this.random.pick(entries).code;
  }

  private labelOf(list: CodeListCode, code: string): string {
    return this.entries(list).find((entry) => entry.code === code)?.label ?? code;
  }

  private daysAgo(days: number): string {
    return addDays(this.today, -days);
  }
}

/** The NIR key: 97 − (the 13 digits mod 97), Corsica's 2A/2B counting as 19/18. */
export function demoNirKey(base: string): string {
  const numeric = base.replace('2A', '19').replace('2B', '18');
  return String(97 - Number(BigInt(numeric) % 97n)).padStart(2, '0');
}

function contractHolder(orientation: DemoOrientation): DemoOrganisationKey {
  return orientation.structure === 'plie' ? 'cd52' : orientation.structure;
}

function endContractOn(contract: DemoContract, day: string): void {
  if (contract.status !== 'ended') return;
  const endDay = day < contract.startDate ? contract.startDate : day;
  contract.endDate = endDay;
  const ended = contract.events.find((event) => event.kind === 'ended');
  if (ended) ended.recordedAt = at(endDay, 17);
  contract.updatedAt = at(endDay, 17);
}

function sourceOf(organisation: DemoOrganisationKey): SourceSystem {
  switch (organisation) {
    case 'ft-chaumont':
    case 'ft-saint-dizier':
      return 'france_travail';
    case 'ml-nord':
      return 'mission_locale';
    case 'caf52':
      return 'caf';
    case 'msa-sud-champagne':
      return 'msa';
    default:
      return 'department';
  }
}

// --- dates (UTC calendar days as YYYY-MM-DD) ------------------------------------------------------------------------

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function addMonths(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
}

/** The catalogue's birth place of that name (a person account names one of them). */
export function demoBirthPlace(name: string): DemoBirthPlace {
  const place = DEMO_BIRTH_PLACES.find((candidate) => candidate.name === name);
  if (!place) throw new Error(`no demo birth place named ${name}`);
  return place;
}

/** Whole years from one day to another (an age). */
function yearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

function addYears(day: string, years: number): string {
  return addMonths(day, years * 12);
}

function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

function at(day: string, hourUtc: number): Date {
  return new Date(`${day}T${String(hourUtc).padStart(2, '0')}:00:00Z`);
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}

function minDate(a: Date, b: Date): Date {
  return a.getTime() < b.getTime() ? a : b;
}
