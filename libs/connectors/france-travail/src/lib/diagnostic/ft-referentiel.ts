import { REFERENTIEL_V1, type CodeListCode, type CodeListEntrySeed } from '@spie/referentiel/domain';

/** The France Travail code lists of the référentiel, indexed for the diagnostic mapping (built once). */
export interface FtReferentiel {
  version: string;
  /** `ft-contrainte` code → our theme. */
  contraintes: Map<string, { themeCode: string; label: string; values: readonly string[] }>;
  /** `ft-situation-value` code → its contrainte and our situation. */
  situations: Map<
    string,
    { contrainte: string; situationCode: string; labels: readonly string[]; values: readonly string[] }
  >;
  /** `ft-objectif-value` code → its contrainte and our objective. */
  objectifs: Map<
    string,
    { contrainte: string; objectiveCode: string; labels: readonly string[]; values: readonly string[] }
  >;
  /** France Travail besoin code → our objective of a professional theme (`externalCodes.franceTravailBesoin`). */
  besoins: Map<string, { themeCode: string; objectiveCode: string }>;
  /** `ft-besoin-value` codes. */
  besoinValues: readonly string[];
}

let cached: FtReferentiel | null = null;

function entriesOf(list: CodeListCode): CodeListEntrySeed[] {
  const found = REFERENTIEL_V1.lists.find((candidate) => candidate.code === list);
  if (!found) throw new Error(`Référentiel ${REFERENTIEL_V1.version} has no list ${list}`);
  return found.entries;
}

function values(entry: CodeListEntrySeed): string[] {
  const raw = entry.attributes?.['valeurs'];
  return typeof raw === 'string' ? raw.split('|') : [];
}

function external(entry: CodeListEntrySeed, key: string): string {
  const value = entry.externalCodes?.[key];
  if (!value) throw new Error(`Référentiel entry ${entry.code} has no externalCodes.${key}`);
  return value;
}

function labels(entry: CodeListEntrySeed): string[] {
  const official = entry.attributes?.['officialLabel'];
  return typeof official === 'string' ? [entry.label, official] : [entry.label];
}

export function ftReferentiel(): FtReferentiel {
  if (cached) return cached;
  const contraintes: FtReferentiel['contraintes'] = new Map();
  for (const entry of entriesOf('ft-contrainte')) {
    contraintes.set(entry.code, {
      themeCode: external(entry, 'theme'),
      label: entry.label,
      values: values(entry),
    });
  }
  const situations: FtReferentiel['situations'] = new Map();
  for (const entry of entriesOf('ft-situation-value')) {
    situations.set(entry.code, {
      contrainte: entry.parentCode ?? '',
      situationCode: external(entry, 'situation'),
      labels: labels(entry),
      values: values(entry),
    });
  }
  const objectifs: FtReferentiel['objectifs'] = new Map();
  for (const entry of entriesOf('ft-objectif-value')) {
    objectifs.set(entry.code, {
      contrainte: entry.parentCode ?? '',
      objectiveCode: external(entry, 'objective'),
      labels: labels(entry),
      values: values(entry),
    });
  }
  const besoins: FtReferentiel['besoins'] = new Map();
  for (const entry of entriesOf('objective')) {
    const besoin = entry.externalCodes?.['franceTravailBesoin'];
    if (besoin && entry.parentCode)
      besoins.set(besoin, { themeCode: entry.parentCode, objectiveCode: entry.code });
  }
  cached = {
    version: REFERENTIEL_V1.version,
    contraintes,
    situations,
    objectifs,
    besoins,
    besoinValues: entriesOf('ft-besoin-value').map((entry) => entry.code),
  };
  return cached;
}

/** Label comparison that ignores case, accents, apostrophe style and spacing. */
export function sameLabel(a: string, b: string): boolean {
  const normalise = (value: string): string =>
    value
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[’‘`]/g, "'")
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  return normalise(a) === normalise(b);
}
