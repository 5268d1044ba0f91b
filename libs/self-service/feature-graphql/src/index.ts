export * from './lib/dtos/update-my-contact.input';
export * from './lib/my-contact.resolver';
export * from './lib/self-service-graphql.module';
