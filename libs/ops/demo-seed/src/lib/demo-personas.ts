import type { Persona } from '@spie/access/domain';

import { DEMO_AGENTS, DEMO_ORGANISATIONS, DEMO_PERSON_ACCOUNTS, type DemoAgentSpec } from './demo-catalog';

/**
 * The demo accounts `npm start` prints, as the access matrix sees them: organisation type and roles for agents; the
 * person for the allocataire. `docs/access-matrix.md` is generated from these (`npm run docs:access-matrix`).
 */
function agentPersona(agent: DemoAgentSpec): Persona {
  const organisation = DEMO_ORGANISATIONS.find((candidate) => candidate.key === agent.organisation);
  return {
    login: agent.login,
    kind: 'agent',
    organisationType: organisation?.type ?? null,
    roles: agent.roles,
    description: agent.description,
  };
}

/** Every demo agent (référents and technical accounts too): who may send which source (Imports of the matrix). */
export const DEMO_AGENT_PERSONAS: readonly Persona[] = DEMO_AGENTS.map(agentPersona);

export const DEMO_PERSONAS: readonly Persona[] = [
  ...DEMO_AGENTS.slice(0, 7).map(agentPersona),
  ...DEMO_PERSON_ACCOUNTS.map((account): Persona => ({
    login: account.login,
    kind: 'person',
    organisationType: null,
    roles: [],
    description: account.description,
  })),
];
