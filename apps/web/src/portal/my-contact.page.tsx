import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';

import { useDocumentTitle } from '../shared/document-title';
import { useGql } from '../shared/graphql';
import { MaskedOr } from '../shared/masked';
import { QueryState } from '../shared/query-state';
import { PORTAL } from './portal-name';

const CONTACT_QUERY = /* GraphQL */ `
  query MyContact {
    me {
      person {
        id
        contact {
          email
          phone
          address {
            lines
            postalCode
            city
          }
        }
        orientation {
          structure {
            name
            phone
            email
          }
          referent {
            name
            email
            phone
          }
        }
      }
    }
  }
`;

interface MyContact {
  me: {
    person: {
      id: string;
      contact: {
        email: string | null;
        phone: string | null;
        address: { lines: string[]; postalCode: string | null; city: string | null } | null;
      } | null;
      orientation: {
        structure: { name: string; phone: string | null; email: string | null };
        referent: { name: string; email: string | null; phone: string | null } | null;
      } | null;
    } | null;
  };
}

/** « Mes coordonnées »: what the hub holds to reach the person, and whom to tell when it is wrong. */
export function MyContactPage() {
  useDocumentTitle('Mes coordonnées', PORTAL);
  const query = useGql<MyContact>(CONTACT_QUERY);
  return (
    <>
      <h1>Mes coordonnées</h1>
      <QueryState loading={query.isLoading} error={query.error}>
        {() => {
          const person = query.data?.data.me.person;
          const masked = query.data?.masked ?? [];
          if (!person) return <p>Nous n’avons pas encore de dossier à votre nom.</p>;
          const contact = person.contact;
          const referent = person.orientation?.referent;
          const structure = person.orientation?.structure;
          return (
            <>
              <section aria-labelledby="coordonnees" className={fr.cx('fr-mb-4w')}>
                <h2 id="coordonnees">Ce que nous avons</h2>
                <MaskedOr masked={masked} path="me.person.contact">
                  <dl>
                    <dt>Adresse</dt>
                    <dd>
                      {contact?.address
                        ? [
                            ...contact.address.lines,
                            `${contact.address.postalCode ?? ''} ${contact.address.city ?? ''}`,
                          ]
                            .filter((line) => line.trim())
                            .join(', ')
                        : 'non renseignée'}
                    </dd>
                    <dt>Téléphone</dt>
                    <dd>{contact?.phone ?? 'non renseigné'}</dd>
                    <dt>Courriel</dt>
                    <dd>{contact?.email ?? 'non renseigné'}</dd>
                  </dl>
                </MaskedOr>
              </section>
              <section aria-labelledby="corriger">
                <h2 id="corriger">Une information est fausse ?</h2>
                <Alert
                  severity="info"
                  title="La correction en ligne arrive bientôt"
                  description={
                    referent || structure
                      ? `En attendant, dites-le à ${referent?.name ?? structure?.name}${
                          (referent?.phone ?? structure?.phone)
                            ? ` au ${referent?.phone ?? structure?.phone}`
                            : ''
                        }${(referent?.email ?? structure?.email) ? ` ou à ${referent?.email ?? structure?.email}` : ''}. Vous n’aurez à le dire qu’une fois : tous les professionnels qui vous suivent verront la correction.`
                      : 'En attendant, dites-le à la CAF ou à la MSA, ou au département. Vous n’aurez à le dire qu’une fois.'
                  }
                />
              </section>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
