import { maskIdentifierValue, maskRecordKey } from './report-masking';

describe('maskRecordKey', () => {
  it('should leave a CAF/MSA household key readable, matricule included', () => {
    expect(maskRecordKey('caf:123456700000000')).toBe('caf:123456700000000');
    expect(maskRecordKey('msa:0001234')).toBe('msa:0001234');
  });

  it('should mask a NIR in any other key, such as the first cell of an unreadable line', () => {
    expect(maskRecordKey('1850375123456')).toBe('[NIR]');
    expect(maskRecordKey('caf:052:1234567|185037512345678|LEA')).toBe('caf:052:1234567|[NIR]|LEA');
    expect(maskRecordKey('1234567X')).toBe('1234567X');
  });
});

describe('maskIdentifierValue', () => {
  it('should keep a CAF dossier identifier and mask a NIR given as any other identifier', () => {
    expect(maskIdentifierValue('caf_dossier', '521:123456700000000')).toBe('521:123456700000000');
    expect(maskIdentifierValue('department_si', '052:185037512345678')).toBe('052:[NIR]');
    expect(maskIdentifierValue('france_travail', '1234567X')).toBe('1234567X');
  });
});
