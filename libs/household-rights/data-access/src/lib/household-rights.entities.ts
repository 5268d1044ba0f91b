import { HouseholdMemberEntity } from './entities/household-member.entity';
import { HouseholdEntity } from './entities/household.entity';
import { RsaRightStatusEntity } from './entities/rsa-right-status.entity';

export const HOUSEHOLD_RIGHTS_ENTITIES = [HouseholdEntity, HouseholdMemberEntity, RsaRightStatusEntity];
