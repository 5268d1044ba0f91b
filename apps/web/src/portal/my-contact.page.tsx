import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState, type FormEvent } from 'react';

import { useDocumentTitle } from '../shared/document-title';
import { useGql, useGqlMutation } from '../shared/graphql';
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
              <ContactForm contact={contact} />
              <section aria-labelledby="autre-erreur" className={fr.cx('fr-mt-4w')}>
                <h2 id="autre-erreur">Une autre information est fausse ?</h2>
                <p>
                  Pour votre identité ou votre situation, dites-le à{' '}
                  {referent?.name ?? structure?.name ?? 'votre référent, ou à la CAF ou la MSA'}
                  {(referent?.phone ?? structure?.phone) ? ` au ${referent?.phone ?? structure?.phone}` : ''}
                  {(referent?.email ?? structure?.email)
                    ? ` ou à ${referent?.email ?? structure?.email}`
                    : ''}
                  . Vous n’aurez à le dire qu’une fois : tous les professionnels qui vous suivent verront la
                  correction.
                </p>
              </section>
            </>
          );
        }}
      </QueryState>
    </>
  );
}

const UPDATE_CONTACT = /* GraphQL */ `
  mutation UpdateMyContact($input: UpdateMyContactInput!) {
    updateMyContact(input: $input) {
      changed
    }
  }
`;

type Contact = NonNullable<MyContact['me']['person']>['contact'];

/** The person corrects their contact details: applied at once, for every partner. */
function ContactForm({ contact }: { contact: Contact }) {
  const [form, setForm] = useState({
    line: contact?.address?.lines.join(', ') ?? '',
    postalCode: contact?.address?.postalCode ?? '',
    city: contact?.address?.city ?? '',
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
  });
  const update = useGqlMutation<
    { updateMyContact: { changed: string[] } },
    { input: Record<string, unknown> }
  >(UPDATE_CONTACT);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({
      input: {
        email: form.email.trim() || null,
        phone: form.phone.trim() || null,
        address: form.line.trim()
          ? { lines: [form.line.trim()], postalCode: form.postalCode.trim(), city: form.city.trim() }
          : null,
      },
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby="corriger" className={fr.cx('fr-mt-4w')}>
      <h2 id="corriger">Corriger mes coordonnées</h2>
      <p>Votre correction compte tout de suite, pour tous les professionnels qui vous suivent.</p>
      <Input
        label="Adresse"
        hintText="Numéro et rue"
        nativeInputProps={{ value: form.line, onChange: set('line'), autoComplete: 'street-address' }}
      />
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Code postal"
            nativeInputProps={{
              value: form.postalCode,
              onChange: set('postalCode'),
              inputMode: 'numeric',
              pattern: '[0-9]{5}',
              autoComplete: 'postal-code',
            }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
          <Input
            label="Commune"
            nativeInputProps={{ value: form.city, onChange: set('city'), autoComplete: 'address-level2' }}
          />
        </div>
      </div>
      <Input
        label="Téléphone"
        hintText="Exemple : 06 12 34 56 78"
        nativeInputProps={{ value: form.phone, onChange: set('phone'), type: 'tel', autoComplete: 'tel' }}
      />
      <Input
        label="Courriel"
        hintText="Exemple : nom@exemple.fr"
        nativeInputProps={{ value: form.email, onChange: set('email'), type: 'email', autoComplete: 'email' }}
      />
      <Button type="submit" disabled={update.isPending}>
        Enregistrer
      </Button>
      {update.error && (
        <Alert
          severity="error"
          title="Vos coordonnées n’ont pas été enregistrées"
          description={update.error.message}
        />
      )}
      {update.isSuccess && (
        <Alert
          severity="success"
          small
          title="Vos coordonnées sont enregistrées"
          description={
            update.data.data.updateMyContact.changed.length ? 'Merci, c’est à jour.' : 'Rien n’a changé.'
          }
        />
      )}
    </form>
  );
}
