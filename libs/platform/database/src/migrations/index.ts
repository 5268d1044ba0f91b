import type { MigrationInterface } from 'typeorm';
import { Appointments1795459534137 } from './1795459534137-appointments';
import { ContractObjectiveFollowUp1795459057463 } from './1795459057463-contract-objective-follow-up';
import { CorrectionProposals1795458866785 } from './1795458866785-correction-proposals';
import { JobRights1795459616763 } from './1795459616763-job-rights';
import { CorrectionRequests1795456230442 } from './1795456230442-correction-requests';
import { PersonAccount1795447092895 } from './1795447092895-person-account';
import { AuditLogAndRetention1795446885454 } from './1795446885454-audit-log-and-retention';
import { AccessHabilitationsAndConsents1795446636374 } from './1795446636374-access-habilitations-and-consents';
import { PersonBirthIdentityIndex1795442085987 } from './1795442085987-person-birth-identity-index';
import { ParcoursPendingAndApplyRejections1795436477107 } from './1795436477107-parcours-pending-and-apply-rejections';
import { PartnerFollowUpsAndActions1795436603362 } from './1795436603362-partner-follow-ups-and-actions';
import { IngestionPipeline1795431958686 } from './1795431958686-ingestion-pipeline';
import { ContractImmutability1795430129254 } from './1795430129254-contract-immutability';
import { InitialModel1795425297338 } from './1795425297338-initial-model';

type MigrationClass = new () => MigrationInterface;

// Every migration, in order. Generated with `npm run migration:generate -- <name>`, read, then committed; never
// edited after merge.
export const HUB_MIGRATIONS: MigrationClass[] = [
  InitialModel1795425297338,
  ContractImmutability1795430129254,
  IngestionPipeline1795431958686,
  ParcoursPendingAndApplyRejections1795436477107,
  PartnerFollowUpsAndActions1795436603362,
  PersonBirthIdentityIndex1795442085987,
  AccessHabilitationsAndConsents1795446636374,
  AuditLogAndRetention1795446885454,
  PersonAccount1795447092895,
  CorrectionRequests1795456230442,
  CorrectionProposals1795458866785,
  ContractObjectiveFollowUp1795459057463,
  Appointments1795459534137,
  JobRights1795459616763,
];
