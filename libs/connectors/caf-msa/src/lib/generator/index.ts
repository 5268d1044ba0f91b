export type {
  GenerateCafFluxOptions,
  GeneratedAddress,
  GeneratedEtatDossier,
  GeneratedFluxHeader,
  GeneratedFluxStats,
  GeneratedFluxType,
  GeneratedHousehold,
  GeneratedOrganisme,
  GeneratedPerson,
  GeneratedRole,
  GeneratedSex,
  WriteCafFluxOptions,
} from './caf-flux-generator.types';
export { generateCafFlux, generateHouseholds } from './caf-flux.generator';
export { encodeWindows1252, writeCafFlux } from './caf-flux.writer';
export { buildFluxHead, buildFluxTail, buildHouseholdXml, formatAmount } from './caf-flux-xml.builder';
export { generateHousehold, type HouseholdDrawSettings } from './caf-household.factory';
