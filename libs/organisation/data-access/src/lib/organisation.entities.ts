import { AgentEntity } from './entities/agent.entity';
import { OrganisationEntity } from './entities/organisation.entity';

export const ORGANISATION_ENTITIES = [OrganisationEntity, AgentEntity];
