import { importReadScope, isAllowed, Permission, ROLE_PERMISSIONS } from './access-policy';

const agent = (roles: string[], login = 'someone') => ({ kind: 'agent' as const, roles, login });

describe('access policy', () => {
  it('should let connectors, the orientation team and administrators read imports, and nobody else', () => {
    expect(isAllowed(agent(['connector']), Permission.ImportsRead)).toBe(true);
    expect(isAllowed(agent(['orientation']), Permission.ImportsRead)).toBe(true);
    expect(isAllowed(agent(['admin']), Permission.ImportsRead)).toBe(true);
    for (const role of ['referent', 'adviser', 'dpo'])
      expect(isAllowed(agent([role]), Permission.ImportsRead)).toBe(false);
  });

  it('should let only the roles that act for a transmission send files (connectors, the orientation team)', () => {
    expect(isAllowed(agent(['connector']), Permission.ImportsSubmit)).toBe(true);
    expect(isAllowed(agent(['orientation']), Permission.ImportsSubmit)).toBe(true);
    for (const role of ['admin', 'referent', 'adviser', 'dpo'])
      expect(isAllowed(agent([role]), Permission.ImportsSubmit)).toBe(false);
  });

  it('should let only the orientation team and administrators review identity conflicts', () => {
    expect(isAllowed(agent(['orientation']), Permission.IdentityConflictsReview)).toBe(true);
    expect(isAllowed(agent(['admin']), Permission.IdentityConflictsReview)).toBe(true);
    expect(isAllowed(agent(['connector']), Permission.IdentityConflictsReview)).toBe(false);
    expect(isAllowed(agent(['adviser', 'referent']), Permission.IdentityConflictsReview)).toBe(false);
  });

  it('should open the queue dashboard to administrators only', () => {
    expect(ROLE_PERMISSIONS[Permission.QueuesAdmin]).toEqual(['admin']);
    expect(isAllowed(agent(['orientation', 'connector']), Permission.QueuesAdmin)).toBe(false);
  });

  it('should grant nothing to a person or a system actor, whatever roles they carry', () => {
    expect(isAllowed({ kind: 'person', roles: ['admin'] }, Permission.ImportsRead)).toBe(false);
    expect(isAllowed({ kind: 'system', roles: ['admin'] }, Permission.QueuesAdmin)).toBe(false);
  });

  it('should limit a connector to the files it sent and show every batch to orientation and admin', () => {
    expect(importReadScope(agent(['connector'], 'caf-connector'))).toEqual({
      all: false,
      receivedBy: 'caf-connector',
    });
    expect(importReadScope(agent(['orientation']))).toEqual({ all: true });
    expect(importReadScope(agent(['connector', 'admin']))).toEqual({ all: true });
  });

  it('should let only the data protection officer search the audit log and acknowledge its alerts', () => {
    for (const permission of [Permission.AuditRead, Permission.AuditAlertsAcknowledge]) {
      expect(isAllowed(agent(['dpo']), permission)).toBe(true);
      for (const role of ['admin', 'orientation', 'referent', 'adviser', 'connector'])
        expect(isAllowed(agent([role]), permission)).toBe(false);
    }
    expect(isAllowed({ kind: 'person', roles: ['dpo'] }, Permission.AuditRead)).toBe(false);
  });
});
