import { addYears, decideRetention } from './retention-policy';

const contact = new Date('2020-06-15T10:00:00Z');
const at = (iso: string) => new Date(iso);

describe('decideRetention (CASF R.263-8)', () => {
  it('should keep the file active when the last contact is less than 2 years old', () => {
    expect(
      decideRetention(
        { lastContactAt: contact, archivedAt: null, notBeneficiaryAt: null },
        at('2022-06-15T09:59:59Z'),
      ),
    ).toMatchObject({ action: 'keep', reason: 'active' });
  });

  it('should archive when 2 years have passed since the last contact', () => {
    const decision = decideRetention(
      { lastContactAt: contact, archivedAt: null, notBeneficiaryAt: null },
      at('2022-06-15T10:00:00Z'),
    );
    expect(decision).toMatchObject({ action: 'archive', reason: 'active_period_over' });
    expect(decision.destroyDueAt.toISOString()).toBe('2024-06-15T10:00:00.000Z');
  });

  it('should leave an archived file alone during the archive period', () => {
    expect(
      decideRetention(
        { lastContactAt: contact, archivedAt: at('2022-07-01T00:00:00Z'), notBeneficiaryAt: null },
        at('2023-01-01T00:00:00Z'),
      ),
    ).toMatchObject({ action: 'keep', reason: 'archived' });
  });

  it('should destroy 4 years after the last contact even when the file was never archived', () => {
    expect(
      decideRetention(
        { lastContactAt: contact, archivedAt: null, notBeneficiaryAt: null },
        at('2024-06-15T10:00:00Z'),
      ),
    ).toMatchObject({ action: 'destroy', reason: 'archive_period_over' });
  });

  it('should reactivate an archived file when a contact happened after the archive', () => {
    expect(
      decideRetention(
        {
          lastContactAt: at('2023-01-01T00:00:00Z'),
          archivedAt: at('2022-07-01T00:00:00Z'),
          notBeneficiaryAt: null,
        },
        at('2023-02-01T00:00:00Z'),
      ),
    ).toMatchObject({ action: 'reactivate', reason: 'contact_after_archive' });
  });

  it('should destroy at once when the person is not a beneficiary, whatever the dates', () => {
    expect(
      decideRetention(
        {
          lastContactAt: at('2025-01-01T00:00:00Z'),
          archivedAt: null,
          notBeneficiaryAt: at('2025-01-02T00:00:00Z'),
        },
        at('2025-01-02T00:00:01Z'),
      ),
    ).toMatchObject({ action: 'destroy', reason: 'not_beneficiary' });
  });

  it('should land on 1 March when 29 February is moved by whole years', () => {
    expect(addYears(at('2024-02-29T12:00:00Z'), 2).toISOString()).toBe('2026-03-01T12:00:00.000Z');
  });
});
