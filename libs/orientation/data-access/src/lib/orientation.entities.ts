import { AppointmentEntity } from './entities/appointment.entity';
import { OrientationEntity } from './entities/orientation.entity';
import { PartnerActionEntity } from './entities/partner-action.entity';
import { PartnerFollowUpEntity } from './entities/partner-follow-up.entity';

export const ORIENTATION_ENTITIES = [
  OrientationEntity,
  PartnerFollowUpEntity,
  PartnerActionEntity,
  AppointmentEntity,
];
