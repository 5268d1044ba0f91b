export * from './lib/entities/household-member.entity';
export * from './lib/entities/household.entity';
export * from './lib/entities/rsa-right-status.entity';
export * from './lib/household-rights.entities';
export * from './lib/household-rights-data-access.module';
export * from './lib/services/household-rights.service';
