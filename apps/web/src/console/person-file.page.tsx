import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useParams } from 'react-router-dom';

import { useDocumentTitle } from '../shared/document-title';
import { formatDate, formatDateTime } from '../shared/format';
import { useGql, type MaskedField } from '../shared/graphql';
import { MaskedNotice, MaskedOr } from '../shared/masked';
import { QueryState } from '../shared/query-state';
import { useSession } from '../shared/session';
import { Table } from '../shared/table';
import {
  ACTION_STATUS,
  APPOINTMENT_STATUS,
  CONTRACT_EVENT,
  CONTRACT_STATUS,
  CONTRACT_TYPE,
  NEED_VALUE,
  OBJECTIVE_STATUS,
  RSA_STATUS_SHORT,
  label,
} from '../shared/words';
import { CONSOLE } from './console-name';
import {
  ActionStatusSelect,
  ContractLifecycleForm,
  CreateContractForm,
  DraftObjectivesForm,
  ObjectiveStatusSelect,
  SignContractForm,
} from './contract.form';
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
            <AppointmentsSection person={person} masked={masked} />
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

/** The appointments partners planned with the person (i-Milo RDV), with their source. */
function AppointmentsSection({ person, masked }: SectionProps) {
  return (
    <section aria-labelledby="rendez-vous" className={fr.cx('fr-mb-5w')}>
      <h2 id="rendez-vous">Rendez-vous</h2>
      <MaskedOr masked={masked} path="person.appointments">
        {person.appointments.length === 0 ? (
          <p>Aucun rendez-vous transmis par un partenaire.</p>
        ) : (
          <Table caption="Rendez-vous planifiés par les partenaires">
            <thead>
              <tr>
                <th scope="col">Quand</th>
                <th scope="col">Quoi</th>
                <th scope="col">Avec</th>
                <th scope="col">Où</th>
                <th scope="col">Statut</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {person.appointments.map((a) => (
                <tr key={a.id} data-upcoming={a.upcoming}>
                  <td>{formatDateTime(a.startsAt)}</td>
                  <td>{[a.kind, a.subject].filter(Boolean).join(' : ') || '—'}</td>
                  <td>{[a.structure?.name, a.withWhom].filter(Boolean).join(', ') || '—'}</td>
                  <td>{a.place ?? '—'}</td>
                  <td>
                    <Badge
                      severity={a.upcoming ? 'info' : a.status === 'present' ? 'success' : 'warning'}
                      small
                      noIcon
                    >
                      {label(APPOINTMENT_STATUS, a.status)}
                    </Badge>
                  </td>
                  <td>
                    <ProvenanceNote provenance={a.provenance} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </MaskedOr>
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
              {d.author.agent ? ` (${d.author.agent.name})` : ''}
              <ProvenanceNote provenance={d.provenance} />. Chaque valeur indique sa source : qui l’a dite en
              premier, et quand.
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
                  {theme.constraints.map((c) => (
                    <li key={`c-${c.code}`} data-kind="constraint">
                      Contrainte : {c.label} : {label(NEED_VALUE, c.value)}
                      <ProvenanceNote provenance={c.provenance} />
                    </li>
                  ))}
                  {theme.needs.map((n) => (
                    <li key={`n-${n.code}`} data-kind="need">
                      Besoin : {n.label} : {label(NEED_VALUE, n.value)}
                      <ProvenanceNote provenance={n.provenance} />
                    </li>
                  ))}
                  {theme.objectives.map((o) => (
                    <li key={`o-${o.code}`} data-kind="objective">
                      Objectif travaillé : {o.label} : {label(NEED_VALUE, o.value)}
                      <ProvenanceNote provenance={o.provenance} />
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            <MaskedOr masked={masked} path="person.diagnostic.projects">
              {d.projects && d.projects.length > 0 && (
                <div data-testid="projets">
                  <h3 className={fr.cx('fr-h6')}>Projets professionnels</h3>
                  <ul>
                    {d.projects.map((p) => (
                      <li key={p.romeCode}>
                        {p.romeCode}
                        {p.label ? ` — ${p.label}` : ''}
                        {p.mobilityRadiusKm !== null ? `, mobilité ${p.mobilityRadiusKm} km` : ''}
                        <ProvenanceNote provenance={p.provenance} />
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </MaskedOr>
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
          key={d?.version ?? 0}
          personId={person.id}
          current={{ themes: d?.themes ?? [], projects: d?.projects ?? [] }}
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
        {person.contracts.map((contract) => (
          <ContractArticle key={contract.id} contract={contract} canWrite={canWrite} />
        ))}
      </MaskedOr>
      {canWrite && <CreateContractForm personId={person.id} />}
    </section>
  );
}

type Contract = Person['contracts'][number];

/**
 * One contract: the version in force with the follow-up of its objectives and actions (statuses appended, the signed
 * text never changes), its life cycle (start, suspend, resume, end with a reason, amend) and, when a draft is open
 * (a first version or an amendment), its objectives to edit and its signature.
 */
function ContractArticle({ contract, canWrite }: { contract: Contract; canWrite: boolean }) {
  const inForce =
    contract.versions.find((v) => v.version === contract.currentVersion) ?? contract.versions.at(-1);
  const latest = contract.versions.at(-1);
  const draft = latest && !latest.signedAt && contract.status !== 'ended' ? latest : null;
  const followed = contract.status !== 'draft' && contract.status !== 'ended' && Boolean(inForce?.signedAt);
  return (
    <article aria-labelledby={`c-${contract.id}`} className={fr.cx('fr-mb-3w')}>
      <h3 id={`c-${contract.id}`} className={fr.cx('fr-h5')}>
        {label(CONTRACT_TYPE, contract.type)}{' '}
        <Badge
          severity={
            contract.status === 'draft' ? 'info' : contract.status === 'ended' ? 'warning' : 'success'
          }
          noIcon
        >
          {label(CONTRACT_STATUS, contract.status)}
        </Badge>
      </h3>
      <p>
        Du {formatDate(contract.startDate)} au {formatDate(contract.endDate)}
        {contract.referent ? `, référent ${contract.referent.name}` : ''}
        {inForce?.signedAt ? `, signé le ${formatDate(inForce.signedAt)}` : ''}
        {contract.endReason ? `, terminé : ${contract.endReason}` : ''}.
      </p>
      {inForce?.objectives.map((objective) => (
        <div key={objective.id} data-objective={objective.label}>
          <h4 className={fr.cx('fr-h6')}>
            {objective.label}{' '}
            <Badge severity={objective.status === 'reached' ? 'success' : 'info'} small noIcon>
              {label(OBJECTIVE_STATUS, objective.status)}
            </Badge>
          </h4>
          {canWrite && followed && (
            <ObjectiveStatusSelect
              objectiveId={objective.id}
              status={objective.status}
              label={objective.label}
            />
          )}
          <ul>
            {objective.actions.map((action) => (
              <li key={action.id} data-action={action.label}>
                {action.label}, {label(ACTION_STATUS, action.status)}
                {action.dueDate ? `, prévue le ${formatDate(action.dueDate)}` : ''}
                {canWrite && followed && (
                  <ActionStatusSelect actionId={action.id} status={action.status} label={action.label} />
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {contract.events.length > 0 && (
        <details className={fr.cx('fr-mb-2w')}>
          <summary>Historique du contrat ({contract.events.length})</summary>
          <ul>
            {contract.events.map((event, index) => (
              <li key={index}>
                {formatDate(event.at)} : {label(CONTRACT_EVENT, event.kind)} (version {event.version})
                {event.reason ? `, motif : ${event.reason}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      {canWrite && draft && (
        <>
          {draft.version > 1 && <p>Avenant en préparation (version {draft.version}).</p>}
          <DraftObjectivesForm
            key={`${contract.id}-${draft.version}`}
            contractId={contract.id}
            objectives={draft.objectives}
          />
          <SignContractForm contractId={contract.id} />
        </>
      )}
      {canWrite && (
        <ContractLifecycleForm
          contractId={contract.id}
          status={contract.status}
          canAmend={contract.status !== 'draft' && contract.status !== 'ended' && !draft}
        />
      )}
    </article>
  );
}
