import { DataCategory } from './categories';
import { choiceProblems, isChoice, PERSON_CHOICES, PersonChoiceKind } from './person-choices';

describe('person choices', () => {
  it('should offer oppositions only on opposable categories and consents only on special ones', () => {
    expect(choiceProblems()).toEqual([]);
    expect(
      choiceProblems([
        {
          code: 'x',
          kind: PersonChoiceKind.Opposition,
          categories: [DataCategory.RsaRights],
          title: '',
          effect: '',
        },
        {
          code: 'y',
          kind: PersonChoiceKind.Consent,
          categories: [DataCategory.Contact],
          title: '',
          effect: '',
        },
      ]),
    ).toEqual(['x: rsa_rights is not opposable', 'y: contact needs no consent']);
  });

  it('should give every choice a unique code, a title and what it changes', () => {
    expect(new Set(PERSON_CHOICES.map((choice) => choice.code)).size).toBe(PERSON_CHOICES.length);
    for (const choice of PERSON_CHOICES) {
      expect(choice.title.length).toBeGreaterThan(10);
      expect(choice.effect.length).toBeGreaterThan(20);
    }
  });

  it('should recognise a stored rule as a choice only when it covers every partner and purpose', () => {
    const health = PERSON_CHOICES.find((choice) => choice.code === 'opposition-sante')!;
    const rule = { decision: 'deny', categories: ['diagnostic_health'], organisationIds: [], purposes: [] };
    expect(isChoice(rule, health)).toBe(true);
    expect(isChoice({ ...rule, decision: 'permit' }, health)).toBe(false);
    expect(isChoice({ ...rule, organisationIds: ['a'] }, health)).toBe(false);
    expect(isChoice({ ...rule, purposes: ['orientation'] }, health)).toBe(false);
    expect(isChoice({ ...rule, categories: ['diagnostic_health', 'contact'] }, health)).toBe(false);
  });
});
