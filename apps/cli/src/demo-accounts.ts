import { DEMO_AGENTS } from '@spie/ops/demo-seed';

/** The accounts `npm start` prints: the seven main demo logins (the seed also has one référent per structure). */
export const DEMO_ACCOUNTS = DEMO_AGENTS.slice(0, 7).map((agent) => ({
  login: agent.login,
  description: agent.description,
}));
