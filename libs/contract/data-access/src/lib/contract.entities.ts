import { ContractActionStatusEntity } from './entities/contract-action-status.entity';
import { ContractActionEntity } from './entities/contract-action.entity';
import { ContractEventEntity } from './entities/contract-event.entity';
import { ContractObjectiveStatusEntity } from './entities/contract-objective-status.entity';
import { ContractObjectiveEntity } from './entities/contract-objective.entity';
import { ContractVersionEntity } from './entities/contract-version.entity';
import { ContractEntity } from './entities/contract.entity';

export const CONTRACT_ENTITIES = [
  ContractEntity,
  ContractVersionEntity,
  ContractObjectiveEntity,
  ContractActionEntity,
  ContractActionStatusEntity,
  ContractObjectiveStatusEntity,
  ContractEventEntity,
];
