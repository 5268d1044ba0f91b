import { ConsentEntity } from './entities/consent.entity';
import { HabilitationEntity } from './entities/habilitation.entity';

export const ACCESS_ENTITIES = [HabilitationEntity, ConsentEntity];
