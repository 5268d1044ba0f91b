import { CorrectionRequestEntity } from './entities/correction-request.entity';

export const SELF_SERVICE_ENTITIES = [CorrectionRequestEntity];
