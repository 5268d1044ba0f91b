import { rightFacts } from './parcours-status.service';

type Row = Parameters<typeof rightFacts>[0][number];

const row = (overrides: Partial<Row>): Row => ({
  person_level: false,
  reference_month: '2026-03-01',
  status: 'open',
  opened_on: '2026-01-10',
  subject_to_rights_and_duties: null,
  ...overrides,
});

describe('rightFacts', () => {
  it('should know nothing when there is no RSA row', () => {
    expect(rightFacts([])).toEqual({
      rightStatus: null,
      rightOpenedOn: null,
      subjectToRightsAndDuties: false,
    });
  });

  it('should take the status of the latest row and the duty flag of the latest person-level row', () => {
    const facts = rightFacts([
      row({ person_level: true, status: 'open_suspended', subject_to_rights_and_duties: null }),
      row({ status: 'open_suspended' }),
      row({ person_level: true, reference_month: '2026-02-01', subject_to_rights_and_duties: true }),
      row({ reference_month: '2026-02-01', subject_to_rights_and_duties: false }),
    ]);
    expect(facts).toEqual({
      rightStatus: 'open_suspended',
      rightOpenedOn: '2026-01-10',
      subjectToRightsAndDuties: true,
    });
  });

  it('should not reuse the opening date of an earlier right when the latest month has none', () => {
    const facts = rightFacts([
      row({ status: 'pending', opened_on: null }),
      row({ reference_month: '2025-06-01', status: 'closed' }),
    ]);
    expect(facts.rightOpenedOn).toBeNull();
    expect(facts.rightStatus).toBe('pending');
  });
});
