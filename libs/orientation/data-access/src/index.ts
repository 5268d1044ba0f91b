export * from './lib/entities/orientation.entity';
export * from './lib/entities/partner-follow-up.entity';
export * from './lib/entities/partner-action.entity';
export * from './lib/orientation.entities';
export * from './lib/orientation-data-access.module';
export * from './lib/services/orientation.service';
export * from './lib/services/partner-facts.writer';
export * from './lib/services/partner-follow-up.service';
