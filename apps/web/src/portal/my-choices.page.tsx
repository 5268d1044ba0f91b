import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import { useState } from 'react';

import { useDocumentTitle } from '../shared/document-title';
import { formatDate } from '../shared/format';
import { useGql, useGqlMutation } from '../shared/graphql';
import { QueryState } from '../shared/query-state';
import { PORTAL } from './portal-name';

const CHOICES_QUERY = /* GraphQL */ `
  query MyChoices {
    me {
      choices {
        code
        kind
        title
        effect
        categories
        active
        since
      }
    }
  }
`;

const SET_CHOICE = /* GraphQL */ `
  mutation SetMyChoice($code: String!, $active: Boolean!) {
    setMyChoice(code: $code, active: $active) {
      code
      active
      since
    }
  }
`;

interface Choice {
  code: string;
  kind: 'OPPOSITION' | 'CONSENT';
  title: string;
  effect: string;
  categories: string[];
  active: boolean;
  since: string | null;
}

/** « Mes choix »: the oppositions and consents the law allows, each with what it changes, effective at once. */
export function MyChoicesPage() {
  useDocumentTitle('Mes choix', PORTAL);
  const query = useGql<{ me: { choices: Choice[] } }>(CHOICES_QUERY);
  const setChoice = useGqlMutation<{ setMyChoice: Choice }, { code: string; active: boolean }>(SET_CHOICE);
  // What the person just chose, shown at once while the hub records it (dropped if it refuses).
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const choose = (code: string, active: boolean) => {
    setChosen((prev) => ({ ...prev, [code]: active }));
    setChoice.mutate(
      { code, active },
      {
        onError: () =>
          setChosen((prev) => {
            const { [code]: _dropped, ...rest } = prev;
            return rest;
          }),
      },
    );
  };
  const choices = query.data?.data.me.choices ?? [];
  const group = (kind: Choice['kind']) => choices.filter((c) => c.kind === kind);
  return (
    <>
      <h1>Mes choix</h1>
      <p>
        Les professionnels qui vous accompagnent partagent votre dossier parce que la loi le prévoit. Vous
        pouvez refuser certains partages, ou en accepter d’autres. Votre choix compte tout de suite.
      </p>
      {setChoice.error && (
        <Alert
          severity="error"
          title="Votre choix n’a pas été enregistré"
          description={setChoice.error.message}
        />
      )}
      {setChoice.isSuccess && (
        <Alert
          severity="success"
          title="Votre choix est enregistré"
          description="Il compte dès maintenant."
          small
        />
      )}
      <QueryState loading={query.isLoading} error={query.error}>
        {() => (
          <>
            {(['OPPOSITION', 'CONSENT'] as const).map((kind) =>
              group(kind).length === 0 ? null : (
                <section key={kind} aria-labelledby={`choix-${kind}`} className={fr.cx('fr-mb-4w')}>
                  <h2 id={`choix-${kind}`}>
                    {kind === 'OPPOSITION' ? 'Je refuse un partage' : 'J’accepte un partage'}
                  </h2>
                  <fieldset className={fr.cx('fr-fieldset')}>
                    <legend className={fr.cx('fr-sr-only')}>
                      {kind === 'OPPOSITION'
                        ? 'Partages que vous pouvez refuser'
                        : 'Partages que vous pouvez accepter'}
                    </legend>
                    {group(kind).map((choice) => (
                      <div key={choice.code} className={fr.cx('fr-fieldset__element', 'fr-mb-3w')}>
                        <ToggleSwitch
                          label={choice.title}
                          helperText={`${choice.effect}${choice.active && choice.since ? ` (depuis le ${formatDate(choice.since)})` : ''}`}
                          checked={chosen[choice.code] ?? choice.active}
                          disabled={setChoice.isPending}
                          showCheckedHint
                          onChange={(active) => choose(choice.code, active)}
                        />
                      </div>
                    ))}
                  </fieldset>
                </section>
              ),
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
