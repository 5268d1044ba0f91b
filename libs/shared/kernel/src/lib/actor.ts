/** Who is acting: carried by every request and every job payload. */
export interface Actor {
  kind: 'agent' | 'person' | 'system';
  /** Agent id, person id, or the name of a system component. */
  id: string;
  /** Login shown in logs and audit (never a NIR). */
  login: string;
  organisationId: string | null;
  displayName: string;
  roles: string[];
}

export const SYSTEM_ACTOR: Actor = {
  kind: 'system',
  id: 'system',
  login: 'system',
  organisationId: null,
  displayName: 'spie-hub',
  roles: ['system'],
};
