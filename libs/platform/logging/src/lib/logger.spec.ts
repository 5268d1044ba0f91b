import { Writable } from 'node:stream';

import { runWithCorrelationId } from './correlation';
import { createHubLogger } from './logger';

function capture(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
  };
}

describe('createHubLogger', () => {
  it('should redact NIR and names when they are logged as fields', () => {
    const out = capture();
    createHubLogger('info', 'test', out.stream).info(
      { person: { nir: '1800175123456', lastName: 'Martin' } },
      'x',
    );
    const line = out.lines()[0] as { person: Record<string, string> };
    expect(line.person.nir).toBe('[REDACTED]');
    expect(line.person.lastName).toBe('[REDACTED]');
  });

  it('should mask a NIR when it appears inside a message', () => {
    const out = capture();
    createHubLogger('info', 'test', out.stream).info(
      'lookup 2 69 05 49 588 157 80 failed and 1800175123456 too',
    );
    expect(out.lines()[0]['msg']).toBe('lookup [NIR] failed and [NIR] too');
  });

  it('should redact the credentials of an HTTP exchange: bearer token, cookie and the cookie set in return', () => {
    const out = capture();
    createHubLogger('info', 'test', out.stream).info(
      {
        req: { url: '/admin/queues', headers: { authorization: 'Bearer t1', cookie: 'spie_admin=t2' } },
        res: {
          statusCode: 303,
          headers: { 'set-cookie': 'spie_admin=t3; HttpOnly', location: '/admin/queues/' },
        },
      },
      'request completed',
    );
    const text = JSON.stringify(out.lines()[0]);
    for (const secret of ['t1', 't2', 't3']) expect(text).not.toContain(secret);
    expect(text).toContain('/admin/queues/');
  });

  it('should add the correlation id when one is active', () => {
    const out = capture();
    runWithCorrelationId('corr-1', () => createHubLogger('info', 'test', out.stream).info('hello'));
    expect(out.lines()[0]['correlationId']).toBe('corr-1');
  });
});
