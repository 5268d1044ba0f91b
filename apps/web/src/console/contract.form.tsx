import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';

import { isoDay } from '../shared/format';
import { useGqlMutation } from '../shared/graphql';
import { ACTION_STATUS, OBJECTIVE_STATUS } from '../shared/words';
import { offered, useLists } from './referentiel';

const CREATE = /* GraphQL */ `
  mutation CreateContract($input: CreateContractInput!) {
    createContract(input: $input) {
      id
      status
    }
  }
`;
const SIGN = /* GraphQL */ `
  mutation SignContract($input: SignContractInput!) {
    signContract(input: $input) {
      id
      status
    }
  }
`;
const OBJECTIVE_STATUS_MUTATION = /* GraphQL */ `
  mutation SetObjectiveStatus($input: SetContractObjectiveStatusInput!) {
    setContractObjectiveStatus(input: $input) {
      id
    }
  }
`;
const CHANGE_STATUS = /* GraphQL */ `
  mutation ChangeContractStatus($input: ChangeContractStatusInput!) {
    changeContractStatus(input: $input) {
      id
      status
    }
  }
`;
const AMEND = /* GraphQL */ `
  mutation AmendContract($contractId: ID!) {
    amendContract(contractId: $contractId) {
      id
    }
  }
`;
const UPDATE_DRAFT = /* GraphQL */ `
  mutation UpdateContractDraft($input: UpdateContractDraftInput!) {
    updateContractDraft(input: $input) {
      id
    }
  }
`;
const ACTION_STATUS_MUTATION = /* GraphQL */ `
  mutation SetActionStatus($input: SetContractActionStatusInput!) {
    setContractActionStatus(input: $input) {
      id
    }
  }
`;

/** Drafts a CER: one objective on a theme, with one action and its date (more can be added by amendment). */
export function CreateContractForm({ personId }: { personId: string }) {
  const lists = useLists(['theme']);
  const [form, setForm] = useState({
    startDate: isoDay(),
    endDate: isoDay(180),
    themeCode: '',
    objective: '',
    action: '',
    dueDate: isoDay(60),
  });
  const create = useGqlMutation<unknown, { input: Record<string, unknown> }>(CREATE);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      input: {
        personId,
        type: 'cer',
        startDate: form.startDate,
        endDate: form.endDate,
        objectives: [
          {
            themeCode: form.themeCode,
            label: form.objective,
            actions: form.action ? [{ label: form.action, dueDate: form.dueDate || undefined }] : [],
          },
        ],
      },
    });
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  return (
    <form onSubmit={submit} aria-labelledby="nouveau-cer" className={fr.cx('fr-mt-3w')}>
      <h3 id="nouveau-cer">Préparer un CER</h3>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Début"
            nativeInputProps={{
              type: 'date',
              required: true,
              value: form.startDate,
              onChange: set('startDate'),
            }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Fin"
            nativeInputProps={{ type: 'date', required: true, value: form.endDate, onChange: set('endDate') }}
          />
        </div>
      </div>
      <Select
        label="Thème de l’objectif"
        nativeSelectProps={{ required: true, value: form.themeCode, onChange: set('themeCode') }}
      >
        <option value="" disabled>
          Choisir
        </option>
        {offered(lists['theme']).map((entry) => (
          <option key={entry.code} value={entry.code}>
            {entry.label}
          </option>
        ))}
      </Select>
      <Input
        label="Objectif"
        nativeInputProps={{ required: true, value: form.objective, onChange: set('objective') }}
      />
      <Input
        label="Action"
        hintText="Facultatif"
        nativeInputProps={{ value: form.action, onChange: set('action') }}
      />
      <Input
        label="Date prévue de l’action"
        nativeInputProps={{ type: 'date', value: form.dueDate, onChange: set('dueDate') }}
      />
      <Button type="submit" disabled={create.isPending}>
        Créer le brouillon
      </Button>
      {create.error && (
        <Alert severity="error" title="Le contrat n’a pas été créé" description={create.error.message} />
      )}
    </form>
  );
}

/** Signs a draft with the person's agreement. */
export function SignContractForm({ contractId }: { contractId: string }) {
  const [agreed, setAgreed] = useState(false);
  const [method, setMethod] = useState('in_person');
  const sign = useGqlMutation<unknown, { input: Record<string, unknown> }>(SIGN);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    sign.mutate({ input: { contractId, personAgreed: agreed, signatureMethod: method } });
  };
  return (
    <form onSubmit={submit} aria-label="Signer le contrat" className={fr.cx('fr-mt-2w')}>
      <Checkbox
        options={[
          {
            label: 'La personne est d’accord avec ce contrat',
            nativeInputProps: {
              checked: agreed,
              onChange: (e) => setAgreed(e.target.checked),
              required: true,
            },
          },
        ]}
      />
      <Select
        label="Signature"
        nativeSelectProps={{ value: method, onChange: (e) => setMethod(e.target.value) }}
      >
        <option value="in_person">En rendez-vous</option>
        <option value="paper">Sur papier</option>
        <option value="electronic">Électronique</option>
      </Select>
      <Button type="submit" disabled={sign.isPending}>
        Signer le contrat
      </Button>
      {sign.error && <Alert severity="error" title="Signature refusée" description={sign.error.message} />}
    </form>
  );
}

