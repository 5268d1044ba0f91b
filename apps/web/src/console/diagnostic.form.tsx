import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';

import { useGqlMutation } from '../shared/graphql';
import { NEED_VALUE, label } from '../shared/words';
import { constraintValues, offered, themeOfConstraint, useLists } from './referentiel';

const RECORD = /* GraphQL */ `
  mutation RecordDiagnostic($input: RecordDiagnosticInput!) {
    recordDiagnostic(input: $input) {
      id
      version
    }
  }
`;

const NEED_GRADES = ['BESOIN', 'POINT_FORT', 'NON_EXPLORE'] as const;
const ROME = /^[A-N]\d{4}$/;

interface Graded {
  code: string;
  value: string;
}

/** What the current version states, theme by theme: the form starts from it and sends the whole new state. */
export interface DiagnosticState {
  themes: Array<{
    code: string;
    situations: Array<{ code: string }>;
    needs: Graded[];
    constraints: Graded[];
    objectives: Graded[];
  }>;
  projects: Array<{ romeCode: string; label: string | null; mobilityRadiusKm: number | null }>;
}

type Grades = Record<string, Record<string, string>>;

const gradesOf = (themes: DiagnosticState['themes'], key: 'needs' | 'constraints'): Grades =>
  Object.fromEntries(
    themes.map((theme) => [
      theme.code,
      Object.fromEntries(theme[key].map((item) => [item.code, item.value])),
    ]),
  );

/**
 * A new version of the diagnostic, on the versioned référentiel: situations, needs (graded), France Travail
 * constraints (with their value) theme by theme, and the professional projects (ROME codes). It sends the whole new
 * state; what is unchanged keeps its provenance on the server, what changed is recorded as the agent's.
 */
