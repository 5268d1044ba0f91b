export * from './lib/entities/agent.entity';
export * from './lib/entities/organisation.entity';
export * from './lib/organisation.entities';
export * from './lib/agent-actor.loader';
export * from './lib/organisation-data-access.module';
export * from './lib/organisation.service';
