import type {
  GeneratedAddress,
  GeneratedFluxHeader,
  GeneratedHousehold,
  GeneratedPerson,
} from './caf-flux-generator.types';
import { isoFromDayNumber, isoToDayNumber } from './iso-date';

/**
 * The text of a vrsb0801 flux, element by element in the order of the schema's sequences. Only the blocks the hub
 * reads, and those a real file always has, are written: optional blocks such as `Ressources`, `Rattachement` or
 * `Controle` are left out.
 */

export interface XmlLayoutOptions {
  /** Tabs before each element (default true). */
  indent?: boolean;
}

const DEPTHS = 12;
const INDENTED = Array.from({ length: DEPTHS }, (_, depth) => '\t'.repeat(depth));
const FLAT = Array.from({ length: DEPTHS }, () => '');

const NEEDS_ESCAPE = /[&<>]/;

function escapeText(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

/** Appends lines to one string (V8 concatenation is cheap); `pad` is the indentation of each depth. */
class XmlText {
  text = '';

  constructor(private readonly pad: readonly string[]) {}

  open(depth: number, name: string): void {
    this.text += `${this.pad[depth]}<${name}>\n`;
  }

  close(depth: number, name: string): void {
    this.text += `${this.pad[depth]}</${name}>\n`;
  }

  /** A leaf; an empty value gives `<NAME />` as in the samples. */
  leaf(depth: number, name: string, value: string): void {
    this.text +=
      value === ''
        ? `${this.pad[depth]}<${name} />\n`
        : `${this.pad[depth]}<${name}>${escapeText(value)}</${name}>\n`;
  }

  /** A leaf written only when the value is defined. */
  optional(depth: number, name: string, value: string | undefined): void {
    if (value !== undefined) this.leaf(depth, name, value);
  }

  flag(depth: number, name: string, value: boolean): void {
    this.text += `${this.pad[depth]}<${name}>${value ? '1' : '0'}</${name}>\n`;
  }
}

function layout(options: XmlLayoutOptions | undefined): readonly string[] {
  return options?.indent === false ? FLAT : INDENTED;
}

/** A decimal of `totalDigits` 9 and `fractionDigits` 2, zero-padded like the samples (0001675.00). */
export function formatAmount(value: number): string {
  const cents = Math.round(Math.abs(value) * 100);
  const text = `${String(Math.floor(cents / 100)).padStart(7, '0')}.${String(cents % 100).padStart(2, '0')}`;
  return value < 0 ? `-${text}` : text;
}

/** The XML declaration, `Racine`'s start tag and `IdentificationFlux`. */
export function buildFluxHead(
  header: GeneratedFluxHeader,
  options: XmlLayoutOptions & { schemaLocation?: string | null } = {},
): string {
  const xml = new XmlText(layout(options));
  const schemaLocation = options.schemaLocation === undefined ? 'vrsb0801.xsd' : options.schemaLocation;
  const creationDate =
    header.creationDate ??
    (header.fluxType === 'M'
      ? isoFromDayNumber(isoToDayNumber(header.referenceDate) + 5)
      : header.referenceDate);
  xml.text += '<?xml version="1.0" encoding="windows-1252"?>\n';
  xml.text +=
    schemaLocation === null
      ? '<Racine>\n'
      : `<Racine xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="${escapeAttribute(schemaLocation)}">\n`;
  xml.open(1, 'IdentificationFlux');
  xml.leaf(2, 'APPLIEME', header.application ?? 'CRI');
  xml.leaf(2, 'NUMVERSIONAPPLIEME', header.version ?? '6200');
  xml.leaf(2, 'TYPEFLUX', header.fluxType);
  xml.leaf(2, 'NATFLUX', header.nature ?? 'D');
  xml.leaf(2, 'DTCREAFLUX', creationDate);
  xml.leaf(2, 'HEUCREAFLUX', header.creationTime ?? '01:18:36.0000');
  xml.leaf(2, 'DTREF', header.referenceDate);
  xml.close(1, 'IdentificationFlux');
  return xml.text;
}

/** `TransmissionFlux` and the end of `Racine`. */
export function buildFluxTail(
  households: number,
  anomalyHouseholds: number,
  options: XmlLayoutOptions = {},
): string {
  const xml = new XmlText(layout(options));
  xml.open(1, 'TransmissionFlux');
  xml.leaf(2, 'NBTOTDOSRSATRANSM', String(households).padStart(8, '0'));
  xml.leaf(2, 'NBTOTDOSRSATRANSMANO', String(anomalyHouseholds).padStart(8, '0'));
  xml.close(1, 'TransmissionFlux');
  xml.text += '</Racine>\n';
  return xml.text;
}

function writePerson(xml: XmlText, person: GeneratedPerson, household: GeneratedHousehold): void {
  xml.open(2, 'Personne');
  xml.open(3, 'Identification');
  xml.optional(4, 'QUAL', person.qual);
  xml.leaf(4, 'NOM', person.nom);
  xml.leaf(4, 'NOMNAI', person.nomnai);
  xml.leaf(4, 'PRENOM', person.prenom);
  xml.optional(4, 'PRENOM2', person.prenom2);
  xml.leaf(4, 'NOMCOMNAI', person.nomcomnai);
  xml.leaf(4, 'DTNAI', person.dtnai);
  xml.leaf(4, 'TYPEDTNAI', 'N');
  if (person.nir !== undefined) {
    xml.leaf(4, 'NIR', person.nir);
    xml.flag(4, 'TOPVALIEC', true);
  }
  xml.leaf(4, 'SEXE', person.sexe);
  xml.close(3, 'Identification');

  xml.open(3, 'DossierCAF');
  xml.flag(4, 'TOPRESPDOS', person.respDos);
  xml.leaf(4, 'DDRATDOS', person.attachedSince ?? household.dtdemrsa);
  xml.close(3, 'DossierCAF');

  const dependent = person.role === 'ENF';
  for (const prestation of ['PFA', 'RSA']) {
    xml.open(3, 'Prestations');
    xml.leaf(4, 'NATPREST', prestation);
    xml.leaf(4, 'ROLEPERS', person.role);
    xml.flag(4, 'TOPCHAPERS', dependent);
    xml.close(3, 'Prestations');
  }

  if (person.franceTravailId !== undefined) {
    xml.open(3, 'DossierPoleEmploi');
    xml.leaf(4, 'IDASSEDIC', person.franceTravailId);
    xml.close(3, 'DossierPoleEmploi');
  }

  xml.open(3, 'MontantCalculDroitRSAPersonne');
  xml.flag(4, 'TOPPERSDRODEVORSA', person.subjectToRightsAndDuties);
  xml.close(3, 'MontantCalculDroitRSAPersonne');

  if (person.activity !== undefined) {
    xml.open(3, 'Activite');
    xml.optional(4, 'REG', person.activity.regime);
    xml.leaf(4, 'ACT', person.activity.code);
    xml.leaf(4, 'DDACT', person.activity.since);
    xml.close(3, 'Activite');
  }
  xml.close(2, 'Personne');
}

function writeAddress(xml: XmlText, address: GeneratedAddress): void {
  xml.open(3, 'Adresse');
  xml.open(4, 'TroncCommunAdresse');
  xml.leaf(5, 'RGADR', '01');
  xml.optional(5, 'DTEMM', address.movedInOn);
  xml.leaf(5, 'PAYS', 'FRA');
  xml.leaf(5, 'TYPEADR', 'D');
  xml.leaf(5, 'ETATADR', 'CO');
  xml.close(4, 'TroncCommunAdresse');
  xml.open(4, 'AdresseDetailleeFrance');
  xml.leaf(5, 'COMPLIDEADR', address.complideadr ?? '');
  xml.leaf(5, 'COMPLADR', address.compladr ?? '');
  xml.leaf(5, 'NUMVOIE', address.numvoie);
  xml.leaf(5, 'LIBTYPEVOIE', address.libtypevoie);
  xml.leaf(5, 'NOMVOIE', address.nomvoie);
  xml.leaf(5, 'LIEUDIST', address.lieudist ?? '');
  xml.leaf(5, 'NUMCOM', address.numcom);
  xml.leaf(5, 'CODEPOS', address.codepos);
  xml.leaf(5, 'NOMCOM', address.nomcom);
  xml.close(4, 'AdresseDetailleeFrance');
  xml.close(3, 'Adresse');
}

/** One `InfosFoyerRSA` element (with its trailing newline), at depth 1 under `Racine`. */
export function buildHouseholdXml(household: GeneratedHousehold, options?: XmlLayoutOptions): string {
  const xml = new XmlText(layout(options));
  xml.open(1, 'InfosFoyerRSA');

  xml.open(2, 'IdentificationRSA');
  xml.open(3, 'Organisme');
  xml.leaf(4, 'FONORG', household.organisme);
  xml.leaf(4, 'NUMORG', household.numorg);
  xml.leaf(4, 'MATRICULE', household.matricule);
  xml.close(3, 'Organisme');
  xml.open(3, 'Partenaire');
  // The samples pad the partner type to the field's width.
  xml.leaf(4, 'TYPEPARTE', 'CG ');
  xml.leaf(4, 'IDEPARTE', household.departmentCode);
  xml.close(3, 'Partenaire');
  xml.open(3, 'DemandeRSA');
  xml.leaf(4, 'DTDEMRSA', household.dtdemrsa);
  xml.leaf(4, 'NUMDEMRSA', household.numdemrsa);
  xml.close(3, 'DemandeRSA');
  xml.close(2, 'IdentificationRSA');

  for (const person of household.persons) writePerson(xml, person, household);

  xml.open(2, 'DonneesAdministratives');
  xml.open(3, 'SituationFamille');
  xml.leaf(4, 'SITFAM', household.sitfam);
  xml.leaf(4, 'DDSITFAM', household.sitfamSince);
  xml.close(3, 'SituationFamille');
  writeAddress(xml, household.address);
  xml.close(2, 'DonneesAdministratives');

  xml.open(2, 'PrestationRSA');
  xml.open(3, 'SituationDossierRSA');
  xml.open(4, 'EtatDossierRSA');
  xml.leaf(5, 'ETATDOSRSA', household.etatDossier);
  xml.close(4, 'EtatDossierRSA');
  if (household.rightSuspension !== undefined) {
    xml.open(4, 'SuspensionDroit');
    xml.leaf(5, 'MOTISUSDRORSA', household.rightSuspension.reason);
    xml.leaf(5, 'DDSUSDRORSA', household.rightSuspension.since);
    xml.close(4, 'SuspensionDroit');
  }
  if (household.suspension !== undefined) {
    xml.open(4, 'SuspensionVersement');
    xml.leaf(5, 'MOTISUSVERSRSA', household.suspension.reason);
    xml.leaf(5, 'DDSUSVERSRSA', household.suspension.since);
    xml.close(4, 'SuspensionVersement');
  }
  if (household.closure !== undefined) {
    const element =
      (household.closure.previousMonth ?? household.etatDossier === '6')
        ? 'FinDroitMoisAnterieur'
        : 'FinDroit';
    xml.open(4, element);
    xml.leaf(5, 'MOTICLORSA', household.closure.reason);
    xml.leaf(5, 'DTCLORSA', household.closure.date);
    xml.close(4, element);
  }
  xml.close(3, 'SituationDossierRSA');

  xml.open(3, 'DetailDroitRSA');
  xml.open(4, 'TroncCommunDroitRSA');
  xml.flag(5, 'TOPSANSDOMFIXE', household.homeless);
  let children = 0;
  let subject = false;
  for (const person of household.persons) {
    if (person.role === 'ENF') children += 1;
    if (person.subjectToRightsAndDuties) subject = true;
  }
  xml.leaf(5, 'NBENFAUTCHA', String(Math.min(children, 99)).padStart(2, '0'));
  xml.leaf(5, 'ORIDEMRSA', household.origin ?? 'DEM');
  xml.optional(5, 'DTORIDEMRSA', household.originDate);
  xml.flag(5, 'TOPFOYDRODEVORSA', subject);
  xml.close(4, 'TroncCommunDroitRSA');
  if (household.payment !== undefined) {
    xml.open(4, 'DetailCalculDroitRSA');
    xml.leaf(5, 'NATPF', household.payment.natpf);
    xml.leaf(5, 'SOUSNATPF', household.payment.sousnatpf);
    xml.leaf(5, 'DDNATDRO', household.payment.since);
    xml.leaf(5, 'MTRSAVERS', formatAmount(household.payment.amount));
    xml.leaf(5, 'DTDERRSAVERS', household.payment.lastPaidOn);
    xml.close(4, 'DetailCalculDroitRSA');
  }
  xml.close(3, 'DetailDroitRSA');
  xml.close(2, 'PrestationRSA');

  if (household.anomalies !== undefined)
    for (const anomaly of household.anomalies) {
      xml.open(2, 'Anomalie');
      xml.leaf(3, 'LIBANO', anomaly);
      xml.close(2, 'Anomalie');
    }

  xml.close(1, 'InfosFoyerRSA');
  return xml.text;
}
