import { describeNirError, nirKey, parseNir } from './nir';

describe('parseNir', () => {
  it('should accept a 15-character NIR when its key is right', () => {
    const result = parseNir('2 69 05 49 588 157 80');
    expect(result).toEqual({
      ok: true,
      value: { base: '2690549588157', key: '80', full: '269054958815780', keyComputed: false },
    });
  });

  it('should compute the key when CAF sends 13 characters', () => {
    const result = parseNir('1800175123456');
    expect(result.ok && result.value.keyComputed).toBe(true);
    expect(result.ok && result.value.full).toBe('1800175123456' + nirKey('1800175123456'));
  });

  it('should reject the NIR when the key is wrong', () => {
    expect(parseNir('269054958815781')).toEqual({ ok: false, error: { code: 'NIR_KEY_MISMATCH' } });
  });

  it('should count 2A as 19 when the person was born in Corse-du-Sud', () => {
    const base = '185012A012345';
    const expected = String(97 - Number(BigInt('1850119012345') % 97n)).padStart(2, '0');
    expect(nirKey(base)).toBe(expected);
    const parsed = parseNir(base + expected);
    expect(parsed.ok).toBe(true);
  });

  it('should count 2B as 18 when the person was born in Haute-Corse', () => {
    const base = '292032B123456';
    const expected = String(97 - Number(BigInt('2920318123456') % 97n)).padStart(2, '0');
    expect(nirKey(base)).toBe(expected);
    expect(parseNir(base + expected).ok).toBe(true);
    expect(parseNir(base + (expected === '01' ? '02' : '01')).ok).toBe(false);
  });

  it('should match a 13 and a 15 of the same person on the same base', () => {
    const full = parseNir('269054958815780');
    const short = parseNir('2690549588157');
    expect(full.ok && short.ok && full.value.base === short.value.base).toBe(true);
  });

  it.each([
    ['', 'NIR_EMPTY'],
    ['12345', 'NIR_LENGTH'],
    ['26905495881578', 'NIR_LENGTH'],
    ['9690549588157', 'NIR_FORMAT'],
    ['2690549588A57', 'NIR_FORMAT'],
    ['26905495881578X', 'NIR_FORMAT'],
    ['2693C49588157', 'NIR_FORMAT'],
  ])('should reject %p with %s', (input, code) => {
    const result = parseNir(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe(code);
  });

  it('should describe each error in words', () => {
    expect(describeNirError({ code: 'NIR_LENGTH', length: 4 })).toContain('13 or 15');
  });
});
