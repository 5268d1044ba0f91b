import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useParams } from 'react-router-dom';

import { useDocumentTitle } from '../shared/document-title';
import { formatDate } from '../shared/format';
import { useGql, type MaskedField } from '../shared/graphql';
import { MaskedNotice, MaskedOr } from '../shared/masked';
import { QueryState } from '../shared/query-state';
import { useSession } from '../shared/session';
import {
  ACTION_STATUS,
  CONTRACT_STATUS,
  CONTRACT_TYPE,
  NEED_VALUE,
  RSA_STATUS_SHORT,
  label,
} from '../shared/words';
import { CONSOLE } from './console-name';
import { ActionStatusSelect, CreateContractForm, SignContractForm } from './contract.form';
import { CorrectionsSection } from './corrections.section';
import { DiagnosticForm } from './diagnostic.form';
import { OrientForm } from './orient.form';
import { CONSOLE_PERSON_QUERY, type ConsolePerson } from './person-file.query';
import { ProvenanceNote } from './provenance';
import { Timeline } from './timeline';
import { useViewer } from './viewer';

type Person = NonNullable<ConsolePerson['person']>;

/** The consolidated file of one person, each value with its provenance, and what the agent may do with it. */
export function PersonFilePage() {
  const { id = '' } = useParams();
  useDocumentTitle('Dossier', CONSOLE);
  const query = useGql<ConsolePerson>(CONSOLE_PERSON_QUERY, { id });
  const { purposes } = useViewer();
  const { purpose } = useSession();
  const acting = purpose ?? (purposes.length === 1 ? purposes[0] : null);
  return (
    <QueryState loading={query.isLoading} error={query.error}>
      {() => {
        const person = query.data?.data.person;
        if (!person)
          return (
            <>
              <h1>Dossier introuvable</h1>
              <p>Cette personne n’existe pas, ou votre structure ne la suit pas.</p>
            </>
          );
        const masked = query.data?.masked ?? [];
        const name = person.identity
          ? `${person.identity.lastName} ${person.identity.firstNames.join(' ')}`
          : 'Identité masquée';
        return (
          <>
            <h1>{name}</h1>
            {masked.length > 0 && (
              <p className={fr.cx('fr-text--sm')}>
                {masked.length} donnée(s) masquée(s) pour le motif {query.data?.purpose ?? acting ?? '—'}.
              </p>
            )}
            <Timeline person={person} masked={masked} />
            <IdentitySection person={person} masked={masked} />
            <CorrectionsSection personId={person.id} canDecide={acting === 'accompagnement'} />
            <RightsSection person={person} masked={masked} />
            <OrientationSection person={person} masked={masked} canOrient={acting === 'orientation'} />
            <DiagnosticSection person={person} masked={masked} canWrite={acting === 'accompagnement'} />
            <ContractsSection person={person} masked={masked} canWrite={acting === 'accompagnement'} />
          </>
        );
      }}
    </QueryState>
  );
}

interface SectionProps {
  person: Person;
  masked: readonly MaskedField[];
}

