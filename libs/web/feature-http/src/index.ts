export * from './lib/web-config';
export * from './lib/web-static.module';
