export * from './lib/entities/household-member.entity';
export * from './lib/entities/household.entity';
export * from './lib/entities/rsa-right-status.entity';
export * from './lib/household-rights.entities';
