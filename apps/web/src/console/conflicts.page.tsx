import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';

import { useDocumentTitle } from '../shared/document-title';
import { formatDate, formatDateTime } from '../shared/format';
import { useGql, useGqlMutation } from '../shared/graphql';
import { QueryState } from '../shared/query-state';
import { CONSOLE } from './console-name';

const CONFLICTS_QUERY = /* GraphQL */ `
  query Conflicts {
    identityConflicts(first: 20) {
      totalCount
      edges {
        node {
          id
          source
          reason
          recordKey
          createdAt
          candidatePersonIds
          observed {
            lastName
            birthName
            firstNames
            birthDate
            role
            hasNir
          }
        }
      }
    }
  }
`;

const RESOLVE = /* GraphQL */ `
  mutation Resolve($id: ID!, $resolution: IdentityConflictResolution!, $personId: ID) {
    resolveIdentityConflict(id: $id, resolution: $resolution, personId: $personId) {
      id
      status
    }
  }
`;

const REASON: Record<string, string> = {
  AMBIGUOUS_IDENTITY: 'plusieurs personnes connues pourraient correspondre',
  IDENTIFIER_OTHER_IDENTITY: 'l’identifiant est déjà celui d’une autre identité',
  SAME_IDENTITY_OTHER_NIR: 'même identité, mais un autre NIR',
};

interface Conflict {
  id: string;
  source: string;
  reason: string;
  recordKey: string;
  createdAt: string;
  candidatePersonIds: string[];
  observed: {
    lastName: string | null;
    birthName: string | null;
    firstNames: string[];
    birthDate: string | null;
    role: string | null;
    hasNir: boolean;
  };
}

/** The identity review queue: records an import could not match with certainty, oldest first. */
export function ConflictsPage() {
  useDocumentTitle('Identités à vérifier', CONSOLE);
  const query = useGql<{ identityConflicts: { totalCount: number; edges: Array<{ node: Conflict }> } }>(
    CONFLICTS_QUERY,
  );
  const resolve = useGqlMutation<unknown, { id: string; resolution: string; personId?: string }>(RESOLVE);
  return (
    <>
      <h1>Identités à vérifier</h1>
      {resolve.error && (
        <Alert severity="error" title="Décision refusée" description={resolve.error.message} />
      )}
      <QueryState loading={query.isLoading} error={query.error}>
        {() => {
          const rows = query.data?.data.identityConflicts.edges ?? [];
          if (rows.length === 0) return <p>Aucune identité à vérifier.</p>;
          return rows.map(({ node }) => (
            <article key={node.id} className={fr.cx('fr-mb-4w')} aria-labelledby={`conflit-${node.id}`}>
              <h2 id={`conflit-${node.id}`} className={fr.cx('fr-h5')}>
                {node.observed.lastName ?? node.observed.birthName} {node.observed.firstNames.join(' ')}, né·e
                le {formatDate(node.observed.birthDate)}
              </h2>
              <p>
                {node.source}, {node.recordKey}, reçu le {formatDateTime(node.createdAt)} :{' '}
                {REASON[node.reason] ?? node.reason}.{node.observed.hasNir ? ' Le fichier donne un NIR.' : ''}
              </p>
              <div className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
                {node.candidatePersonIds.length === 1 && (
                  <Button
                    onClick={() =>
                      resolve.mutate({
                        id: node.id,
                        resolution: 'MERGE_INTO_EXISTING',
                        personId: node.candidatePersonIds[0],
                      })
                    }
                  >
                    C’est la personne connue
                  </Button>
                )}
                <Button
                  priority="secondary"
                  onClick={() => resolve.mutate({ id: node.id, resolution: 'KEEP_SEPARATE' })}
                >
                  C’est une autre personne
                </Button>
                <Button
                  priority="tertiary"
                  onClick={() => resolve.mutate({ id: node.id, resolution: 'REJECT' })}
                >
                  Ne pas appliquer
                </Button>
              </div>
            </article>
          ));
        }}
      </QueryState>
    </>
  );
}
