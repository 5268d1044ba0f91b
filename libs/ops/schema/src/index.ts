export * from './lib/hub-entities';
