import {
  allowedContractCommands,
  amendmentStep,
  assertActionFollowable,
  assertObjectiveFollowable,
  assertDraftEditable,
  CONTRACT_STATUSES,
  contractTransition,
  signatureSteps,
  statusChangeStep,
  type ContractCommand,
  type ContractStatus,
  type SignatureFacts,
} from './contract-lifecycle';
import { ContractException, ContractExceptionCode } from './contract.exception';

function codeOf(run: () => unknown): ContractExceptionCode | 'no error' {
  try {
    run();
  } catch (error) {
    if (error instanceof ContractException) return error.code;
    throw error;
  }
  return 'no error';
}

const ALLOWED: Array<[ContractStatus, ContractCommand, ContractStatus, string]> = [
  ['draft', 'sign', 'signed', 'signed'],
  ['signed', 'activate', 'active', 'activated'],
  ['active', 'suspend', 'suspended', 'suspended'],
  ['suspended', 'resume', 'active', 'resumed'],
  ['draft', 'end', 'ended', 'ended'],
  ['signed', 'end', 'ended', 'ended'],
  ['active', 'end', 'ended', 'ended'],
  ['suspended', 'end', 'ended', 'ended'],
];

const COMMANDS: ContractCommand[] = ['sign', 'activate', 'suspend', 'resume', 'end'];
const REFUSED = CONTRACT_STATUSES.flatMap((from) =>
  COMMANDS.filter((command) => !ALLOWED.some(([f, c]) => f === from && c === command)).map(
    (command) => [from, command] as const,
  ),
);

describe('contractTransition', () => {
  it.each(ALLOWED)('should go from %s on %s to %s with a %s event', (from, command, to, kind) => {
    expect(contractTransition(from, command)).toEqual({ kind, fromStatus: from, toStatus: to });
  });

  it('should refuse exactly the 17 other pairs when the life cycle does not allow them', () => {
    expect(REFUSED).toHaveLength(CONTRACT_STATUSES.length * COMMANDS.length - ALLOWED.length);
    expect(REFUSED).toContainEqual(['ended', 'resume']);
    expect(REFUSED).toContainEqual(['draft', 'activate']);
  });

  it.each(REFUSED)('should refuse %s on %s with INVALID_TRANSITION', (from, command) => {
    expect(codeOf(() => contractTransition(from, command))).toBe(ContractExceptionCode.InvalidTransition);
  });

  it('should list the commands allowed from each status', () => {
    expect(allowedContractCommands('draft')).toEqual(['sign', 'end']);
    expect(allowedContractCommands('active')).toEqual(['suspend', 'end']);
    expect(allowedContractCommands('ended')).toEqual([]);
  });
});

describe('statusChangeStep', () => {
  it('should require a reason when the contract is ended', () => {
    expect(codeOf(() => statusChangeStep('active', 'end', '  '))).toBe(ContractExceptionCode.ReasonRequired);
    expect(statusChangeStep('active', 'end', 'emploi durable').toStatus).toBe('ended');
  });

  it('should suspend without a reason when none is given', () => {
    expect(statusChangeStep('active', 'suspend', null)).toEqual({
      kind: 'suspended',
      fromStatus: 'active',
      toStatus: 'suspended',
    });
  });
});

