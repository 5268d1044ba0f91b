import { neutraliseFormula, type RecordIssue } from '@spie/ingestion/domain';
import { ROME_CODE } from '../shared/codes';
import type {
  FranceTravailDiagnosticProject,
  FranceTravailDiagnosticRecord,
  FranceTravailDiagnosticTheme,
  FranceTravailObjective,
  FranceTravailUnmapped,
  UnmappedKind,
} from './diagnostic.types';
import { ftReferentiel, sameLabel } from './ft-referentiel';

export type DossierMapping = Omit<FranceTravailDiagnosticRecord, 'franceTravailId'>;

/** When several target jobs grade the same besoin, the strongest statement wins: a need, then a strength. */
const BESOIN_RANK: Record<string, number> = { BESOIN: 3, POINT_FORT: 2, NON_EXPLORE: 1 };

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A code as France Travail writes it: a string, sometimes a number. */
function codeOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}

class ThemeAccumulator {
  readonly situations: string[] = [];
  readonly needs = new Map<string, string>();
  readonly constraints = new Map<string, string>();

  constructor(readonly code: string) {}

  toTheme(): FranceTravailDiagnosticTheme {
    const theme: FranceTravailDiagnosticTheme = { code: this.code };
    if (this.situations.length > 0) theme.situations = [...this.situations];
    if (this.needs.size > 0) theme.needs = [...this.needs].map(([code, value]) => ({ code, value }));
    if (this.constraints.size > 0) {
      theme.constraints = [...this.constraints].map(([code, value]) => ({ code, value }));
    }
    return theme;
  }
}

/**
 * Maps one `DossierIndividuData` onto our référentiel, by code only (labels are compared for a warning, never used to
 * map). Whatever has no place (unknown code, value out of its list, situation under another contrainte, job without
 * ROME code) goes to `unmapped` with a warning. Structural faults of the dossier itself are errors.
 */
export class DossierMapper {
  readonly issues: RecordIssue[] = [];
  private readonly ref = ftReferentiel();
  private readonly themes = new Map<string, ThemeAccumulator>();
  private readonly objectives: FranceTravailObjective[] = [];
  private readonly projects: FranceTravailDiagnosticProject[] = [];
  private readonly unmapped: FranceTravailUnmapped[] = [];
  private readonly dates: number[] = [];
  private adviserId: string | null = null;

  constructor(private readonly path: string) {}

  map(dossier: JsonObject): DossierMapping {
    const contraintes = dossier['contraintesIndividusDto'];
    if (contraintes !== undefined && contraintes !== null) {
      if (isObject(contraintes)) this.mapContraintes(contraintes, `${this.path}.contraintesIndividusDto`);
      else this.error('SCHEMA_VIOLATION', `${this.path}.contraintesIndividusDto`, 'is not an object');
    }
    const besoins = dossier['besoinsParDiagnosticIndividuDtos'];
    if (besoins !== undefined && besoins !== null) {
      if (Array.isArray(besoins)) {
        besoins.forEach((dto, i) =>
          this.mapBesoinsParMetier(dto, `${this.path}.besoinsParDiagnosticIndividuDtos[${i}]`),
        );
      } else {
        this.error('SCHEMA_VIOLATION', `${this.path}.besoinsParDiagnosticIndividuDtos`, 'is not an array');
      }
    }
    return {
      observedAt: this.dates.length > 0 ? new Date(Math.max(...this.dates)).toISOString() : null,
      adviserId: this.adviserId,
      themes: [...this.themes.values()].map((theme) => theme.toTheme()),
      projects: this.projects,
      objectives: this.objectives,
      unmapped: this.unmapped,
    };
  }

  private mapContraintes(block: JsonObject, path: string): void {
    this.date(block['dateDeModification'], `${path}.dateDeModification`);
    this.adviserId = this.text(block['conseiller'], `${path}.conseiller`);
    const list = block['contraintes'];
    if (list === undefined || list === null) return;
    if (!Array.isArray(list)) {
      this.error('SCHEMA_VIOLATION', `${path}.contraintes`, 'is not an array');
      return;
    }
    list.forEach((item, i) => this.mapContrainte(item, `${path}.contraintes[${i}]`));
  }

