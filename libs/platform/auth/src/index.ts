export * from './lib/access-policy';
export * from './lib/actor-authenticator';
export * from './lib/actor-loader';
export * from './lib/auth.guard';
export * from './lib/auth.module';
export * from './lib/current-actor.decorator';
export * from './lib/dev-token.service';
export * from './lib/public-endpoint.decorator';