function IdentitySection({ person, masked }: SectionProps) {
  const identity = person.identity;
  return (
    <section aria-labelledby="identite" className={fr.cx('fr-mb-5w')}>
      <h2 id="identite">Identité et contact</h2>
      <MaskedOr masked={masked} path="person.identity">
        {identity && (
          <dl>
            <dt>Nom d’usage, nom de naissance</dt>
            <dd>
              {identity.lastName}, {identity.birthName ?? '—'}
            </dd>
            <dt>Prénoms</dt>
            <dd>{identity.firstNames.join(' ')}</dd>
            <dt>Naissance</dt>
            <dd>{formatDate(identity.birthDate)}</dd>
            <dt>NIR</dt>
            <dd>{identity.hasNir ? 'connu (jamais affiché)' : 'inconnu'}</dd>
          </dl>
        )}
      </MaskedOr>
      <MaskedOr masked={masked} path="person.identifiers">
        <ul>
          {person.identifiers.map((i) => (
            <li key={`${i.system}:${i.value}`}>
              {i.system} : {i.value}
              <ProvenanceNote provenance={i.provenance} />
            </li>
          ))}
        </ul>
      </MaskedOr>
      <h3>Contact</h3>
      <MaskedOr masked={masked} path="person.contact">
        <dl>
          <dt>Adresse</dt>
          <dd>
            {person.contact?.address
              ? [
                  ...person.contact.address.lines,
                  person.contact.address.postalCode,
                  person.contact.address.city,
                ]
                  .filter(Boolean)
                  .join(', ')
              : '—'}
          </dd>
          <dt>Téléphone</dt>
          <dd>{person.contact?.phone ?? '—'}</dd>
          <dt>Courriel</dt>
          <dd>{person.contact?.email ?? '—'}</dd>
        </dl>
      </MaskedOr>
      <MaskedOr masked={masked} path="person.history">
        {person.history.length > 0 && (
          <details>
            <summary>Historique des valeurs ({person.history.length})</summary>
            <ul>
              {person.history.map((change, index) => (
                <li key={index}>
                  {change.field} : {change.newValue ?? '—'}
                  <ProvenanceNote provenance={change.provenance} />
                </li>
              ))}
            </ul>
          </details>
        )}
      </MaskedOr>
    </section>
  );
}

function RightsSection({ person, masked }: SectionProps) {
  return (
    <section aria-labelledby="droits" className={fr.cx('fr-mb-5w')}>
      <h2 id="droits">Foyer et droit au RSA</h2>
      <MaskedOr masked={masked} path="person.households">
        <ul>
          {person.households.map((h) => (
            <li key={h.matricule}>
              {h.organisme.toUpperCase()} {h.matricule}, {h.roleLabel ?? 'membre'} depuis le{' '}
              {formatDate(h.since)}
              {h.household.familySituationLabel ? `, ${h.household.familySituationLabel}` : ''}
            </li>
          ))}
        </ul>
      </MaskedOr>
      <MaskedOr masked={masked} path="person.rsa">
        {person.rsa ? (
          <p>
            Droit {label(RSA_STATUS_SHORT, person.rsa.status)} ({person.rsa.etatDossierLabel ?? ''}), ouvert
            le {formatDate(person.rsa.openedOn)}
            {person.rsa.subjectToRightsAndDuties ? ', soumis aux droits et devoirs' : ''}
            {person.rsa.suspensionReasonLabel ? `, suspension : ${person.rsa.suspensionReasonLabel}` : ''}
            {person.rsa.closureReasonLabel ? `, clôture : ${person.rsa.closureReasonLabel}` : ''}
            <ProvenanceNote provenance={person.rsa.provenance} />
          </p>
        ) : (
          <p>Aucun droit transmis.</p>
        )}
      </MaskedOr>
    </section>
  );
}

function OrientationSection({ person, masked, canOrient }: SectionProps & { canOrient: boolean }) {
  const o = person.orientation;
  const departmentCode = person.households[0]?.household.departmentCode ?? '';
  return (
    <section aria-labelledby="orientation" className={fr.cx('fr-mb-5w')}>
      <h2 id="orientation">Orientation</h2>
      <MaskedOr masked={masked} path="person.orientation">
        {o ? (
          <p data-testid="orientation-courante">
            {o.typeLabel ?? o.type}, vers {o.structure.name}
            {o.referent ? `, référent ${o.referent.name}` : ', référent à désigner'}, décidée le{' '}
            {formatDate(o.decidedAt)}
            <ProvenanceNote provenance={o.provenance} />
          </p>
        ) : (
          <p data-testid="orientation-courante">Pas encore orientée.</p>
        )}
      </MaskedOr>
      {canOrient && <OrientForm personId={person.id} departmentCode={departmentCode} />}
    </section>
  );
}

