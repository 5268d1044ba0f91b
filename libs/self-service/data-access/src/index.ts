export * from './lib/entities/correction-request.entity';
export * from './lib/self-service.entities';
export * from './lib/self-service-data-access.module';
export * from './lib/services/correction-request.service';
