import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { FranceConnectButton } from '@codegouvfr/react-dsfr/FranceConnectButton';
import { ProConnectButton } from '@codegouvfr/react-dsfr/ProConnectButton';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';

import { beginSignIn, finishSignIn } from './auth';
import { useSession } from './session';

/** Shows `children` to a signed-in user, else the face's sign-in button (FranceConnect or ProConnect). */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { face, session } = useSession();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  if (session) return <>{children}</>;
  const start = () => {
    beginSignIn(face, `${location.pathname}${location.search}`).catch((e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <>
      <h1>Connexion</h1>
      {face === 'portail' ? (
        <>
          <p>Connectez-vous pour voir votre dossier RSA, votre accompagnement et qui l’a consulté.</p>
          <FranceConnectButton onClick={start} />
        </>
      ) : (
        <>
          <p>Espace réservé aux agents du département et de ses partenaires.</p>
          <ProConnectButton onClick={start} />
        </>
      )}
      {error && <Alert severity="error" title="La connexion n’a pas pu commencer" description={error} />}
    </>
  );
}

/** `/<face>/connexion`: the provider sends the browser back here with a code. */
export function SignInCallback() {
  const { face } = useSession();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    finishSignIn(face, new URL(window.location.href))
      .then((returnTo) => window.location.replace(returnTo.startsWith(`/${face}`) ? returnTo : `/${face}`))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [face]);
  return (
    <>
      <h1>Connexion</h1>
      {error ? (
        <Alert severity="error" title="La connexion a échoué" description={error} />
      ) : (
        <p role="status">Connexion en cours…</p>
      )}
    </>
  );
}
