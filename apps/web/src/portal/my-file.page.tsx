import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { Link } from 'react-router-dom';

import { useDocumentTitle } from '../shared/document-title';
import { formatDate } from '../shared/format';
import { useGql, type MaskedField } from '../shared/graphql';
import { MaskedOr } from '../shared/masked';
import { QueryState } from '../shared/query-state';
import {
  ACTION_STATUS,
  CONTRACT_STATUS,
  CONTRACT_TYPE,
  NEED_VALUE,
  ORIENTATION_TYPE,
  RSA_STATUS,
  label,
} from '../shared/words';
import { MY_FILE_QUERY, type MyFile } from './my-file.query';
import { PORTAL } from './portal-name';

type Person = NonNullable<MyFile['me']['person']>;
const BASE = 'me.person';

/** « Mon dossier »: what the hub knows about the person, in their words, with what is hidden and why. */
export function MyFilePage() {
  useDocumentTitle('Mon dossier', PORTAL);
  const query = useGql<MyFile>(MY_FILE_QUERY);
  return (
    <>
      <h1>Mon dossier</h1>
      <QueryState loading={query.isLoading} error={query.error}>
        {() => {
          const person = query.data?.data.me.person;
          if (!person) return <p>Nous n’avons pas encore de dossier à votre nom.</p>;
          const masked = query.data?.masked ?? [];
          return (
            <>
              <Identity person={person} masked={masked} />
              <Rsa person={person} masked={masked} />
              <Orientation person={person} masked={masked} />
              <Diagnostic person={person} masked={masked} />
              <Contracts person={person} masked={masked} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}

interface SectionProps {
  person: Person;
  masked: readonly MaskedField[];
}

function Identity({ person, masked }: SectionProps) {
  const identity = person.identity;
  return (
    <section aria-labelledby="identite" className={fr.cx('fr-mb-6w')}>
      <h2 id="identite">Mon identité et mon foyer</h2>
      <MaskedOr masked={masked} path={`${BASE}.identity`}>
        {identity && (
          <dl>
            <dt>Nom</dt>
            <dd>
              {identity.lastName}
              {identity.birthName && identity.birthName !== identity.lastName
                ? ` (né·e ${identity.birthName})`
                : ''}
            </dd>
            <dt>Prénoms</dt>
            <dd>{identity.firstNames.join(' ')}</dd>
            <dt>Date de naissance</dt>
            <dd>{formatDate(identity.birthDate)}</dd>
          </dl>
        )}
      </MaskedOr>
      <MaskedOr masked={masked} path={`${BASE}.households`}>
        {person.households.length === 0 ? (
          <p>Aucun foyer RSA connu.</p>
        ) : (
          <ul>
            {person.households.map((h) => (
              <li key={h.matricule}>
                Dossier {h.organisme.toUpperCase()} n° {h.matricule} : vous êtes{' '}
                {(h.roleLabel ?? 'membre du foyer').toLowerCase()} depuis le {formatDate(h.since)}
                {h.household.familySituationLabel
                  ? ` (${h.household.familySituationLabel.toLowerCase()})`
                  : ''}
                .
              </li>
            ))}
          </ul>
        )}
      </MaskedOr>
      <p>
        Une erreur ? <Link to="/portail/coordonnees">Corrigez vos coordonnées ou signalez une erreur</Link>.
      </p>
    </section>
  );
}

function Rsa({ person, masked }: SectionProps) {
  const rsa = person.rsa;
  return (
    <section aria-labelledby="rsa" className={fr.cx('fr-mb-6w')}>
      <h2 id="rsa">Mon droit au RSA</h2>
      <MaskedOr masked={masked} path={`${BASE}.rsa`}>
        {!rsa ? (
          <p>La CAF ou la MSA ne nous a pas encore transmis votre droit.</p>
        ) : (
          <CallOut title={label(RSA_STATUS, rsa.status)}>
            {rsa.openedOn && <>Ouvert le {formatDate(rsa.openedOn)}. </>}
            {rsa.suspendedOn && (
              <>
                Suspendu depuis le {formatDate(rsa.suspendedOn)}
                {rsa.suspensionReasonLabel ? `, parce que : ${rsa.suspensionReasonLabel.toLowerCase()}` : ''}
                .{' '}
              </>
            )}
            {rsa.closedOn && (
              <>
                Fermé le {formatDate(rsa.closedOn)}
                {rsa.closureReasonLabel ? `, parce que : ${rsa.closureReasonLabel.toLowerCase()}` : ''}.{' '}
              </>
            )}
            {rsa.subjectToRightsAndDuties && (
              <>
                Vous avez droit à un accompagnement, et vous vous engagez à le suivre (
                <Link to="/portail/aide/rsa">droits et devoirs</Link>).
              </>
            )}
          </CallOut>
        )}
      </MaskedOr>
    </section>
  );
}

function Orientation({ person, masked }: SectionProps) {
  const orientation = person.orientation;
  return (
    <section aria-labelledby="orientation" className={fr.cx('fr-mb-6w')}>
      <h2 id="orientation">Mon orientation et mon référent</h2>
      <MaskedOr masked={masked} path={`${BASE}.orientation`}>
        {!orientation ? (
          <p>
            Le département n’a pas encore choisi qui vous accompagne.{' '}
            <Link to="/portail/aide/orientation">Comment ça se passe ?</Link>
          </p>
        ) : (
          <>
            <p>
              Depuis le {formatDate(orientation.decidedAt)}, vous bénéficiez de{' '}
              {label(ORIENTATION_TYPE, orientation.type)}, avec <strong>{orientation.structure.name}</strong>.
            </p>
            <dl>
              <dt>Votre référent</dt>
              <dd>{orientation.referent?.name ?? 'pas encore désigné'}</dd>
              {(orientation.referent?.phone ?? orientation.structure.phone) && (
                <>
                  <dt>Téléphone</dt>
                  <dd>{orientation.referent?.phone ?? orientation.structure.phone}</dd>
                </>
              )}
              {(orientation.referent?.email ?? orientation.structure.email) && (
                <>
                  <dt>Courriel</dt>
                  <dd>{orientation.referent?.email ?? orientation.structure.email}</dd>
                </>
              )}
              {orientation.structure.address && (
                <>
                  <dt>Adresse</dt>
                  <dd>{orientation.structure.address}</dd>
                </>
              )}
            </dl>
          </>
        )}
      </MaskedOr>
    </section>
  );
}

function Diagnostic({ person, masked }: SectionProps) {
  const diagnostic = person.diagnostic;
  const hiddenThemes = masked.filter((m) => m.path.startsWith(`${BASE}.diagnostic.themes[`));
  return (
    <section aria-labelledby="diagnostic" className={fr.cx('fr-mb-6w')}>
      <h2 id="diagnostic">Ma situation, thème par thème</h2>
      <MaskedOr masked={masked} path={`${BASE}.diagnostic`}>
        {!diagnostic ? (
          <p>Votre situation n’a pas encore été faite avec un conseiller.</p>
        ) : (
          <>
            <p>Faite avec votre conseiller le {formatDate(diagnostic.createdAt)}.</p>
            {diagnostic.themes.map((theme) => (
              <div key={theme.code} className={fr.cx('fr-mb-3w')}>
                <h3 className={fr.cx('fr-h6')}>{theme.label}</h3>
                {theme.situations.length === 0 && theme.needs.length === 0 ? (
                  <p>Rien de particulier.</p>
                ) : (
                  <ul>
                    {theme.situations.map((s) => (
                      <li key={s.code}>{s.label}</li>
                    ))}
                    {theme.needs.map((n) => (
                      <li key={n.code}>
                        {n.label} : {label(NEED_VALUE, n.value)}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
            {hiddenThemes.length > 0 && (
              <p>Certains thèmes ne sont pas affichés ici : {hiddenThemes.length} thème(s) protégé(s).</p>
            )}
            {diagnostic.projects && diagnostic.projects.length > 0 && (
              <>
                <h3 className={fr.cx('fr-h6')}>Mon projet professionnel</h3>
                <ul>
                  {diagnostic.projects.map((p) => (
                    <li key={p.romeCode}>{p.label ?? p.romeCode}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </MaskedOr>
    </section>
  );
}

function Contracts({ person, masked }: SectionProps) {
  return (
    <section aria-labelledby="contrat" className={fr.cx('fr-mb-6w')}>
      <h2 id="contrat">Mon contrat</h2>
      <MaskedOr masked={masked} path={`${BASE}.contracts`}>
        {person.contracts.length === 0 ? (
          <p>
            Vous n’avez pas encore de contrat.{' '}
            <Link to="/portail/aide/contrat">À quoi sert le contrat ?</Link>
          </p>
        ) : (
          person.contracts.map((contract) => {
            const version =
              contract.versions.find((v) => v.version === contract.currentVersion) ??
              contract.versions.at(-1);
            return (
              <article
                key={contract.id}
                className={fr.cx('fr-mb-4w')}
                aria-labelledby={`contrat-${contract.id}`}
              >
                <h3 id={`contrat-${contract.id}`} className={fr.cx('fr-h5')}>
                  {label(CONTRACT_TYPE, contract.type)}{' '}
                  <Badge severity={contract.status === 'active' ? 'success' : 'info'} noIcon>
                    {label(CONTRACT_STATUS, contract.status)}
                  </Badge>
                </h3>
                <p>
                  Du {formatDate(contract.startDate)} au {formatDate(contract.endDate)}
                  {contract.referent ? `, suivi par ${contract.referent.name}` : ''}
                  {version?.signedAt ? `. Signé le ${formatDate(version.signedAt)}.` : '.'}
                </p>
                {version?.objectives.map((objective) => (
                  <div key={objective.id}>
                    <h4 className={fr.cx('fr-h6')}>Objectif : {objective.label}</h4>
                    <ul>
                      {objective.actions.map((action) => (
                        <li key={action.id}>
                          {action.label} — {label(ACTION_STATUS, action.status)}
                          {action.dueDate ? `, avant le ${formatDate(action.dueDate)}` : ''}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </article>
            );
          })
        )}
      </MaskedOr>
    </section>
  );
}