function DiagnosticSection({ person, masked, canWrite }: SectionProps & { canWrite: boolean }) {
  const d = person.diagnostic;
  const hiddenThemes = masked.filter((m) => m.path.startsWith('person.diagnostic.themes['));
  return (
    <section aria-labelledby="diagnostic" className={fr.cx('fr-mb-5w')}>
      <h2 id="diagnostic">Diagnostic socio-professionnel</h2>
      <MaskedOr masked={masked} path="person.diagnostic">
        {!d ? (
          <p>Aucun diagnostic.</p>
        ) : (
          <>
            <p>
              Version {d.version} du {formatDate(d.createdAt)}
              {d.author.organisation ? `, par ${d.author.organisation.name}` : ''}
              {d.author.agent ? ` (${d.author.agent.name})` : ''}.
            </p>
            {d.themes.map((theme) => (
              <div key={theme.code} data-theme={theme.code}>
                <h3 className={fr.cx('fr-h6')}>{theme.label}</h3>
                <ul>
                  {theme.situations.map((s) => (
                    <li key={s.code}>
                      {s.label}
                      <ProvenanceNote provenance={s.provenance} />
                    </li>
                  ))}
                  {theme.needs.map((n) => (
                    <li key={n.code}>
                      {n.label} : {label(NEED_VALUE, n.value)}
                      <ProvenanceNote provenance={n.provenance} />
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            {hiddenThemes.length > 0 && (
              <div data-testid="themes-masques">
                <h3 className={fr.cx('fr-h6')}>Thèmes masqués</h3>
                <MaskedNotice fields={hiddenThemes} />
                <ul>
                  {hiddenThemes.map((m) => (
                    <li key={m.path}>{/\[([^\]]+)\]$/.exec(m.path)?.[1] ?? m.path}</li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </MaskedOr>
      {canWrite && (
        <DiagnosticForm
          personId={person.id}
          current={Object.fromEntries(
            (d?.themes ?? []).map((t) => [t.code, t.situations.map((s) => s.code)]),
          )}
        />
      )}
    </section>
  );
}

function ContractsSection({ person, masked, canWrite }: SectionProps & { canWrite: boolean }) {
  return (
    <section aria-labelledby="contrats" className={fr.cx('fr-mb-5w')}>
      <h2 id="contrats">Contrats</h2>
      <MaskedOr masked={masked} path="person.contracts">
        {person.contracts.length === 0 && <p>Aucun contrat.</p>}
        {person.contracts.map((contract) => {
          const version =
            contract.versions.find((v) => v.version === contract.currentVersion) ?? contract.versions.at(-1);
          return (
            <article key={contract.id} aria-labelledby={`c-${contract.id}`} className={fr.cx('fr-mb-3w')}>
              <h3 id={`c-${contract.id}`} className={fr.cx('fr-h5')}>
                {label(CONTRACT_TYPE, contract.type)}{' '}
                <Badge severity={contract.status === 'draft' ? 'info' : 'success'} noIcon>
                  {label(CONTRACT_STATUS, contract.status)}
                </Badge>
              </h3>
              <p>
                Du {formatDate(contract.startDate)} au {formatDate(contract.endDate)}
                {contract.referent ? `, référent ${contract.referent.name}` : ''}
                {version?.signedAt ? `, signé le ${formatDate(version.signedAt)}` : ''}.
              </p>
              {version?.objectives.map((objective) => (
                <div key={objective.id}>
                  <h4 className={fr.cx('fr-h6')}>{objective.label}</h4>
                  <ul>
                    {objective.actions.map((action) => (
                      <li key={action.id}>
                        {action.label}, {label(ACTION_STATUS, action.status)}
                        {action.dueDate ? `, prévue le ${formatDate(action.dueDate)}` : ''}
                        {canWrite && contract.status !== 'draft' && contract.status !== 'ended' && (
                          <ActionStatusSelect
                            actionId={action.id}
                            status={action.status}
                            label={action.label}
                          />
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              {canWrite && contract.status === 'draft' && <SignContractForm contractId={contract.id} />}
            </article>
          );
        })}
      </MaskedOr>
      {canWrite && <CreateContractForm personId={person.id} />}
    </section>
  );
}
