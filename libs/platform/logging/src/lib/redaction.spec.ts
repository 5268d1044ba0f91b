import { maskNirInText, redactUrl } from './redaction';

describe('redactUrl', () => {
  it('should mask a token passed as a query parameter whatever its place', () => {
    expect(redactUrl('/admin/login?token=eyJhbGciOi.x.y')).toBe('/admin/login?token=[REDACTED]');
    expect(redactUrl('/admin/login?next=%2F&token=abc#top')).toBe(
      '/admin/login?next=%2F&token=[REDACTED]#top',
    );
    expect(redactUrl('/x?access_token=abc&y=1')).toBe('/x?access_token=[REDACTED]&y=1');
  });

  it('should leave a URL without secrets as it is', () => {
    expect(redactUrl('/imports/caf-msa?tokens=1')).toBe('/imports/caf-msa?tokens=1');
    expect(redactUrl('/graphql')).toBe('/graphql');
  });
});

describe('maskNirInText', () => {
  it('should mask a 13-character CAF NIR inside a record key', () => {
    expect(maskNirInText('nir:1850375123456|DUPONT')).toBe('nir:[NIR]|DUPONT');
  });
});
