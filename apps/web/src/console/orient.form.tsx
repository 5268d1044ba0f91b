import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';

import { useGql, useGqlMutation } from '../shared/graphql';
import { useLists } from './referentiel';

const STRUCTURES_QUERY = /* GraphQL */ `
  query Structures($departmentCode: String) {
    organisations(departmentCode: $departmentCode) {
      id
      name
      type
    }
  }
`;

const AGENTS_QUERY = /* GraphQL */ `
  query Referents($organisationId: ID!) {
    agents(organisationId: $organisationId) {
      id
      name
      roles
    }
  }
`;

const ORIENT = /* GraphQL */ `
  mutation Orient($input: OrientPersonInput!) {
    orientPerson(input: $input) {
      id
      type
    }
  }
`;

/** The orientation decision: type, structure and référent unique. */
export function OrientForm({ personId, departmentCode }: { personId: string; departmentCode: string }) {
  const lists = useLists(['orientation-type']);
  const structures = useGql<{ organisations: Array<{ id: string; name: string; type: string }> }>(
    STRUCTURES_QUERY,
    {
      departmentCode,
    },
  );
  const [form, setForm] = useState({ type: '', structureId: '', referentAgentId: '', reason: '' });
  const agents = useGql<{ agents: Array<{ id: string; name: string; roles: string[] }> }>(
    AGENTS_QUERY,
    { organisationId: form.structureId },
    { enabled: Boolean(form.structureId) },
  );
  const orient = useGqlMutation<unknown, { input: Record<string, unknown> }>(ORIENT);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    orient.mutate({
      input: {
        personId,
        type: form.type,
        structureId: form.structureId,
        ...(form.referentAgentId ? { referentAgentId: form.referentAgentId } : {}),
        ...(form.reason.trim() ? { reason: form.reason.trim() } : {}),
      },
    });
  };
  const referents = (agents.data?.data.agents ?? []).filter((a) =>
    a.roles.some((r) => r === 'referent' || r === 'adviser'),
  );
  return (
    <form onSubmit={submit} aria-labelledby="orienter">
      <h3 id="orienter">Orienter</h3>
      <Select
        label="Type d’orientation"
        nativeSelectProps={{
          required: true,
          value: form.type,
          onChange: (e) => setForm({ ...form, type: e.target.value }),
        }}
      >
        <option value="" disabled>
          Choisir
        </option>
        {(lists['orientation-type'] ?? []).map((entry) => (
          <option key={entry.code} value={entry.code}>
            {entry.label}
          </option>
        ))}
      </Select>
      <Select
        label="Structure qui accompagne"
        nativeSelectProps={{
          required: true,
          value: form.structureId,
          onChange: (e) => setForm({ ...form, structureId: e.target.value, referentAgentId: '' }),
        }}
      >
        <option value="" disabled>
          Choisir
        </option>
        {(structures.data?.data.organisations ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
      <Select
        label="Référent unique"
        hint="Facultatif : la structure peut le désigner plus tard."
        disabled={!form.structureId}
        nativeSelectProps={{
          value: form.referentAgentId,
          onChange: (e) => setForm({ ...form, referentAgentId: e.target.value }),
        }}
      >
        <option value="">Pas encore désigné</option>
        {referents.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </Select>
      <Input
        label="Motif de la décision"
        hintText="Facultatif"
        nativeInputProps={{
          value: form.reason,
          onChange: (e) => setForm({ ...form, reason: e.target.value }),
        }}
      />
      <Button type="submit" disabled={orient.isPending}>
        Enregistrer l’orientation
      </Button>
      {orient.error && (
        <Alert severity="error" title="Orientation refusée" description={orient.error.message} />
      )}
      {orient.isSuccess && <Alert severity="success" title="Orientation enregistrée" small description="" />}
    </form>
  );
}
