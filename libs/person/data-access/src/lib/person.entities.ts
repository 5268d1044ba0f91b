import { PersonAccountEntity } from './entities/person-account.entity';
import { PersonHistoryEntity } from './entities/person-history.entity';
import { PersonIdentifierEntity } from './entities/person-identifier.entity';
import { PersonEntity } from './entities/person.entity';

export const PERSON_ENTITIES = [
  PersonEntity,
  PersonIdentifierEntity,
  PersonHistoryEntity,
  PersonAccountEntity,
];
