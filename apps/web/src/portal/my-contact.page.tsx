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
import {
  CORRECTION_FIELDS,
  CORRECTION_STATUS,
  CORRECTION_TOPIC,
  type CorrectionRequest,
} from '../shared/corrections';
import { formatDate } from '../shared/format';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Badge } from '@codegouvfr/react-dsfr/Badge';

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
        correctionRequests {
          ${CORRECTION_FIELDS}
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
      correctionRequests: CorrectionRequest[];
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
              <CorrectionRequestForm
                referent={referent?.name ?? structure?.name ?? null}
                requests={person.correctionRequests}
              />
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

const REQUEST_CORRECTION = /* GraphQL */ `
  mutation RequestCorrection($input: RequestCorrectionInput!) {
    requestCorrection(input: $input) {
      id
      status
    }
  }
`;

/** Identity or diagnostic: the person asks, their référent accepts or declines; the requests and answers stay listed. */
function CorrectionRequestForm({
  referent,
  requests,
}: {
  referent: string | null;
  requests: CorrectionRequest[];
}) {
  const [topic, setTopic] = useState('IDENTITY');
  const [message, setMessage] = useState('');
  const request = useGqlMutation<unknown, { input: Record<string, unknown> }>(REQUEST_CORRECTION);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate({ input: { topic, message } }, { onSuccess: () => setMessage('') });
  };
  return (
    <>
      <form onSubmit={submit} aria-labelledby="autre-erreur" className={fr.cx('fr-mt-4w')}>
        <h2 id="autre-erreur">Une autre information est fausse ?</h2>
        <p>
          Pour votre identité ou votre situation, écrivez ce qui est faux et ce qui est juste.{' '}
          {referent ? `${referent} vous répondra ici.` : 'Votre référent vous répondra ici.'} Vous n’aurez à
          le dire qu’une fois : tous les professionnels qui vous suivent verront la correction.
        </p>
        <Select
          label="Ce qui est faux"
          nativeSelectProps={{ value: topic, onChange: (e) => setTopic(e.target.value) }}
        >
          <option value="IDENTITY">Mon identité (nom, prénoms, date de naissance…)</option>
          <option value="DIAGNOSTIC">Ma situation (logement, santé, mobilité, emploi…)</option>
        </Select>
        <Input
          label="Votre message"
          textArea
          nativeTextAreaProps={{
            value: message,
            onChange: (e) => setMessage(e.target.value),
            required: true,
            minLength: 5,
            maxLength: 2000,
          }}
        />
        <Button type="submit" disabled={request.isPending}>
          Envoyer ma demande
        </Button>
        {request.error && (
          <Alert
            severity="error"
            title="Votre demande n’a pas été envoyée"
            description={request.error.message}
          />
        )}
        {request.isSuccess && (
          <Alert severity="success" small title="Votre demande est envoyée" description="" />
        )}
      </form>
      {requests.length > 0 && (
        <section aria-labelledby="mes-demandes" className={fr.cx('fr-mt-4w')}>
          <h2 id="mes-demandes">Mes demandes de correction</h2>
          <ul>
            {requests.map((r) => (
              <li key={r.id} className={fr.cx('fr-mb-2w')}>
                {formatDate(r.createdAt)}, {CORRECTION_TOPIC[r.topic]} : « {r.message} »{' '}
                <Badge
                  severity={r.status === 'ACCEPTED' ? 'success' : r.status === 'DECLINED' ? 'error' : 'info'}
                  small
                  noIcon
                >
                  {CORRECTION_STATUS[r.status]}
                </Badge>
                {r.comment && <p className={fr.cx('fr-mb-0')}>Réponse : {r.comment}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
