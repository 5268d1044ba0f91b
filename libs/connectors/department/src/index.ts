export * from './lib/department-record';
export * from './lib/profiles';
export * from './lib/parse-department-file';
export {
  isMobile,
  lookupCode,
  normaliseCafNumber,
  normaliseEmail,
  normalisePhone,
  parseCivility,
  parsePostalCode,
  parseRole,
  parseRome,
  splitPostalCodeCity,
} from './lib/value-maps';
export { DEFAULT_LIMITS, type ParseLimits } from './lib/sources/sheet-row';
