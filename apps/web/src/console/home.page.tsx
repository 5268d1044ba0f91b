import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';

import { useDocumentTitle } from '../shared/document-title';
import { formatDate } from '../shared/format';
import { useGql } from '../shared/graphql';
import { QueryState } from '../shared/query-state';
import { useSession } from '../shared/session';
import { PURPOSE_LABEL, label } from '../shared/words';
import { CONSOLE } from './console-name';
import { Portfolio } from './portfolio';
import { useViewer } from './viewer';

const SEARCH_QUERY = /* GraphQL */ `
  query SearchPersons($input: PersonSearchInput!) {
    searchPersons(input: $input) {
      id
      identity {
        lastName
        firstNames
        birthDate
      }
    }
  }
`;

interface SearchResult {
  searchPersons: Array<{
    id: string;
    identity: { lastName: string; firstNames: string[]; birthDate: string | null } | null;
  }>;
}

/** The agent's home: who they are, the purpose they act for, and a search among the people they follow. */
export function HomePage() {
  useDocumentTitle('Accueil', CONSOLE);
  const { viewer, purposes, query } = useViewer();
  const { purpose, setPurpose } = useSession();
  return (
    <>
      <h1>Accueil</h1>
      <QueryState loading={query.isLoading} error={query.error}>
        {() => (
          <>
            <p>
              Bonjour {viewer?.agent.name}, {viewer?.organisation.name}.
            </p>
            {purposes.length > 1 ? (
              <RadioButtons
                legend="Pour quel motif consultez-vous les dossiers ?"
                hintText="Le motif est noté à chaque consultation, et la personne le voit."
                name="motif"
                options={purposes.map((p) => ({
                  label: label(PURPOSE_LABEL, p),
                  nativeInputProps: { value: p, checked: purpose === p, onChange: () => setPurpose(p) },
                }))}
              />
            ) : (
              purposes[0] && <p>Motif de vos consultations : {label(PURPOSE_LABEL, purposes[0])}.</p>
            )}
            <PersonSearch />
            {(purpose ?? purposes[0]) === 'accompagnement' && <Portfolio />}
          </>
        )}
      </QueryState>
    </>
  );
}

function PersonSearch() {
  const [form, setForm] = useState({ lastName: '', firstName: '', birthDate: '' });
  const [input, setInput] = useState<Record<string, string> | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setInput(Object.fromEntries(Object.entries(form).filter(([, value]) => value.trim())));
  };
  return (
    <section aria-labelledby="recherche" className={fr.cx('fr-mt-4w')}>
      <h2 id="recherche">Trouver une personne</h2>
      <p>Seules les personnes que votre structure suit apparaissent.</p>
      <form onSubmit={submit} role="search" aria-label="Recherche de personnes">
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Input
              label="Nom"
              nativeInputProps={{
                value: form.lastName,
                onChange: (e) => setForm({ ...form, lastName: e.target.value }),
                autoComplete: 'off',
              }}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Input
              label="Prénom"
              nativeInputProps={{
                value: form.firstName,
                onChange: (e) => setForm({ ...form, firstName: e.target.value }),
                autoComplete: 'off',
              }}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Input
              label="Date de naissance"
              nativeInputProps={{
                type: 'date',
                value: form.birthDate,
                onChange: (e) => setForm({ ...form, birthDate: e.target.value }),
              }}
            />
          </div>
        </div>
        <Button type="submit">Rechercher</Button>
      </form>
      {input && <SearchResults input={input} />}
    </section>
  );
}

function SearchResults({ input }: { input: Record<string, string> }) {
  const query = useGql<SearchResult>(SEARCH_QUERY, { input });
  return (
    <div className={fr.cx('fr-mt-3w')} aria-live="polite">
      <QueryState loading={query.isLoading} error={query.error}>
        {() => {
          const rows = query.data?.data.searchPersons ?? [];
          if (rows.length === 0) return <p>Aucune personne trouvée parmi celles que vous suivez.</p>;
          return (
            <ul>
              {rows.map((person) => (
                <li key={person.id}>
                  <Link to={`/console/personnes/${person.id}`}>
                    {person.identity
                      ? `${person.identity.lastName} ${person.identity.firstNames.join(' ')}, né·e le ${formatDate(person.identity.birthDate)}`
                      : 'Identité masquée'}
                  </Link>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
    </div>
  );
}
