import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Link } from 'react-router-dom';

import { useDocumentTitle } from '../shared/document-title';
import { formatDate } from '../shared/format';
import { useGql } from '../shared/graphql';
import { QueryState } from '../shared/query-state';
import { Table } from '../shared/table';
import { CONSOLE } from './console-name';

const NEW_ENTRANTS_QUERY = /* GraphQL */ `
  query NewEntrants {
    newEntrants(first: 100) {
      daysSinceRightOpened
      rightOpenedOn
      person {
        id
        identity {
          lastName
          firstNames
          birthDate
        }
      }
    }
  }
`;

interface NewEntrant {
  daysSinceRightOpened: number | null;
  rightOpenedOn: string | null;
  person: {
    id: string;
    identity: { lastName: string; firstNames: string[]; birthDate: string | null } | null;
  };
}

/** The 15- and 30-day marks of the delay from right opened to orientation. */
function delayBadge(days: number | null) {
  if (days === null) return null;
  if (days > 30)
    return (
      <Badge severity="error" small>
        plus de 30 jours
      </Badge>
    );
  if (days > 15)
    return (
      <Badge severity="warning" small>
        plus de 15 jours
      </Badge>
    );
  return (
    <Badge severity="success" small noIcon>
      dans les délais
    </Badge>
  );
}

/** The orientation team's queue: people subject to rights and duties, not yet oriented, the oldest right first. */
export function NewEntrantsPage() {
  useDocumentTitle('Nouveaux entrants', CONSOLE);
  const query = useGql<{ newEntrants: NewEntrant[] }>(NEW_ENTRANTS_QUERY);
  return (
    <>
      <h1>Nouveaux entrants à orienter</h1>
      <p>
        Personnes soumises aux droits et devoirs, pas encore orientées. Objectif : orienter en 15 jours, 30 au
        plus.
      </p>
      <QueryState loading={query.isLoading} error={query.error}>
        {() => {
          const rows = query.data?.data.newEntrants ?? [];
          if (rows.length === 0) return <p>Personne à orienter.</p>;
          return (
            <Table caption={`${rows.length} personne(s) à orienter`}>
              <thead>
                <tr>
                  <th scope="col">Personne</th>
                  <th scope="col">Droit ouvert le</th>
                  <th scope="col">Jours depuis</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.person.id} data-days={row.daysSinceRightOpened ?? ''}>
                    <td>
                      <Link to={`/console/personnes/${row.person.id}`}>
                        {row.person.identity
                          ? `${row.person.identity.lastName} ${row.person.identity.firstNames.join(' ')}`
                          : 'Identité masquée'}
                      </Link>
                    </td>
                    <td>{formatDate(row.rightOpenedOn)}</td>
                    <td>
                      {row.daysSinceRightOpened ?? '—'} {delayBadge(row.daysSinceRightOpened)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          );
        }}
      </QueryState>
    </>
  );
}