/** Records the follow-up of one action of a signed contract. */
export function ActionStatusSelect({
  actionId,
  status,
  label,
}: {
  actionId: string;
  status: string;
  label: string;
}) {
  const change = useGqlMutation<unknown, { input: Record<string, unknown> }>(ACTION_STATUS_MUTATION);
  return (
    <Select
      label={`Suivi de l’action « ${label} »`}
      disabled={change.isPending}
      state={change.error ? 'error' : 'default'}
      stateRelatedMessage={change.error?.message}
      nativeSelectProps={{
        value: status,
        onChange: (e) => change.mutate({ input: { actionId, status: e.target.value } }),
      }}
    >
      {Object.entries(ACTION_STATUS).map(([code, text]) => (
        <option key={code} value={code}>
          {text}
        </option>
      ))}
    </Select>
  );
}

/** Records the follow-up of one objective of a signed contract: reached, not reached… (the signed text never changes). */
export function ObjectiveStatusSelect({
  objectiveId,
  status,
  label,
}: {
  objectiveId: string;
  status: string;
  label: string;
}) {
  const change = useGqlMutation<unknown, { input: Record<string, unknown> }>(OBJECTIVE_STATUS_MUTATION);
  return (
    <Select
      label={`Suivi de l’objectif « ${label} »`}
      disabled={change.isPending}
      state={change.error ? 'error' : 'default'}
      stateRelatedMessage={change.error?.message}
      nativeSelectProps={{
        value: status,
        onChange: (e) => change.mutate({ input: { objectiveId, status: e.target.value } }),
      }}
    >
      {Object.entries(OBJECTIVE_STATUS).map(([code, text]) => (
        <option key={code} value={code}>
          {text}
        </option>
      ))}
    </Select>
  );
}

const CHANGES: Record<string, { from: string[]; button: string; reason: 'required' | 'optional' | 'none' }> =
  {
    activate: { from: ['signed'], button: 'Commencer le contrat', reason: 'none' },
    suspend: { from: ['active'], button: 'Suspendre le contrat', reason: 'optional' },
    resume: { from: ['suspended'], button: 'Reprendre le contrat', reason: 'none' },
    end: {
      from: ['draft', 'signed', 'active', 'suspended'],
      button: 'Terminer le contrat',
      reason: 'required',
    },
  };

/**
 * The life cycle of a contract, as the domain allows it from its status: start, suspend (with a reason), resume, end
 * (with a reason), and open an amendment (a new draft version; the signed one stays as signed).
 */
export function ContractLifecycleForm({
  contractId,
  status,
  canAmend,
}: {
  contractId: string;
  status: string;
  canAmend: boolean;
}) {
  const [reason, setReason] = useState('');
  const change = useGqlMutation<unknown, { input: Record<string, unknown> }>(CHANGE_STATUS);
  const amend = useGqlMutation<unknown, { contractId: string }>(AMEND);
  const allowed = Object.entries(CHANGES).filter(([, c]) => c.from.includes(status));
  if (allowed.length === 0 && !canAmend) return null;
  const asksReason = allowed.some(([, c]) => c.reason !== 'none');
  return (
    <div role="group" aria-label="Suivi du contrat" className={fr.cx('fr-mt-2w')}>
      {asksReason && (
        <Input
          label="Motif"
          hintText="Obligatoire pour terminer le contrat ; la personne le lit dans son dossier"
          nativeInputProps={{ value: reason, onChange: (e) => setReason(e.target.value), maxLength: 1000 }}
        />
      )}
      <div className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
        {allowed.map(([code, c]) => (
          <Button
            key={code}
            priority={code === 'end' ? 'secondary' : 'primary'}
            disabled={change.isPending || (c.reason === 'required' && !reason.trim())}
            onClick={() =>
              change.mutate(
                { input: { contractId, change: code, reason: reason.trim() || null } },
                { onSuccess: () => setReason('') },
              )
            }
          >
            {c.button}
          </Button>
        ))}
        {canAmend && (
          <Button priority="tertiary" disabled={amend.isPending} onClick={() => amend.mutate({ contractId })}>
            Préparer un avenant
          </Button>
        )}
      </div>
      {(change.error ?? amend.error) && (
        <Alert
          severity="error"
          title="Le contrat n’a pas changé"
          description={(change.error ?? amend.error)?.message ?? ''}
        />
      )}
    </div>
  );
}

