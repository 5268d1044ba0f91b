import { REFERENTIEL_V1 } from '@spie/referentiel/domain';

import { DataCategory } from './categories';

const C = DataCategory;

/**
 * The one place where fields meet categories: GraphQL (the gateway's field middleware), exports and any future
 * outbound channel read this map. A field listed here opens its category: when the category is masked for the actor,
 * the field answers null (or an empty list) and the response says so in `extensions.access.masked`. Fields below a
 * listed field (e.g. `Contract.versions`) are reachable only through it.
 */
export const FIELD_CATEGORIES: Readonly<Record<string, DataCategory>> = {
  'Person.identity': C.Identity,
  'Person.identifiers': C.Identity,
  'Person.history': C.Identity,
  'Person.contact': C.Contact,
  'Person.households': C.Household,
  'Person.rsa': C.RsaRights,
  'Person.diagnosticHistory': C.DiagnosticProfessional,
  'Diagnostic.educationLevel': C.DiagnosticProfessional,
  'Diagnostic.workSituation': C.DiagnosticProfessional,
  'Diagnostic.workSituationSince': C.DiagnosticProfessional,
  'Diagnostic.projects': C.DiagnosticProfessional,
  // RQTH is health data (CNIL délibération 2023-005).
  'Diagnostic.rqth': C.DiagnosticHealth,
  'Person.contracts': C.Contract,
  'Person.partnerActions': C.Contract,
  'Person.orientation': C.Orientation,
  'Person.orientationHistory': C.Orientation,
  'Person.partnerFollowUps': C.Orientation,
  // The orientation queue (libs/worklist): when the right opened is the person's RSA right.
  'NewEntrant.rightOpenedOn': C.RsaRights,
  'NewEntrant.daysSinceRightOpened': C.RsaRights,
  // Corrections the person asked for (libs/self-service): what they say about their identity or diagnostic.
  'Person.correctionRequests': C.Identity,
  // The portfolio (libs/worklist): whether the agent is the référent is the person's orientation.
  'PortfolioEntry.youAreReferent': C.Orientation,
};

/**
 * Fields whose items belong to different categories: each item is kept or dropped by the category of its code.
 * `Diagnostic.themes`: a theme is social, professional or health (référentiel attributes `kind`, `specialCategory`).
 */
export const ITEM_CATEGORIES: Readonly<Record<string, (item: { code?: string }) => DataCategory>> = {
  'Diagnostic.themes': (item) => themeCategory(item.code ?? ''),
};

/** Fields that need at least one of several categories to be shown at all (the object that holds them). */
export const CONTAINER_CATEGORIES: Readonly<Record<string, readonly DataCategory[]>> = {
  'Person.diagnostic': [C.DiagnosticSocial, C.DiagnosticHealth, C.DiagnosticProfessional],
};

const THEME_CATEGORIES: ReadonlyMap<string, DataCategory> = new Map(
  (REFERENTIEL_V1.lists.find((list) => list.code === 'theme')?.entries ?? []).map((entry) => {
    const attributes = (entry.attributes ?? {}) as { kind?: string; specialCategory?: boolean };
    const category = attributes.specialCategory
      ? C.DiagnosticHealth
      : attributes.kind === 'professional'
        ? C.DiagnosticProfessional
        : C.DiagnosticSocial;
    return [entry.code, category] as const;
  }),
);

/** The category of a diagnostic theme; an unknown theme is treated as health data (the strictest). */
export function themeCategory(code: string): DataCategory {
  return THEME_CATEGORIES.get(code) ?? C.DiagnosticHealth;
}
