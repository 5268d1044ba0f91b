export * from './lib/entities/contract-action-status.entity';
export * from './lib/entities/contract-action.entity';
export * from './lib/entities/contract-event.entity';
export * from './lib/entities/contract-objective.entity';
export * from './lib/entities/contract-version.entity';
export * from './lib/entities/contract.entity';
export * from './lib/contract.entities';
