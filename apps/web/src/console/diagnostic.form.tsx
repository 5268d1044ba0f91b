import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { useState, type FormEvent } from 'react';

import { useGqlMutation } from '../shared/graphql';
import { useLists } from './referentiel';

const RECORD = /* GraphQL */ `
  mutation RecordDiagnostic($input: RecordDiagnosticInput!) {
    recordDiagnostic(input: $input) {
      id
      version
    }
  }
`;

/** A new version of the diagnostic: the situations observed, theme by theme (the whole new state). */
export function DiagnosticForm({
  personId,
  current,
}: {
  personId: string;
  current: Record<string, string[]>;
}) {
  const lists = useLists(['theme', 'situation']);
  const [chosen, setChosen] = useState<Record<string, string[]>>(current);
  const record = useGqlMutation<unknown, { input: Record<string, unknown> }>(RECORD);
  const toggle = (theme: string, code: string, on: boolean) =>
    setChosen((prev) => {
      const list = new Set(prev[theme] ?? []);
      if (on) list.add(code);
      else list.delete(code);
      return { ...prev, [theme]: [...list] };
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({
      input: {
        personId,
        projects: [],
        themes: Object.entries(chosen)
          .filter(([, situations]) => situations.length > 0)
          .map(([code, situations]) => ({ code, situations })),
      },
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby="nouveau-diagnostic">
      <h3 id="nouveau-diagnostic">Mettre à jour le diagnostic</h3>
      {(lists['theme'] ?? []).map((theme) => {
        const situations = (lists['situation'] ?? []).filter((s) => s.parentCode === theme.code);
        if (situations.length === 0) return null;
        return (
          <details key={theme.code} className={fr.cx('fr-mb-2w')}>
            <summary>{theme.label}</summary>
            <Checkbox
              legend={theme.label}
              small
              options={situations.map((s) => ({
                label: s.label,
                nativeInputProps: {
                  checked: (chosen[theme.code] ?? []).includes(s.code),
                  onChange: (e) => toggle(theme.code, s.code, e.target.checked),
                },
              }))}
            />
          </details>
        );
      })}
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
