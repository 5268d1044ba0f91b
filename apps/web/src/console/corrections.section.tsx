import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';

import {
  CORRECTION_FIELDS,
  CORRECTION_STATUS,
  CORRECTION_TOPIC,
  type CorrectionRequest,
} from '../shared/corrections';
import { formatDate } from '../shared/format';
import { useGql, useGqlMutation } from '../shared/graphql';
import { MaskedOr } from '../shared/masked';
import { QueryState } from '../shared/query-state';

// A query of its own: the person file is already near the gateway's cost limit.
const CORRECTIONS_QUERY = /* GraphQL */ `
  query Corrections($id: ID!) {
    person(id: $id) {
      id
      correctionRequests {
        ${CORRECTION_FIELDS}
      }
    }
  }
`;

const DECIDE = /* GraphQL */ `
  mutation Decide($input: DecideCorrectionRequestInput!) {
    decideCorrectionRequest(input: $input) {
      id
      status
    }
  }
`;

/** The corrections the person asked for from the portal; the référent accepts or declines the pending ones. */
export function CorrectionsSection({ personId, canDecide }: { personId: string; canDecide: boolean }) {
  const query = useGql<{ person: { id: string; correctionRequests: CorrectionRequest[] } | null }>(
    CORRECTIONS_QUERY,
    {
      id: personId,
    },
  );
  return (
    <section aria-labelledby="corrections" className={fr.cx('fr-mb-5w')}>
      <h2 id="corrections">Demandes de correction</h2>
      <QueryState loading={query.isLoading} error={query.error}>
        {() => {
          const requests = query.data?.data.person?.correctionRequests ?? [];
          return (
            <MaskedOr masked={query.data?.masked ?? []} path="person.correctionRequests">
              {requests.length === 0 ? (
                <p>Aucune demande.</p>
              ) : (
                requests.map((request) => (
                  <Correction key={request.id} request={request} canDecide={canDecide} />
                ))
              )}
            </MaskedOr>
          );
        }}
      </QueryState>
    </section>
  );
}

function Correction({ request, canDecide }: { request: CorrectionRequest; canDecide: boolean }) {
  const [comment, setComment] = useState('');
  const decide = useGqlMutation<unknown, { input: Record<string, unknown> }>(DECIDE);
  const answer = (accepted: boolean) =>
    decide.mutate({ input: { id: request.id, accepted, comment: comment.trim() || null } });
  return (
    <article aria-labelledby={`correction-${request.id}`} className={fr.cx('fr-mb-3w')}>
      <h3 id={`correction-${request.id}`} className={fr.cx('fr-h6', 'fr-mb-1w')}>
        {CORRECTION_TOPIC[request.topic]}, le {formatDate(request.createdAt)}{' '}
        <Badge
          severity={
            request.status === 'ACCEPTED' ? 'success' : request.status === 'DECLINED' ? 'error' : 'info'
          }
          small
          noIcon
        >
          {CORRECTION_STATUS[request.status]}
        </Badge>
      </h3>
      <p className={fr.cx('fr-mb-1w')}>« {request.message} »</p>
      {request.comment && <p>Réponse : {request.comment}</p>}
      {canDecide && request.status === 'PENDING' && (
        <>
          <Input
            label="Réponse à la personne"
            hintText="Elle la lit dans son espace"
            nativeInputProps={{ value: comment, onChange: (e) => setComment(e.target.value) }}
          />
          <div className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
            <Button onClick={() => answer(true)} disabled={decide.isPending}>
              Accepter
            </Button>
            <Button priority="secondary" onClick={() => answer(false)} disabled={decide.isPending}>
              Refuser
            </Button>
          </div>
          {decide.error && (
            <Alert severity="error" title="Décision refusée" description={decide.error.message} />
          )}
        </>
      )}
    </article>
  );
}
