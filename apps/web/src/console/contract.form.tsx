import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';

import { isoDay } from '../shared/format';
import { useGqlMutation } from '../shared/graphql';
import { ACTION_STATUS } from '../shared/words';
import { useLists } from './referentiel';

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
        {(lists['theme'] ?? []).map((entry) => (
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
