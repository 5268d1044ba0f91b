import { ContractException, ContractExceptionCode } from './contract.exception';

export const CONTRACT_TYPES = ['cer', 'ppae', 'cej', 'pacea', 'contrat_engagement'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const CONTRACT_STATUSES = ['draft', 'signed', 'active', 'suspended', 'ended'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const SIGNATURE_METHODS = ['in_person', 'electronic', 'paper'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

/**
 * Follow-up of an objective of a signed version: in progress until the référent records it reached, not reached
 * (the contract ended without it) or abandoned. Appended as statuses, never written into the signed version.
 */
export const OBJECTIVE_STATUSES = ['in_progress', 'reached', 'not_reached', 'abandoned'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
export const INITIAL_OBJECTIVE_STATUS: ObjectiveStatus = 'in_progress';

/** Status changes asked directly (signing has its own command, with a signature record). */
export const CONTRACT_STATUS_CHANGES = ['activate', 'suspend', 'resume', 'end'] as const;
export type ContractStatusChange = (typeof CONTRACT_STATUS_CHANGES)[number];

export type ContractCommand = 'sign' | ContractStatusChange;

/** Kinds of `contract_event`, in life-cycle order (the order of steps made by one command). */
export const CONTRACT_EVENT_KINDS = [
  'created',
  'amended',
  'signed',
  'amendment_signed',
  'activated',
  'suspended',
  'resumed',
  'ended',
] as const;
export type ContractEventKind = (typeof CONTRACT_EVENT_KINDS)[number];

/** One appended `contract_event`. */
export interface ContractTransitionStep {
  kind: ContractEventKind;
  fromStatus: ContractStatus | null;
  toStatus: ContractStatus;
}

/**
 * The life cycle: draft → signed → active ⇄ suspended, and ended from any other status (a draft that is never
 * signed is abandoned by ending it). Ended is final.
 */
const TRANSITIONS: Record<
  ContractCommand,
  { from: readonly ContractStatus[]; to: ContractStatus; kind: ContractEventKind }
> = {
  sign: { from: ['draft'], to: 'signed', kind: 'signed' },
  activate: { from: ['signed'], to: 'active', kind: 'activated' },
  suspend: { from: ['active'], to: 'suspended', kind: 'suspended' },
  resume: { from: ['suspended'], to: 'active', kind: 'resumed' },
  end: { from: ['draft', 'signed', 'active', 'suspended'], to: 'ended', kind: 'ended' },
};

/** The step a command makes from a status; throws `INVALID_TRANSITION` when the life cycle does not allow it. */
export function contractTransition(from: ContractStatus, command: ContractCommand): ContractTransitionStep {
  const transition = TRANSITIONS[command];
  if (!transition.from.includes(from)) {
    throw new ContractException(
      ContractExceptionCode.InvalidTransition,
      `Cannot ${command} a contract that is ${from}`,
      {
        from,
        command,
      },
    );
  }
  return { kind: transition.kind, fromStatus: from, toStatus: transition.to };
}

/** Commands allowed from a status (for clients that show the next possible steps). */
export function allowedContractCommands(from: ContractStatus): ContractCommand[] {
  return (Object.keys(TRANSITIONS) as ContractCommand[]).filter((command) =>
    TRANSITIONS[command].from.includes(from),
  );
}

/** A status change asked by an agent; ending needs a reason. */
export function statusChangeStep(
  from: ContractStatus,
  change: ContractStatusChange,
  reason: string | null | undefined,
): ContractTransitionStep {
  if (change === 'end' && !reason?.trim()) {
    throw new ContractException(ContractExceptionCode.ReasonRequired, 'Ending a contract needs a reason', {
      fields: ['reason'],
    });
  }
  return contractTransition(from, change);
}

export interface SignatureFacts {
  status: ContractStatus;
  /** The latest version (the one to sign). */
  latestVersion: { signedAt: Date | null };
  /** Start date of the version to sign, YYYY-MM-DD. */
  startDate: string | null;
  personAgreed: boolean;
  signedAt: Date;
  now: Date;
  /** Today's date where the contract is followed, YYYY-MM-DD. */
  today: string;
}

/**
 * What signing does. A first signature takes the contract from draft to signed and, when its start date has come
 * (start ≤ today), on to active in the same transaction (two events, so every event is a life-cycle step); a
 * contract starting later stays signed until it is activated. Signing an amendment leaves the status unchanged.
 */
export function signatureSteps(facts: SignatureFacts): ContractTransitionStep[] {
  if (!facts.personAgreed) {
    throw new ContractException(
      ContractExceptionCode.PersonAgreementRequired,
      "A contract is signed with the person's agreement",
      {
        fields: ['personAgreed'],
      },
    );
  }
  if (facts.signedAt.getTime() > facts.now.getTime()) {
    throw new ContractException(
      ContractExceptionCode.InvalidDates,
      'The signature date cannot be in the future',
      {
        fields: ['signedAt'],
      },
    );
  }
  if (facts.status === 'ended') return [contractTransition(facts.status, 'sign')];
  if (facts.latestVersion.signedAt) {
    throw new ContractException(
      ContractExceptionCode.NoDraftVersion,
      'The contract has no draft version to sign; amend it first',
    );
  }
  if (facts.status !== 'draft')
    return [{ kind: 'amendment_signed', fromStatus: facts.status, toStatus: facts.status }];
  const signed = contractTransition('draft', 'sign');
  if (facts.startDate === null || facts.startDate > facts.today) return [signed];
  return [signed, contractTransition(signed.toStatus, 'activate')];
}

/** Amending opens version n+1 as a draft copy of the signed version n; the contract keeps its status meanwhile. */
export function amendmentStep(
  status: ContractStatus,
  latestVersion: { signedAt: Date | null },
): ContractTransitionStep {
  if (status === 'draft' || status === 'ended') {
    throw new ContractException(
      ContractExceptionCode.InvalidTransition,
      `Cannot amend a contract that is ${status}`,
      {
        from: status,
        command: 'amend',
      },
    );
  }
  if (!latestVersion.signedAt) {
    throw new ContractException(
      ContractExceptionCode.AmendmentInProgress,
      'An amendment is already being drafted',
    );
  }
  return { kind: 'amended', fromStatus: status, toStatus: status };
}

/** Only an unsigned version of a contract that is not ended may be changed. */
export function assertDraftEditable(status: ContractStatus, version: { signedAt: Date | null }): void {
  if (version.signedAt) {
    throw new ContractException(
      ContractExceptionCode.SignedVersionImmutable,
      'A signed version cannot be changed; amend the contract to draft a new version',
    );
  }
  if (status === 'ended') {
    throw new ContractException(
      ContractExceptionCode.InvalidTransition,
      'Cannot change the draft of an ended contract',
      {
        from: status,
        command: 'update',
      },
    );
  }
}

/** Actions are followed up once agreed (their version signed) and until the contract ends. */
export function assertActionFollowable(status: ContractStatus, version: { signedAt: Date | null }): void {
  if (!version.signedAt) {
    throw new ContractException(
      ContractExceptionCode.ActionNotSigned,
      'The action belongs to a version that is not signed yet',
    );
  }
  if (status === 'ended') {
    throw new ContractException(
      ContractExceptionCode.InvalidTransition,
      'Cannot follow up an action of an ended contract',
      {
        from: status,
        command: 'set_action_status',
      },
    );
  }
}

/** Objectives are followed up, like actions, once their version is signed and until the contract ends. */
export function assertObjectiveFollowable(status: ContractStatus, version: { signedAt: Date | null }): void {
  if (!version.signedAt) {
    throw new ContractException(
      ContractExceptionCode.ObjectiveNotSigned,
      'The objective belongs to a version that is not signed yet',
    );
  }
  if (status === 'ended') {
    throw new ContractException(
      ContractExceptionCode.InvalidTransition,
      'Cannot follow up an objective of an ended contract',
      { from: status, command: 'set_objective_status' },
    );
  }
}
