import { Logger } from '@nestjs/common';

import { HubTypeOrmLogger } from './hub-typeorm-logger';

describe('HubTypeOrmLogger', () => {
  let errors: jest.SpyInstance;
  let debugs: jest.SpyInstance;

  beforeEach(() => {
    errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    debugs = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  const pgError = () =>
    Object.assign(new Error('invalid input syntax for type date: "31/02/1980"'), {
      code: '22007',
      table: 'person',
      detail: 'Key (last_name, birth_date)=(DUPONT, 1980-02-31) already exists.',
    });

  it('should log a failing query with its statement, code and table but none of its parameters or values', () => {
    new HubTypeOrmLogger(['error']).logQueryError(
      pgError(),
      'UPDATE person SET last_name = $1 WHERE id = $2',
      ['DUPONT', '2f1b3c4d-0000-4000-8000-000000000000'],
    );

    expect(errors).toHaveBeenCalledTimes(1);
    const logged = JSON.stringify(errors.mock.calls[0]);
    expect(logged).toContain('UPDATE person SET last_name = $1 WHERE id = $2');
    expect(logged).toContain('22007');
    expect(logged).toContain('person');
    expect(logged).not.toContain('DUPONT');
    expect(logged).not.toContain('31/02/1980');
    expect(logged).not.toContain('2f1b3c4d');
  });

  it('should cut a long statement such as a bulk insert', () => {
    const statement = `INSERT INTO person VALUES ${'($1), '.repeat(500)}`;
    new HubTypeOrmLogger(['error']).logQueryError('boom', statement);

    const [payload] = errors.mock.calls[0] as [{ query: string }];
    expect(payload.query.length).toBeLessThanOrEqual(301);
  });

  it('should log queries only when the query level is on', () => {
    new HubTypeOrmLogger(['error']).logQuery('SELECT 1');
    expect(debugs).not.toHaveBeenCalled();

    new HubTypeOrmLogger(['query']).logQuery('SELECT 1', ['secret']);
    expect(JSON.stringify(debugs.mock.calls)).not.toContain('secret');
    expect(debugs).toHaveBeenCalledTimes(1);
  });
});
