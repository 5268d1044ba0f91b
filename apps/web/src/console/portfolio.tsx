import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Link } from 'react-router-dom';

import { formatDate } from '../shared/format';
import { useGql } from '../shared/graphql';
import { QueryState } from '../shared/query-state';
import { Table } from '../shared/table';

const PORTFOLIO_QUERY = /* GraphQL */ `
  query Portfolio {
    portfolio(first: 200) {
      youAreReferent
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

interface PortfolioEntry {
  youAreReferent: boolean | null;
  person: {
    id: string;
    identity: { lastName: string; firstNames: string[]; birthDate: string | null } | null;
  };
}

/** The people the agent's structure follows, the agent's own first. */
export function Portfolio() {
  const query = useGql<{ portfolio: PortfolioEntry[] }>(PORTFOLIO_QUERY);
  return (
    <section aria-labelledby="portefeuille">
      <h2 id="portefeuille">Les personnes que vous suivez</h2>
      <QueryState loading={query.isLoading} error={query.error}>
        {() => {
          const rows = query.data?.data.portfolio ?? [];
          if (rows.length === 0) return <p>Votre structure ne suit personne pour l’instant.</p>;
          return (
            <Table caption={`${rows.length} personne(s) suivie(s) par votre structure`}>
              <thead>
                <tr>
                  <th scope="col">Personne</th>
                  <th scope="col">Naissance</th>
                  <th scope="col">Référent</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.person.id}>
                    <td>
                      <Link to={`/console/personnes/${row.person.id}`}>
                        {row.person.identity
                          ? `${row.person.identity.lastName} ${row.person.identity.firstNames.join(' ')}`
                          : 'Identité masquée'}
                      </Link>
                    </td>
                    <td>{formatDate(row.person.identity?.birthDate)}</td>
                    <td>
                      {row.youAreReferent ? (
                        <Badge severity="info" small noIcon>
                          vous
                        </Badge>
                      ) : (
                        'votre structure'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          );
        }}
      </QueryState>
    </section>
  );
}