export function DiagnosticForm({ personId, current }: { personId: string; current: DiagnosticState }) {
  const lists = useLists(['theme', 'situation', 'objective', 'ft-contrainte']);
  const [situations, setSituations] = useState<Record<string, string[]>>(
    Object.fromEntries(current.themes.map((t) => [t.code, t.situations.map((s) => s.code)])),
  );
  const [needs, setNeeds] = useState<Grades>(gradesOf(current.themes, 'needs'));
  const [constraints, setConstraints] = useState<Grades>(gradesOf(current.themes, 'constraints'));
  const [projects, setProjects] = useState(
    current.projects.map((p) => ({
      romeCode: p.romeCode,
      label: p.label ?? '',
      mobilityRadiusKm: p.mobilityRadiusKm,
    })),
  );
  const [rome, setRome] = useState({ romeCode: '', label: '' });
  const record = useGqlMutation<unknown, { input: Record<string, unknown> }>(RECORD);

  const toggle = (theme: string, code: string, on: boolean) =>
    setSituations((prev) => {
      const list = new Set(prev[theme] ?? []);
      if (on) list.add(code);
      else list.delete(code);
      return { ...prev, [theme]: [...list] };
    });
  const grade = (setter: typeof setNeeds) => (theme: string, code: string, value: string) =>
    setter((prev) => {
      const next = { ...(prev[theme] ?? {}) };
      if (value) next[code] = value;
      else delete next[code];
      return { ...prev, [theme]: next };
    });
  const addProject = () => {
    const romeCode = rome.romeCode.trim().toUpperCase();
    if (!ROME.test(romeCode) || projects.some((p) => p.romeCode === romeCode)) return;
    setProjects([...projects, { romeCode, label: rome.label.trim(), mobilityRadiusKm: null }]);
    setRome({ romeCode: '', label: '' });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const objectives = Object.fromEntries(current.themes.map((t) => [t.code, t.objectives]));
    const codes = new Set([
      ...Object.keys(situations),
      ...Object.keys(needs),
      ...Object.keys(constraints),
      ...Object.keys(objectives),
    ]);
    const graded = (grades: Grades, theme: string) =>
      Object.entries(grades[theme] ?? {}).map(([code, value]) => ({ code, value }));
    record.mutate({
      input: {
        personId,
        themes: [...codes]
          .map((code) => ({
            code,
            situations: situations[code] ?? [],
            needs: graded(needs, code),
            constraints: graded(constraints, code),
            // Objectives worked on come from a partner's diagnostic: kept as they are.
            objectives: (objectives[code] ?? []).map(({ code: c, value }) => ({ code: c, value })),
          }))
          .filter(
            (t) => t.situations.length + t.needs.length + t.constraints.length + t.objectives.length > 0,
          ),
        projects: projects.map((p) => ({
          romeCode: p.romeCode,
          label: p.label || null,
          mobilityRadiusKm: p.mobilityRadiusKm,
        })),
      },
    });
  };

  return (
    <form onSubmit={submit} aria-labelledby="nouveau-diagnostic">
      <h3 id="nouveau-diagnostic">Mettre à jour le diagnostic</h3>
      <p className={fr.cx('fr-text--sm')}>
        Ce que vous ne changez pas garde sa source ; ce que vous changez est enregistré à votre nom.
      </p>
      {offered(lists['theme']).map((theme) => {
        const themeSituations = offered(lists['situation']).filter((s) => s.parentCode === theme.code);
        const themeNeeds = offered(lists['objective']).filter((o) => o.parentCode === theme.code);
        const themeConstraints = offered(lists['ft-contrainte']).filter(
          (c) => themeOfConstraint(c) === theme.code,
        );
        const count =
          (situations[theme.code]?.length ?? 0) +
          Object.keys(needs[theme.code] ?? {}).length +
          Object.keys(constraints[theme.code] ?? {}).length;
        return (
          <details key={theme.code} className={fr.cx('fr-mb-2w')} data-theme-form={theme.code}>
            <summary>
              {theme.label}
              {count > 0 ? ` (${count})` : ''}
            </summary>
            {themeSituations.length > 0 && (
              <Checkbox
                legend={`Situations — ${theme.label}`}
                small
                options={themeSituations.map((s) => ({
                  label: s.label,
                  nativeInputProps: {
                    checked: (situations[theme.code] ?? []).includes(s.code),
                    onChange: (e) => toggle(theme.code, s.code, e.target.checked),
                  },
                }))}
              />
            )}
            {themeConstraints.map((c) => (
              <Select
                key={c.code}
                label={`Contrainte : ${c.label}`}
                nativeSelectProps={{
                  value: constraints[theme.code]?.[c.code] ?? '',
                  onChange: (e) => grade(setConstraints)(theme.code, c.code, e.target.value),
                }}
              >
                <option value="">Non renseignée</option>
                {constraintValues(c).map((value) => (
                  <option key={value} value={value}>
                    {label(NEED_VALUE, value)}
                  </option>
                ))}
              </Select>
            ))}
            {themeNeeds.length > 0 && (
              <fieldset className={fr.cx('fr-fieldset')}>
                <legend className={fr.cx('fr-fieldset__legend', 'fr-text--regular')}>
                  Besoins — {theme.label}
                </legend>
                {themeNeeds.map((n) => (
                  <div key={n.code} className={fr.cx('fr-fieldset__element')}>
                    <Select
                      label={n.label}
                      nativeSelectProps={{
                        value: needs[theme.code]?.[n.code] ?? '',
                        onChange: (e) => grade(setNeeds)(theme.code, n.code, e.target.value),
                      }}
                    >
                      <option value="">Non renseigné</option>
                      {NEED_GRADES.map((value) => (
                        <option key={value} value={value}>
                          {label(NEED_VALUE, value)}
                        </option>
                      ))}
                    </Select>
                  </div>
                ))}
              </fieldset>
            )}
          </details>
        );
      })}
      <fieldset className={fr.cx('fr-fieldset', 'fr-mt-2w')} aria-labelledby="projets-legende">
        <legend id="projets-legende" className={fr.cx('fr-fieldset__legend')}>
          Projets professionnels (métiers ROME)
        </legend>
        {projects.length > 0 && (
          <ul className={fr.cx('fr-fieldset__element')}>
            {projects.map((p) => (
              <li key={p.romeCode}>
                {p.romeCode}
                {p.label ? ` — ${p.label}` : ''}{' '}
                <Button
                  type="button"
                  size="small"
                  priority="tertiary"
                  onClick={() => setProjects(projects.filter((other) => other.romeCode !== p.romeCode))}
                >
                  Retirer {p.romeCode}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className={fr.cx('fr-fieldset__element', 'fr-grid-row', 'fr-grid-row--gutters')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
            <Input
              label="Code ROME"
              hintText="Exemple : K1303"
              nativeInputProps={{
                value: rome.romeCode,
                onChange: (e) => setRome({ ...rome, romeCode: e.target.value }),
                pattern: '[A-Na-n][0-9]{4}',
              }}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
            <Input
              label="Métier"
              hintText="Facultatif"
              nativeInputProps={{
                value: rome.label,
                onChange: (e) => setRome({ ...rome, label: e.target.value }),
              }}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
            <Button type="button" priority="secondary" onClick={addProject} className={fr.cx('fr-mt-4w')}>
              Ajouter le projet
            </Button>
          </div>
        </div>
      </fieldset>
      <Button type="submit" disabled={record.isPending}>
        Enregistrer le diagnostic
      </Button>
      {record.error && (
        <Alert severity="error" title="Diagnostic refusé" description={record.error.message} />
      )}
      {record.isSuccess && <Alert severity="success" small title="Diagnostic enregistré" description="" />}
    </form>
  );
}
