import { OrientationEntity } from './entities/orientation.entity';

export const ORIENTATION_ENTITIES = [OrientationEntity];
