export * from './lib/correction-request.resolver';
export * from './lib/dtos/correction-request.dto';
export * from './lib/dtos/update-my-contact.input';
export * from './lib/my-contact.resolver';
export * from './lib/self-service-graphql.module';