  private mapContrainte(item: unknown, path: string): void {
    if (!isObject(item)) {
      this.warn('SCHEMA_VIOLATION', path, `${path} is not an object; ignored`);
      return;
    }
    const code = codeOf(item['code']);
    const label = this.text(item['libelle'], `${path}.libelle`);
    const value = codeOf(item['valeur']);
    const known = code === null ? undefined : this.ref.contraintes.get(code);
    if (!known) {
      const inner =
        (Array.isArray(item['situations']) ? item['situations'].length : 0) +
        (Array.isArray(item['objectifs']) ? item['objectifs'].length : 0);
      this.unmap(
        'contrainte',
        code,
        label,
        `unknown contrainte code (with ${inner} situations and objectifs)`,
        path,
      );
      return;
    }
    this.checkLabel(label, [known.label], path);
    if (value === null || !known.values.includes(value)) {
      this.unmap(
        'contrainte',
        code,
        label,
        `valeur "${value ?? ''}" is not one of ${known.values.join(', ')}`,
        path,
        'INVALID_VALUE',
      );
      return;
    }
    this.date(item['date'], `${path}.date`);
    const theme = this.theme(known.themeCode);
    theme.constraints.set(code as string, value);

    this.each(item['situations'], `${path}.situations`, (situation, at) => {
      const sCode = codeOf(situation['code']);
      const sLabel = this.text(situation['libelle'], `${at}.libelle`);
      const sValue = codeOf(situation['valeur']);
      const found = sCode === null ? undefined : this.ref.situations.get(sCode);
      if (!found) return this.unmap('situation', sCode, sLabel, 'unknown situation code', at);
      if (found.contrainte !== code) {
        return this.unmap(
          'situation',
          sCode,
          sLabel,
          `belongs to contrainte ${found.contrainte}, found under ${code}`,
          at,
        );
      }
      this.checkLabel(sLabel, found.labels, at);
      if (sValue === null || !found.values.includes(sValue)) {
        return this.unmap(
          'situation',
          sCode,
          sLabel,
          `valeur "${sValue ?? ''}" is not one of ${found.values.join(', ')}`,
          at,
          'INVALID_VALUE',
        );
      }
      if (sValue === 'OUI' && value === 'OUI' && !theme.situations.includes(found.situationCode)) {
        theme.situations.push(found.situationCode);
      }
    });

    this.each(item['objectifs'], `${path}.objectifs`, (objectif, at) => {
      const oCode = codeOf(objectif['code']);
      const oLabel = this.text(objectif['libelle'], `${at}.libelle`);
      const oValue = codeOf(objectif['valeur']);
      const found = oCode === null ? undefined : this.ref.objectifs.get(oCode);
      if (!found) return this.unmap('objectif', oCode, oLabel, 'unknown objectif code', at);
      if (found.contrainte !== code) {
        return this.unmap(
          'objectif',
          oCode,
          oLabel,
          `belongs to contrainte ${found.contrainte}, found under ${code}`,
          at,
        );
      }
      this.checkLabel(oLabel, found.labels, at);
      if (oValue === null || !found.values.includes(oValue)) {
        return this.unmap(
          'objectif',
          oCode,
          oLabel,
          `valeur "${oValue ?? ''}" is not one of ${found.values.join(', ')}`,
          at,
          'INVALID_VALUE',
        );
      }
      if (!this.objectives.some((o) => o.code === found.objectiveCode)) {
        this.objectives.push({ themeCode: known.themeCode, code: found.objectiveCode, value: oValue });
      }
    });
  }

