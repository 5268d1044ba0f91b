import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { ReactNode } from 'react';

import { SignedOutError } from './graphql';

/** Loading and error states of a query, announced to screen readers. */
export function QueryState({
  loading,
  error,
  children,
}: {
  loading: boolean;
  error: Error | null;
  children: () => ReactNode;
}) {
  if (loading)
    return (
      <p role="status" aria-live="polite">
        Chargement…
      </p>
    );
  if (error)
    return (
      <Alert
        severity="error"
        title={error instanceof SignedOutError ? 'Connexion nécessaire' : 'Une erreur est survenue'}
        description={error.message}
        role="alert"
      />
    );
  return <>{children()}</>;
}
