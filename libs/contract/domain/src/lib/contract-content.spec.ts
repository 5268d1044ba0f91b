import {
  assertContractDates,
  canonicalJson,
  contractCodeReferences,
  contractContentHash,
  localDateOf,
  resolveContractObjectives,
  type ContractContent,
  type ContractReferentielEntry,
} from './contract-content';
import { ContractException, ContractExceptionCode } from './contract.exception';

function failureOf(run: () => unknown): ContractException {
  try {
    run();
  } catch (error) {
    if (error instanceof ContractException) return error;
    throw error;
  }
  throw new Error('expected a ContractException');
}

const CONTENT: ContractContent = {
  startDate: '2026-01-01',
  endDate: '2026-06-30',
  objectives: [
    {
      themeCode: 'mobilite',
      code: 'mobilite.acceder_a_un_vehicule',
      label: 'Accéder à un véhicule',
      actions: [{ code: null, label: 'Rendez-vous garage solidaire', dueDate: '2026-02-01' }],
    },
  ],
};

describe('canonicalJson', () => {
  it('should sort keys at every level when objects are written in another order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: null, e: 'x' }], c: true } })).toBe(
      '{"a":{"c":true,"d":[2,{"e":"x","f":null}]},"b":1}',
    );
  });

  it('should leave undefined properties out when they are not set', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe('contractContentHash', () => {
  it('should be a sha256 hex digest that is stable when key order changes', () => {
    const reordered = JSON.parse(
      JSON.stringify({
        objectives: CONTENT.objectives,
        endDate: CONTENT.endDate,
        startDate: CONTENT.startDate,
      }),
    );
    expect(contractContentHash(CONTENT)).toMatch(/^[0-9a-f]{64}$/);
    expect(contractContentHash(reordered)).toBe(contractContentHash(CONTENT));
  });

  it('should change when a label, a due date or a date changes', () => {
    const base = contractContentHash(CONTENT);
    const relabelled = structuredClone(CONTENT);
    relabelled.objectives[0]!.actions[0]!.label = 'Rendez-vous garage';
    const rescheduled = structuredClone(CONTENT);
    rescheduled.objectives[0]!.actions[0]!.dueDate = '2026-02-02';
    expect(
      new Set([
        base,
        contractContentHash(relabelled),
        contractContentHash(rescheduled),
        contractContentHash({ ...CONTENT, endDate: '2026-07-01' }),
      ]).size,
    ).toBe(4);
  });

  it('should ignore fields that are not content when rows carry ids', () => {
    const withIds = {
      ...CONTENT,
      objectives: CONTENT.objectives.map((objective) => ({ ...objective, id: 'x', position: 0 })),
    };
    expect(contractContentHash(withIds)).toBe(contractContentHash(CONTENT));
  });
});

describe('assertContractDates', () => {
  it('should refuse an end date that is not after the start date', () => {
    expect(failureOf(() => assertContractDates('2026-01-01', '2026-01-01')).code).toBe(
      ContractExceptionCode.InvalidDates,
    );
    expect(failureOf(() => assertContractDates('2026-01-02', '2026-01-01')).details?.['fields']).toEqual([
      'endDate',
    ]);
  });

  it('should accept an end date after the start date', () => {
    expect(() => assertContractDates('2026-01-01', '2026-12-31')).not.toThrow();
  });
});

describe('resolveContractObjectives', () => {
  const entries: ContractReferentielEntry[] = [
    {
      listCode: 'objective',
      code: 'mobilite.acceder_a_un_vehicule',
      label: 'Accéder à un véhicule',
      parentCode: 'mobilite',
    },
    {
      listCode: 'action',
      code: 'mobilite.bourse_au_permis',
      label: 'Bourse au permis',
      parentCode: 'mobilite',
    },
    { listCode: 'action', code: 'logement.aide', label: 'Aide au logement', parentCode: 'logement' },
  ];

  it('should list every code with its field when objectives and actions name codes', () => {
    expect(
      contractCodeReferences([
        { themeCode: 'mobilite', code: 'mobilite.x', actions: [{ label: 'libre' }, { code: 'mobilite.y' }] },
      ]),
    ).toEqual([
      { list: 'theme', code: 'mobilite', field: 'objectives.0.themeCode' },
      { list: 'objective', code: 'mobilite.x', field: 'objectives.0.code' },
      { list: 'action', code: 'mobilite.y', field: 'objectives.0.actions.1.code' },
    ]);
  });

  it('should take the référentiel label when the input gives a code without label', () => {
    const objectives = resolveContractObjectives(
      [
        {
          themeCode: 'mobilite',
          code: 'mobilite.acceder_a_un_vehicule',
          actions: [
            { code: 'mobilite.bourse_au_permis', dueDate: '2026-03-01' },
            { label: ' Atelier vélo ' },
          ],
        },
      ],
      entries,
    );
    expect(objectives).toEqual([
      {
        themeCode: 'mobilite',
        code: 'mobilite.acceder_a_un_vehicule',
        label: 'Accéder à un véhicule',
        actions: [
          { code: 'mobilite.bourse_au_permis', label: 'Bourse au permis', dueDate: '2026-03-01' },
          { code: null, label: 'Atelier vélo', dueDate: null },
        ],
      },
    ]);
  });

  it('should keep the given label when both code and label are given', () => {
    const [objective] = resolveContractObjectives(
      [{ themeCode: 'mobilite', code: 'mobilite.acceder_a_un_vehicule', label: 'Acheter une voiture' }],
      entries,
    );
    expect(objective?.label).toBe('Acheter une voiture');
  });

  it('should refuse an action code when it belongs to another theme', () => {
    const error = failureOf(() =>
      resolveContractObjectives(
        [{ themeCode: 'mobilite', label: 'Bouger', actions: [{ code: 'logement.aide' }] }],
        entries,
      ),
    );
    expect(error.code).toBe(ContractExceptionCode.CodeOutsideTheme);
    expect(error.details?.['fields']).toEqual(['objectives.0.actions.0.code']);
  });

  it('should refuse an objective when it has neither code nor label', () => {
    const error = failureOf(() =>
      resolveContractObjectives([{ themeCode: 'mobilite', label: '  ' }], entries),
    );
    expect(error.code).toBe(ContractExceptionCode.LabelRequired);
    expect(error.details?.['fields']).toEqual(['objectives.0.label']);
  });
});

describe('localDateOf', () => {
  it('should give the Paris date when UTC is still the day before', () => {
    expect(localDateOf(new Date('2026-03-09T23:30:00Z'))).toBe('2026-03-10');
  });
});
