import { AUDIT_ENTITIES } from '@spie/audit/data-access';
import { CONTRACT_ENTITIES } from '@spie/contract/data-access';
import { DIAGNOSTIC_ENTITIES } from '@spie/diagnostic/data-access';
import { HOUSEHOLD_RIGHTS_ENTITIES } from '@spie/household-rights/data-access';
import { INGESTION_ENTITIES } from '@spie/ingestion/data-access';
import { ORGANISATION_ENTITIES } from '@spie/organisation/data-access';
import { ACCESS_ENTITIES } from '@spie/access/data-access';
import { ORIENTATION_ENTITIES } from '@spie/orientation/data-access';
import { PersonParcoursStatusEntity, PersonParcoursStatusPendingEntity } from '@spie/parcours/feature-jobs';
import { PERSON_ENTITIES } from '@spie/person/data-access';
import { REFERENTIEL_ENTITIES } from '@spie/referentiel/data-access';
import { SELF_SERVICE_ENTITIES } from '@spie/self-service/data-access';

/** Every TypeORM entity of the hub: the one list the data source, the migration check and the apps use. */
export const HUB_ENTITIES = [
  ...REFERENTIEL_ENTITIES,
  ...ORGANISATION_ENTITIES,
  ...PERSON_ENTITIES,
  ...HOUSEHOLD_RIGHTS_ENTITIES,
  ...DIAGNOSTIC_ENTITIES,
  ...CONTRACT_ENTITIES,
  ...ORIENTATION_ENTITIES,
  ...ACCESS_ENTITIES,
  PersonParcoursStatusEntity,
  PersonParcoursStatusPendingEntity,
  ...INGESTION_ENTITIES,
  ...AUDIT_ENTITIES,
  ...SELF_SERVICE_ENTITIES,
];
