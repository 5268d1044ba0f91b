/**
 * Everything the hub holds about one person, table by table, in the order it is destroyed (CASF R.263-8). Each step
 * names its rows with `$1` = the person id; `count` finds them (dry run, report), `run` removes them. A step without
 * `run` is removed by a foreign key cascade of a later step and is only counted.
 *
 * The retention lib reaches other contexts' tables through this SQL instead of importing their entities, so that
 * `@spie/audit/*` stays a leaf every context may depend on. `retention.integration-spec.ts` fails when a table with a
 * person column is neither here nor in `PERSON_COLUMNS_KEPT`.
 *
 * Not covered: files received as they came (kept for replay), the staged chunks of a batch still in progress and
 * import issues still hold what their batch said about the person; they need a retention of their own, by batch.
 */
export interface DestructionStep {
  /** The table, with a qualifier when one table has several steps. */
  name: string;
  table: string;
  count: string;
  run: string | null;
}

const CONTRACTS = 'SELECT c.id FROM contract c WHERE c.person_id = $1';
const VERSIONS = `SELECT v.id FROM contract_version v WHERE v.contract_id IN (${CONTRACTS})`;
const OBJECTIVES = `SELECT o.id FROM contract_objective o WHERE o.contract_version_id IN (${VERSIONS})`;
const ACTIONS = `SELECT a.id FROM contract_action a WHERE a.objective_id IN (${OBJECTIVES})`;
const DIAGNOSTICS = 'SELECT d.id FROM diagnostic d WHERE d.person_id = $1';
/** Households of which the person is the only member ever recorded: they go with the person. */
const OWN_HOUSEHOLDS = `SELECT m.household_id FROM household_member m WHERE m.person_id = $1
  AND NOT EXISTS (SELECT 1 FROM household_member o WHERE o.household_id = m.household_id AND o.person_id <> $1)`;

/** Cases that also name other candidates (the previous step removes the others, so a dry run counts the same). */
const CANDIDATE_ELSEWHERE = `$1 = ANY(candidate_person_ids) AND resolved_person_id IS DISTINCT FROM $1
  AND candidate_person_ids <> ARRAY[$1]::uuid[]`;

const step = (name: string, table: string, where: string, cascaded = false): DestructionStep => ({
  name,
  table,
  count: `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
  run: cascaded ? null : `DELETE FROM ${table} WHERE ${where}`,
});

export const PERSON_DESTRUCTION_PLAN: readonly DestructionStep[] = [
  // Contracts: statuses of actions (no foreign key), events, then versions, whose objectives and actions cascade.
  // Deleting a signed version is allowed only for the person named by `spie.retention_destroy_person`.
  step('contract_action_status', 'contract_action_status', `action_id IN (${ACTIONS})`),
  step('contract_action', 'contract_action', `id IN (${ACTIONS})`, true),
  step('contract_objective', 'contract_objective', `id IN (${OBJECTIVES})`, true),
  step('contract_event', 'contract_event', `contract_id IN (${CONTRACTS})`),
  step('contract_version', 'contract_version', `contract_id IN (${CONTRACTS})`),
  step('contract', 'contract', 'person_id = $1'),
  step('diagnostic_item', 'diagnostic_item', `diagnostic_id IN (${DIAGNOSTICS})`, true),
  step('diagnostic_project', 'diagnostic_project', `diagnostic_id IN (${DIAGNOSTICS})`, true),
  step('diagnostic', 'diagnostic', 'person_id = $1'),
  step('orientation', 'orientation', 'person_id = $1'),
  step('partner_follow_up', 'partner_follow_up', 'person_id = $1'),
  step('partner_action', 'partner_action', 'person_id = $1'),
  // Household rows while the memberships still tell which households are the person's own.
  step(
    'rsa_right_status',
    'rsa_right_status',
    `person_id = $1 OR (person_id IS NULL AND household_id IN (${OWN_HOUSEHOLDS}))`,
  ),
  step('domain_event', 'domain_event', `person_id = $1 OR household_id IN (${OWN_HOUSEHOLDS})`),
  step('household', 'household', `id IN (${OWN_HOUSEHOLDS})`),
  step('household_member', 'household_member', 'person_id = $1'),
  // Identity review cases about this person; other cases lose this person from their candidates.
  step(
    'identity_conflict',
    'identity_conflict',
    'resolved_person_id = $1 OR candidate_person_ids = ARRAY[$1]::uuid[]',
  ),
  {
    name: 'identity_conflict (candidate removed)',
    table: 'identity_conflict',
    count: `SELECT count(*)::int AS n FROM identity_conflict WHERE ${CANDIDATE_ELSEWHERE}`,
    run: `UPDATE identity_conflict SET candidate_person_ids = array_remove(candidate_person_ids, $1::uuid)
           WHERE ${CANDIDATE_ELSEWHERE}`,
  },
  step('person_parcours_status', 'person_parcours_status', 'person_id = $1'),
  step('person_parcours_status_pending', 'person_parcours_status_pending', 'person_id = $1'),
  // The person's oppositions and consents (no one is left for them to protect) and their sign-in accounts.
  step('consent', 'consent', 'person_id = $1'),
  // The corrections the person asked for from the portal, with their decisions.
  step('correction_request', 'correction_request', 'person_id = $1'),
  step('person_account', 'person_account', 'person_id = $1'),
  step('person_history', 'person_history', 'person_id = $1'),
  step('person_identifier', 'person_identifier', 'person_id = $1'),
  step('person', 'person', 'id = $1'),
];

/**
 * Tables with a person column that destruction leaves alone, and why: the audit log keeps the bare id of whose data was
 * read (no identity), for its own retention window, and the access log of a destroyed person is no one's to read.
 */
export const PERSON_COLUMNS_KEPT: Readonly<Record<string, string>> = {
  audit_entry: 'the audit log keeps its entries for AUDIT_RETENTION_DAYS; they hold a bare id, no identity',
};
