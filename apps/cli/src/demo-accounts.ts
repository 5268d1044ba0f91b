/** The demo accounts created by `spie seed --demo` (kept in step with libs/ops/demo-seed). */
export const DEMO_ACCOUNTS = [
  { login: 'cd52-orientation', description: 'Department 052, orientation team' },
  { login: 'cd52-referent', description: 'Department 052, social référent' },
  { login: 'ft-conseiller', description: 'France Travail adviser, Chaumont agency' },
  { login: 'ml-conseiller', description: 'Mission locale adviser' },
  { login: 'caf-connector', description: 'CAF technical account (ingestion only)' },
  { login: 'dpo', description: 'Data protection officer' },
] as const;
