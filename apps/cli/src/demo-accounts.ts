import { DEMO_AGENTS, DEMO_PERSON_ACCOUNTS } from '@spie/ops/demo-seed';

/**
 * The accounts `npm start` prints: the seven main agents and the person accounts (the seed and the local OpenID provider
 * also have one référent per structure).
 */
export const DEMO_ACCOUNTS = [...DEMO_AGENTS.slice(0, 7), ...DEMO_PERSON_ACCOUNTS].map((account) => ({
  login: account.login,
  description: account.description,
}));
