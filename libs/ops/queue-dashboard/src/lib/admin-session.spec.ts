import { adminToken, isSameOrigin, readCookie, sessionCookie } from './admin-session';

describe('admin session', () => {
  it('should read one cookie among others', () => {
    expect(readCookie('a=1; spie_admin=tok%2Ben; b=2', 'spie_admin')).toBe('tok+en');
    expect(readCookie('spie_admin_other=1', 'spie_admin')).toBeUndefined();
    expect(readCookie(undefined, 'spie_admin')).toBeUndefined();
    expect(readCookie('spie_admin=%E0%A4%A', 'spie_admin')).toBeUndefined();
  });

  it('should prefer the bearer header to the cookie', () => {
    expect(adminToken({ authorization: 'Bearer abc', cookie: 'spie_admin=def' })).toEqual({
      token: 'abc',
      fromCookie: false,
    });
    expect(adminToken({ cookie: 'spie_admin=def' })).toEqual({ token: 'def', fromCookie: true });
  });

  it('should make an httpOnly, same-site cookie limited to /admin, secure when asked', () => {
    expect(sessionCookie('t', 3600.7, true)).toBe(
      'spie_admin=t; Path=/admin; Max-Age=3600; HttpOnly; SameSite=Strict; Secure',
    );
    expect(sessionCookie('t', 10, false)).not.toContain('Secure');
  });

  it('should accept a state change only from the same host', () => {
    expect(isSameOrigin({ host: 'hub:3000', origin: 'http://hub:3000' })).toBe(true);
    expect(isSameOrigin({ host: 'hub:3000', referer: 'http://hub:3000/admin/queues/' })).toBe(true);
    expect(isSameOrigin({ host: 'hub:3000', origin: 'http://evil.example' })).toBe(false);
    expect(isSameOrigin({ host: 'hub:3000' })).toBe(false);
    expect(isSameOrigin({ host: 'hub:3000', origin: 'null' })).toBe(false);
  });
});
