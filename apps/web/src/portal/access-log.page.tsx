import { Button } from '@codegouvfr/react-dsfr/Button';
import { useInfiniteQuery } from '@tanstack/react-query';

import { useDocumentTitle } from '../shared/document-title';
import { formatDateTime } from '../shared/format';
import { graphql } from '../shared/graphql';
import { QueryState } from '../shared/query-state';
import { Table } from '../shared/table';
import { useSession } from '../shared/session';
import { PORTAL } from './portal-name';

const ACCESS_LOG_QUERY = /* GraphQL */ `
  query MyAccessLog($after: String) {
    me {
      accessLogKeptDays
      accessLog(first: 20, after: $after) {
        nodes {
          at
          organisation
          purpose
          categories
          action
        }
        pageInfo {
          endCursor
          hasNextPage
        }
      }
    }
  }
`;

interface AccessLogPage {
  me: {
    accessLogKeptDays: number;
    accessLog: {
      nodes: Array<{
        at: string;
        organisation: string;
        purpose: string;
        categories: string[];
        action: string;
      }>;
      pageInfo: { endCursor: string | null; hasNextPage: boolean };
    };
  };
}

/** « Qui a consulté mon dossier »: the access log, newest first, 20 by 20. */
export function AccessLogPage() {
  useDocumentTitle('Qui a consulté mon dossier', PORTAL);
  const { face } = useSession();
  const query = useInfiniteQuery({
    queryKey: [face, 'access-log'],
    queryFn: ({ pageParam }) => graphql<AccessLogPage>(face, ACCESS_LOG_QUERY, { after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.data.me.accessLog.pageInfo.hasNextPage ? last.data.me.accessLog.pageInfo.endCursor : undefined,
    retry: false,
  });
  const pages = query.data?.pages ?? [];
  const rows = pages.flatMap((page) => page.data.me.accessLog.nodes);
  const keptDays = pages[0]?.data.me.accessLogKeptDays;
  return (
    <>
      <h1>Qui a consulté mon dossier</h1>
      <p>
        Chaque fois qu’un professionnel lit votre dossier, nous le notons : quand, qui, pourquoi et quoi. La
        plus récente en premier.
        {keptDays ? ` Nous gardons cette liste ${keptDays} jours.` : ''}
      </p>
      <QueryState loading={query.isLoading} error={query.error}>
        {() =>
          rows.length === 0 ? (
            <p>Personne n’a encore consulté votre dossier.</p>
          ) : (
            <Table caption={'Consultations de votre dossier'} hideCaption>
              <thead>
                <tr>
                  <th scope="col">Quand</th>
                  <th scope="col">Qui</th>
                  <th scope="col">Pourquoi</th>
                  <th scope="col">Quoi</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={`${row.at}-${index}`}>
                    <td>{formatDateTime(row.at)}</td>
                    <td>{row.organisation}</td>
                    <td>{row.purpose}</td>
                    <td>
                      {row.action}
                      {row.categories.length ? ` : ${row.categories.join(', ')}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryState>
      {query.hasNextPage && (
        <Button
          priority="secondary"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          Voir les consultations plus anciennes
        </Button>
      )}
    </>
  );
}