interface DraftObjective {
  themeCode: string;
  code: string | null;
  label: string;
  actions: Array<{ code: string | null; label: string; dueDate: string }>;
}

/**
 * Changes the objectives and actions of a draft (a first version, or an amendment) before it is signed. The whole list
 * is sent: it replaces the draft's objectives; a signed version is refused by the server.
 */
export function DraftObjectivesForm({
  contractId,
  objectives,
}: {
  contractId: string;
  objectives: Array<{
    themeCode: string;
    code: string | null;
    label: string;
    actions: Array<{ code: string | null; label: string; dueDate: string | null }>;
  }>;
}) {
  const lists = useLists(['theme']);
  const [draft, setDraft] = useState<DraftObjective[]>(
    objectives.map((o) => ({
      themeCode: o.themeCode,
      code: o.code,
      label: o.label,
      actions: o.actions.map((a) => ({ code: a.code, label: a.label, dueDate: a.dueDate ?? '' })),
    })),
  );
  const update = useGqlMutation<unknown, { input: Record<string, unknown> }>(UPDATE_DRAFT);
  const setObjective = (index: number, patch: Partial<DraftObjective>) =>
    setDraft(draft.map((o, i) => (i === index ? { ...o, ...patch } : o)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({
      input: {
        contractId,
        objectives: draft.map((o) => ({
          themeCode: o.themeCode,
          code: o.code,
          label: o.label.trim() || null,
          actions: o.actions
            .filter((a) => a.label.trim() || a.code)
            .map((a) => ({ code: a.code, label: a.label.trim() || null, dueDate: a.dueDate || null })),
        })),
      },
    });
  };
  return (
    <form onSubmit={submit} aria-label="Objectifs du brouillon" className={fr.cx('fr-mt-2w')}>
      <h4 className={fr.cx('fr-h6')}>Modifier les objectifs du brouillon</h4>
      {draft.map((objective, index) => (
        <fieldset key={index} className={fr.cx('fr-fieldset')} aria-label={`Objectif ${index + 1}`}>
          <div className={fr.cx('fr-fieldset__element')}>
            <Select
              label={`Thème de l’objectif ${index + 1}`}
              nativeSelectProps={{
                required: true,
                value: objective.themeCode,
                onChange: (e) => setObjective(index, { themeCode: e.target.value, code: null }),
              }}
            >
              {offered(lists['theme']).map((entry) => (
                <option key={entry.code} value={entry.code}>
                  {entry.label}
                </option>
              ))}
            </Select>
            <Input
              label={`Objectif ${index + 1}`}
              nativeInputProps={{
                required: !objective.code,
                value: objective.label,
                onChange: (e) => setObjective(index, { label: e.target.value }),
              }}
            />
            {objective.actions.map((action, a) => (
              <div key={a} className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
                <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
                  <Input
                    label={`Action ${a + 1} de l’objectif ${index + 1}`}
                    nativeInputProps={{
                      value: action.label,
                      onChange: (e) =>
                        setObjective(index, {
                          actions: objective.actions.map((other, j) =>
                            j === a ? { ...other, label: e.target.value } : other,
                          ),
                        }),
                    }}
                  />
                </div>
                <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
                  <Input
                    label={`Date prévue de l’action ${a + 1}`}
                    nativeInputProps={{
                      type: 'date',
                      value: action.dueDate,
                      onChange: (e) =>
                        setObjective(index, {
                          actions: objective.actions.map((other, j) =>
                            j === a ? { ...other, dueDate: e.target.value } : other,
                          ),
                        }),
                    }}
                  />
                </div>
              </div>
            ))}
            <div className={fr.cx('fr-btns-group', 'fr-btns-group--inline-sm')}>
              <Button
                type="button"
                size="small"
                priority="secondary"
                onClick={() =>
                  setObjective(index, {
                    actions: [...objective.actions, { code: null, label: '', dueDate: '' }],
                  })
                }
              >
                Ajouter une action à l’objectif {index + 1}
              </Button>
              <Button
                type="button"
                size="small"
                priority="tertiary"
                onClick={() => setDraft(draft.filter((_, i) => i !== index))}
              >
                Retirer l’objectif {index + 1}
              </Button>
            </div>
          </div>
        </fieldset>
      ))}
      <div className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
        <Button
          type="button"
          priority="secondary"
          onClick={() =>
            setDraft([
              ...draft,
              { themeCode: offered(lists['theme'])[0]?.code ?? '', code: null, label: '', actions: [] },
            ])
          }
        >
          Ajouter un objectif
        </Button>
        <Button type="submit" disabled={update.isPending || draft.length === 0}>
          Enregistrer le brouillon
        </Button>
      </div>
      {update.error && (
        <Alert severity="error" title="Le brouillon n’a pas changé" description={update.error.message} />
      )}
      {update.isSuccess && <Alert severity="success" small title="Brouillon enregistré" description="" />}
    </form>
  );
}
