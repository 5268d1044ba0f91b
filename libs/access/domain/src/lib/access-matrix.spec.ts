import { accessMatrix, type Persona } from './access-matrix';
import { DataCategory } from './categories';

const personas: Persona[] = [
  {
    login: 'ft',
    kind: 'agent',
    organisationType: 'france_travail_agency',
    roles: ['adviser'],
    description: '',
  },
  { login: 'caf', kind: 'agent', organisationType: 'caf', roles: ['connector'], description: '' },
  { login: 'dpo', kind: 'agent', organisationType: 'department', roles: ['dpo'], description: '' },
  {
    login: 'orientation',
    kind: 'agent',
    organisationType: 'department',
    roles: ['orientation'],
    description: '',
  },
  { login: 'me', kind: 'person', organisationType: null, roles: [], description: '' },
];

describe('accessMatrix', () => {
  const [ft, caf, dpo, orientation, me] = accessMatrix(personas);

  it('should derive an adviser row from the habilitation templates', () => {
    expect(ft.read[DataCategory.Identity]).toBe('allowed');
    expect(ft.read[DataCategory.Household]).toBe('masked');
    expect(ft.read[DataCategory.DiagnosticHealth]).toBe('special');
    expect(ft.write[DataCategory.Orientation]).toBe('refused');
  });

  it('should refuse every file read to a connector, which only writes', () => {
    expect(Object.values(caf.read).every((cell) => cell === 'refused')).toBe(true);
    expect(caf.write[DataCategory.Nir]).toBe('imported');
    expect(caf.readPurposes).toEqual([]);
  });

  it('should show what the orientation team writes by sending the files the department receives', () => {
    expect(orientation.purposes).toEqual(['orientation', 'transmission_flux']);
    expect(orientation.readPurposes).toEqual(['orientation']);
    expect(orientation.write[DataCategory.Orientation]).toBe('allowed');
    expect(orientation.write[DataCategory.Nir]).toBe('imported');
    expect(orientation.write[DataCategory.Contract]).toBe('refused');
    expect(orientation.read[DataCategory.Nir]).toBe('masked');
  });

  it('should let the DPO read the access log and nothing else', () => {
    expect(dpo.read[DataCategory.AccessLog]).toBe('allowed');
    expect(dpo.read[DataCategory.Identity]).toBe('refused');
  });

  it('should let a person read everything of theirs but the NIR', () => {
    expect(me.read[DataCategory.DiagnosticHealth]).toBe('allowed');
    expect(me.read[DataCategory.Nir]).toBe('masked');
  });
});