  private mapBesoinsParMetier(dto: unknown, path: string): void {
    if (!isObject(dto)) {
      this.warn('SCHEMA_VIOLATION', path, `${path} is not an object; ignored`);
      return;
    }
    this.date(dto['dateMiseAJour'], `${path}.dateMiseAJour`);
    const jobLabel = this.text(dto['nomMetier'], `${path}.nomMetier`);
    const rome = codeOf(dto['codeRome'] ?? dto['romeCode']);
    if (rome !== null && ROME_CODE.test(rome.toUpperCase())) {
      const romeCode = rome.toUpperCase();
      if (!this.projects.some((p) => p.romeCode === romeCode))
        this.projects.push({ romeCode, label: jobLabel });
    } else if (rome !== null) {
      this.unmap('metier', rome, jobLabel, 'not a ROME code', path);
    } else if (jobLabel !== null) {
      this.unmap(
        'metier',
        null,
        jobLabel,
        'target job without ROME code (the API gives an encrypted job id)',
        path,
        'MISSING_FIELD',
      );
    }
    this.each(dto['besoins'], `${path}.besoins`, (besoin, at) => {
      const code = codeOf(besoin['code']);
      const label = this.text(besoin['libelle'], `${at}.libelle`);
      const value = codeOf(besoin['valeur']);
      const found = code === null ? undefined : this.ref.besoins.get(code);
      if (!found) return this.unmap('besoin', code, label, 'unknown besoin code', at);
      if (value === null || !this.ref.besoinValues.includes(value)) {
        return this.unmap(
          'besoin',
          code,
          label,
          `valeur "${value ?? ''}" is not one of ${this.ref.besoinValues.join(', ')}`,
          at,
          'INVALID_VALUE',
        );
      }
      const needs = this.theme(found.themeCode).needs;
      const previous = needs.get(found.objectiveCode);
      if (previous === undefined || BESOIN_RANK[value] > BESOIN_RANK[previous])
        needs.set(found.objectiveCode, value);
    });
  }

  private each(list: unknown, path: string, visit: (item: JsonObject, path: string) => void): void {
    if (list === undefined || list === null) return;
    if (!Array.isArray(list)) {
      this.warn('SCHEMA_VIOLATION', path, `${path} is not an array; ignored`);
      return;
    }
    list.forEach((item, i) => {
      if (isObject(item)) visit(item, `${path}[${i}]`);
      else this.warn('SCHEMA_VIOLATION', `${path}[${i}]`, `${path}[${i}] is not an object; ignored`);
    });
  }

  private theme(code: string): ThemeAccumulator {
    let theme = this.themes.get(code);
    if (!theme) {
      theme = new ThemeAccumulator(code);
      this.themes.set(code, theme);
    }
    return theme;
  }

  private checkLabel(label: string | null, expected: readonly string[], path: string): void {
    if (label === null || expected.some((candidate) => sameLabel(candidate, label))) return;
    this.warn(
      'INVALID_VALUE',
      `${path}.libelle`,
      `libellé "${label}" differs from référentiel ${this.ref.version} ("${expected[0]}"); mapped by code`,
    );
  }

  private text(value: unknown, path: string): string | null {
    if (typeof value !== 'string') return null;
    const trimmed = value.trim().replace(/\s+/g, ' ');
    if (trimmed === '') return null;
    const { value: safe, neutralised } = neutraliseFormula(trimmed);
    if (neutralised)
      this.warn('FORMULA_NEUTRALISED', path, 'starts like a spreadsheet formula; kept as text');
    return safe;
  }

  private date(value: unknown, path: string): void {
    if (value === undefined || value === null) return;
    const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(time))
      this.warn('INVALID_DATE', path, `${path} is not a date: "${String(value).slice(0, 40)}"`);
    else this.dates.push(time);
  }

  private unmap(
    kind: UnmappedKind,
    code: string | null,
    label: string | null,
    reason: string,
    path: string,
    issueCode: RecordIssue['code'] = 'INVALID_CODE',
  ): void {
    const duplicate = this.unmapped.some(
      (u) => u.kind === kind && u.code === code && u.label === label && u.reason === reason,
    );
    if (!duplicate) this.unmapped.push({ kind, code, label, reason });
    this.warn(
      issueCode,
      path,
      `${kind} ${code ?? '(no code)'}${label ? ` "${label}"` : ''}: ${reason}; not mapped`,
    );
  }

  private warn(code: RecordIssue['code'], field: string, message: string): void {
    this.issues.push({ code, field, message, severity: 'warning' });
  }

  private error(code: RecordIssue['code'], field: string, message: string): void {
    this.issues.push({ code, field, message: `${field} ${message}`, severity: 'error' });
  }
}