describe('signatureSteps', () => {
  const now = new Date('2026-03-10T10:00:00Z');
  const facts = (overrides: Partial<SignatureFacts> = {}): SignatureFacts => ({
    status: 'draft',
    latestVersion: { signedAt: null },
    startDate: '2026-03-10',
    personAgreed: true,
    signedAt: now,
    now,
    today: '2026-03-10',
    ...overrides,
  });

  it('should sign and activate when the start date has come', () => {
    expect(signatureSteps(facts())).toEqual([
      { kind: 'signed', fromStatus: 'draft', toStatus: 'signed' },
      { kind: 'activated', fromStatus: 'signed', toStatus: 'active' },
    ]);
  });

  it('should stay signed when the contract starts later', () => {
    expect(signatureSteps(facts({ startDate: '2026-03-11' }))).toEqual([
      { kind: 'signed', fromStatus: 'draft', toStatus: 'signed' },
    ]);
  });

  it('should keep the status when an amendment is signed', () => {
    expect(signatureSteps(facts({ status: 'suspended' }))).toEqual([
      { kind: 'amendment_signed', fromStatus: 'suspended', toStatus: 'suspended' },
    ]);
  });

  it('should refuse when the person did not agree', () => {
    expect(codeOf(() => signatureSteps(facts({ personAgreed: false })))).toBe(
      ContractExceptionCode.PersonAgreementRequired,
    );
  });

  it('should refuse a signature date in the future', () => {
    expect(codeOf(() => signatureSteps(facts({ signedAt: new Date('2026-03-10T10:00:01Z') })))).toBe(
      ContractExceptionCode.InvalidDates,
    );
  });

  it('should refuse when the latest version is already signed', () => {
    expect(codeOf(() => signatureSteps(facts({ status: 'active', latestVersion: { signedAt: now } })))).toBe(
      ContractExceptionCode.NoDraftVersion,
    );
  });

  it('should refuse when the contract is ended', () => {
    expect(codeOf(() => signatureSteps(facts({ status: 'ended' })))).toBe(
      ContractExceptionCode.InvalidTransition,
    );
  });
});

describe('immutability', () => {
  const signed = { signedAt: new Date('2026-01-05T09:00:00Z') };

  it('should refuse to change a signed version whatever the status', () => {
    for (const status of CONTRACT_STATUSES) {
      expect(codeOf(() => assertDraftEditable(status, signed))).toBe(
        ContractExceptionCode.SignedVersionImmutable,
      );
    }
  });

  it('should allow changing an unsigned version when the contract is not ended', () => {
    expect(codeOf(() => assertDraftEditable('draft', { signedAt: null }))).toBe('no error');
    expect(codeOf(() => assertDraftEditable('active', { signedAt: null }))).toBe('no error');
    expect(codeOf(() => assertDraftEditable('ended', { signedAt: null }))).toBe(
      ContractExceptionCode.InvalidTransition,
    );
  });

  it('should amend a signed version only when no amendment is open and the contract is live', () => {
    expect(amendmentStep('active', signed)).toEqual({
      kind: 'amended',
      fromStatus: 'active',
      toStatus: 'active',
    });
    expect(codeOf(() => amendmentStep('active', { signedAt: null }))).toBe(
      ContractExceptionCode.AmendmentInProgress,
    );
    expect(codeOf(() => amendmentStep('draft', { signedAt: null }))).toBe(
      ContractExceptionCode.InvalidTransition,
    );
    expect(codeOf(() => amendmentStep('ended', signed))).toBe(ContractExceptionCode.InvalidTransition);
  });

  it('should follow up actions only when their version is signed and the contract not ended', () => {
    expect(codeOf(() => assertActionFollowable('active', signed))).toBe('no error');
    expect(codeOf(() => assertActionFollowable('draft', { signedAt: null }))).toBe(
      ContractExceptionCode.ActionNotSigned,
    );
    expect(codeOf(() => assertActionFollowable('ended', signed))).toBe(
      ContractExceptionCode.InvalidTransition,
    );
  });

  it('should follow up objectives only when their version is signed and the contract not ended', () => {
    expect(codeOf(() => assertObjectiveFollowable('suspended', signed))).toBe('no error');
    expect(codeOf(() => assertObjectiveFollowable('draft', { signedAt: null }))).toBe(
      ContractExceptionCode.ObjectiveNotSigned,
    );
    expect(codeOf(() => assertObjectiveFollowable('ended', signed))).toBe(
      ContractExceptionCode.InvalidTransition,
    );
  });
});
