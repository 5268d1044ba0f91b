export * from './lib/principal/principal.types';
export * from './lib/principal/principal.parser';
export * from './lib/actions/actions.types';
export * from './lib/actions/actions.parser';
export {
  themeOfActionLabel,
  normaliseActionLabel,
  type ActionThemeLookup,
} from './lib/actions/action-themes';
export { FRANCE_TRAVAIL_ACTION_CATEGORIES } from './lib/actions/action-categories.data';
export * from './lib/diagnostic/diagnostic.types';
export * from './lib/diagnostic/diagnostic.parser';
export { ROME_CODE } from './lib/shared/codes';
export { DEFAULT_MAX_RECORD_SIZE } from './lib/shared/csv-reader';
export * from './lib/generator/france-travail-files.builder';
