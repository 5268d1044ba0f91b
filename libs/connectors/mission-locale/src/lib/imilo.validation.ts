import type {
  DossierMiloAccompagnementCejDto,
  DossierMiloAdresseDto,
  DossierMiloDto,
  DossierMiloSituationDto,
  DossierMiloStructureDto,
  EvenementMiloDto,
  RendezVousMiloDto,
} from './imilo.dto';

/**
 * Structural validation of i-Milo answers: types and presence only (formats are the mapper's business and become
 * record issues). A validator returns a normalised copy (absent nullable fields become `null`) or the list of
 * problems, as JSON paths with what was expected; never the values, which are personal data.
 */
export type Validated<T> = { ok: true; value: T } | { ok: false; problems: string[] };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

class Checker {
  readonly problems: string[] = [];

  /** A required string (may be empty). */
  string(obj: Json, key: string, path: string): string {
    const value = obj[key];
    if (typeof value === 'string') return value;
    this.problems.push(
      `${path}.${key}: expected a string, got ${value === undefined ? 'nothing' : describe(value)}`,
    );
    return '';
  }

  /** A string, null or absent (→ null). */
  nullableString(obj: Json, key: string, path: string): string | null {
    const value = obj[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') return value;
    this.problems.push(`${path}.${key}: expected a string or null, got ${describe(value)}`);
    return null;
  }

  boolean(obj: Json, key: string, path: string): boolean {
    const value = obj[key];
    if (typeof value === 'boolean') return value;
    this.problems.push(
      `${path}.${key}: expected a boolean, got ${value === undefined ? 'nothing' : describe(value)}`,
    );
    return false;
  }

  /** An id: a non-negative integer or a non-empty string. */
  id(obj: Json, key: string, path: string): number | string {
    const value = obj[key];
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    this.problems.push(
      `${path}.${key}: expected an integer or a non-empty string, got ${value === undefined ? 'nothing' : describe(value)}`,
    );
    return '';
  }

  nullableId(obj: Json, key: string, path: string): number | string | null {
    const value = obj[key];
    if (value === undefined || value === null) return null;
    return this.id(obj, key, path);
  }

  /** An object, null or absent (→ null). */
  nullableObject(obj: Json, key: string, path: string): Json | null {
    const value = obj[key];
    if (value === undefined || value === null) return null;
    if (isObject(value)) return value;
    this.problems.push(`${path}.${key}: expected an object or null, got ${describe(value)}`);
    return null;
  }

  object(obj: Json, key: string, path: string): Json | null {
    const value = obj[key];
    if (isObject(value)) return value;
    this.problems.push(
      `${path}.${key}: expected an object, got ${value === undefined ? 'nothing' : describe(value)}`,
    );
    return null;
  }

  array(obj: Json, key: string, path: string): unknown[] {
    const value = obj[key];
    if (Array.isArray(value)) return value;
    this.problems.push(
      `${path}.${key}: expected an array, got ${value === undefined ? 'nothing' : describe(value)}`,
    );
    return [];
  }

  result<T>(value: T): Validated<T> {
    return this.problems.length === 0 ? { ok: true, value } : { ok: false, problems: this.problems };
  }
}

export function validateDossierDto(body: unknown): Validated<DossierMiloDto> {
  const c = new Checker();
  if (!isObject(body)) return { ok: false, problems: [`$: expected an object, got ${describe(body)}`] };
  const idDossier = c.id(body, 'idDossier', '$');
  const idJeune = c.nullableString(body, 'idJeune', '$');
  const numeroDE = c.nullableString(body, 'numeroDE', '$');
  const nomNaissance = c.nullableString(body, 'nomNaissance', '$');
  const nomUsage = c.nullableString(body, 'nomUsage', '$');
  if (nomNaissance === null && nomUsage === null && !c.problems.some((p) => p.startsWith('$.nom'))) {
    c.problems.push('$: expected nomNaissance or nomUsage, got neither');
  }
  const prenom = c.string(body, 'prenom', '$');
  const dateNaissance = c.string(body, 'dateNaissance', '$');
  const mail = c.nullableString(body, 'mail', '$');

  let adresse: DossierMiloAdresseDto | null = null;
  const rawAdresse = c.nullableObject(body, 'adresse', '$');
  if (rawAdresse) {
    adresse = {
      numero: c.nullableString(rawAdresse, 'numero', '$.adresse'),
      libelleVoie: c.nullableString(rawAdresse, 'libelleVoie', '$.adresse'),
      complement: c.nullableString(rawAdresse, 'complement', '$.adresse'),
      codePostal: c.nullableString(rawAdresse, 'codePostal', '$.adresse'),
      commune: c.nullableString(rawAdresse, 'commune', '$.adresse'),
    };
  }

  let structureRattachement: DossierMiloStructureDto | null = null;
  const rawStructure = c.nullableObject(body, 'structureRattachement', '$');
  if (rawStructure) {
    structureRattachement = {
      nomUsuel: c.nullableString(rawStructure, 'nomUsuel', '$.structureRattachement'),
      nomOfficiel: c.nullableString(rawStructure, 'nomOfficiel', '$.structureRattachement'),
      codeStructure: c.nullableString(rawStructure, 'codeStructure', '$.structureRattachement'),
    };
  }

  const rawCej = c.object(body, 'accompagnementCEJ', '$');
  const accompagnementCEJ: DossierMiloAccompagnementCejDto = rawCej
    ? {
        accompagnementCEJ: c.boolean(rawCej, 'accompagnementCEJ', '$.accompagnementCEJ'),
        dateDebut: c.nullableString(rawCej, 'dateDebut', '$.accompagnementCEJ'),
        dateFinPrevue: c.nullableString(rawCej, 'dateFinPrevue', '$.accompagnementCEJ'),
        dateFinReelle: c.nullableString(rawCej, 'dateFinReelle', '$.accompagnementCEJ'),
        premierAccompagnement: c.nullableString(rawCej, 'premierAccompagnement', '$.accompagnementCEJ'),
      }
    : {
        accompagnementCEJ: false,
        dateDebut: null,
        dateFinPrevue: null,
        dateFinReelle: null,
        premierAccompagnement: null,
      };

  const situations: DossierMiloSituationDto[] = [];
  c.array(body, 'situations', '$').forEach((raw, index) => {
    const path = `$.situations[${index}]`;
    if (!isObject(raw)) {
      c.problems.push(`${path}: expected an object, got ${describe(raw)}`);
      return;
    }
    situations.push({
      etat: c.string(raw, 'etat', path),
      dateFin: c.nullableString(raw, 'dateFin', path),
      categorieSituation: c.string(raw, 'categorieSituation', path),
      codeRomeMetierPrepare: c.nullableString(raw, 'codeRomeMetierPrepare', path),
      codeRomePremierMetier: c.nullableString(raw, 'codeRomePremierMetier', path),
      codeRomeMetierExerce: c.nullableString(raw, 'codeRomeMetierExerce', path),
    });
  });

  return c.result<DossierMiloDto>({
    idDossier,
    idJeune,
    numeroDE,
    adresse,
    nomNaissance,
    nomUsage,
    prenom,
    dateNaissance,
    mail,
    structureRattachement,
    accompagnementCEJ,
    situations,
  });
}

export function validateRdvDto(body: unknown): Validated<RendezVousMiloDto> {
  const c = new Checker();
  if (!isObject(body)) return { ok: false, problems: [`$: expected an object, got ${describe(body)}`] };
  return c.result<RendezVousMiloDto>({
    id: c.id(body, 'id', '$'),
    dateHeureDebut: c.string(body, 'dateHeureDebut', '$'),
    dateHeureFin: c.nullableString(body, 'dateHeureFin', '$'),
    objet: c.nullableString(body, 'objet', '$') ?? '',
    conseiller: c.nullableString(body, 'conseiller', '$') ?? '',
    idDossier: c.id(body, 'idDossier', '$'),
    commentaire: c.nullableString(body, 'commentaire', '$'),
    lieu: c.nullableString(body, 'lieu', '$'),
    type: c.nullableString(body, 'type', '$') ?? '',
    statut: c.string(body, 'statut', '$'),
  });
}

/**
 * One event of the queue. Only `identifiant` is vital (without it the event can never be acknowledged); the other
 * fields are checked too and their problems reported, so that the caller can record the event as not processable and
 * still acknowledge it rather than block the queue.
 */
export function validateEventDto(
  body: unknown,
  path = '$',
): Validated<EvenementMiloDto> & { identifiant: string | null } {
  const c = new Checker();
  if (!isObject(body)) {
    return { ok: false, identifiant: null, problems: [`${path}: expected an object, got ${describe(body)}`] };
  }
  const identifiant = c.string(body, 'identifiant', path);
  const dto: EvenementMiloDto = {
    identifiant,
    idDossier: c.id(body, 'idDossier', path),
    type: c.string(body, 'type', path),
    action: c.string(body, 'action', path),
    idType: c.nullableId(body, 'idType', path),
    date: c.string(body, 'date', path),
  };
  return { ...c.result(dto), identifiant: identifiant.trim() === '' ? null : identifiant };
}
