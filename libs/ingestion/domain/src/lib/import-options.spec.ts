import { importOption, isImportOptionField } from './import-options';

describe('importOption', () => {
  it('should map a form field to the batch option key when the value is well formed', () => {
    expect(importOption('department', ' 052 ')).toEqual({ ok: true, key: 'departmentCode', value: '052' });
    expect(importOption('department', '2A')).toEqual({ ok: true, key: 'departmentCode', value: '2A' });
    expect(importOption('france-travail-id', '1234567X')).toEqual({
      ok: true,
      key: 'franceTravailId',
      value: '1234567X',
    });
  });

  it('should refuse a malformed value without repeating it', () => {
    const result = importOption('profile', '../../etc/passwd');
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('passwd');
  });

  it('should know only the three option fields', () => {
    expect(['department', 'profile', 'france-travail-id'].every(isImportOptionField)).toBe(true);
    expect(isImportOptionField('file')).toBe(false);
    expect(isImportOptionField('toString')).toBe(false);
  });
});
