import { CATEGORIES, DataCategory } from './categories';

export enum PersonChoiceKind {
  /** The person objects to partners reading a category (where the law allows it). */
  Opposition = 'OPPOSITION',
  /** The person agrees to partners reading a special category (health) that they could not read otherwise. */
  Consent = 'CONSENT',
}

/**
 * One choice the portal offers ("Mes choix"), in the person's words: what it is and what it changes. Each is stored as
 * a FHIR-Consent-shaped row (`consent`) covering every partner and every purpose.
 */
export interface PersonChoiceDefinition {
  code: string;
  kind: PersonChoiceKind;
  categories: readonly DataCategory[];
  title: string;
  effect: string;
}

/**
 * The choices the law leaves to the person: oppositions on the opposable categories, consent on the special one.
 * Identity, NIR, household, RSA rights, resources, contract and orientation rest on a legal obligation (CASF
 * L.262-40, L.263-4-1): no opposition is offered on them.
 */
export const PERSON_CHOICES: readonly PersonChoiceDefinition[] = [
  {
    code: 'opposition-coordonnees',
    kind: PersonChoiceKind.Opposition,
    categories: [DataCategory.Contact],
    title: 'Ne pas partager mes coordonnées avec les partenaires',
    effect:
      'Les conseillers de France Travail, de la mission locale et des associations ne verront plus votre adresse, votre téléphone ni votre e-mail. Ils vous écriront par le département.',
  },
  {
    code: 'opposition-situation-personnelle',
    kind: PersonChoiceKind.Opposition,
    categories: [DataCategory.DiagnosticSocial],
    title: 'Ne pas partager ma situation personnelle',
    effect:
      'Ce que vous avez dit de votre logement, de votre mobilité, de votre famille ou de votre budget ne sera plus montré aux partenaires. Vous devrez peut-être le redire à chaque conseiller.',
  },
  {
    code: 'opposition-sante',
    kind: PersonChoiceKind.Opposition,
    categories: [DataCategory.DiagnosticHealth],
    title: 'Ne pas partager ma santé, même avec mon référent',
    effect:
      'Personne ne verra ce que vous avez dit de votre santé, même votre référent. Cela passe avant votre accord ci-dessous.',
  },
  {
    code: 'consentement-sante',
    kind: PersonChoiceKind.Consent,
    categories: [DataCategory.DiagnosticHealth],
    title: 'Autoriser les conseillers qui m’accompagnent à voir ma santé',
    effect:
      'Sans votre accord, seul votre référent voit ce que vous avez dit de votre santé. Avec votre accord, les autres conseillers qui vous accompagnent le voient aussi, s’ils se sont connectés de façon renforcée.',
  },
  {
    code: 'opposition-rendez-vous',
    kind: PersonChoiceKind.Opposition,
    categories: [DataCategory.Appointments],
    title: 'Ne pas partager mes rendez-vous',
    effect: 'Les partenaires ne verront plus vos rendez-vous avec les autres structures.',
  },
];

export function personChoice(code: string): PersonChoiceDefinition | undefined {
  return PERSON_CHOICES.find((choice) => choice.code === code);
}

/** The stored decision of a choice: `deny` for an opposition, `permit` for a consent. */
export function decisionOf(choice: PersonChoiceDefinition): 'deny' | 'permit' {
  return choice.kind === PersonChoiceKind.Opposition ? 'deny' : 'permit';
}

/** Whether a stored rule is this choice: same decision and categories, every partner, every purpose. */
export function isChoice(
  rule: {
    decision: string;
    categories: readonly string[];
    organisationIds: readonly string[];
    purposes: readonly string[];
  },
  choice: PersonChoiceDefinition,
): boolean {
  return (
    rule.decision === decisionOf(choice) &&
    rule.organisationIds.length === 0 &&
    rule.purposes.length === 0 &&
    rule.categories.length === choice.categories.length &&
    choice.categories.every((category) => rule.categories.includes(category))
  );
}

/** Checks the catalogue against the law as the categories state it (used by the unit tests). */
export function choiceProblems(choices: readonly PersonChoiceDefinition[] = PERSON_CHOICES): string[] {
  const problems: string[] = [];
  for (const choice of choices) {
    for (const category of choice.categories) {
      const definition = CATEGORIES[category];
      if (choice.kind === PersonChoiceKind.Opposition && !definition.opposable)
        problems.push(`${choice.code}: ${category} is not opposable`);
      if (choice.kind === PersonChoiceKind.Consent && !definition.special)
        problems.push(`${choice.code}: ${category} needs no consent`);
    }
  }
  return problems;
}
