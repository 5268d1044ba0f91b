import { inJsonbKeyOrder } from './person-records.applier';

describe('inJsonbKeyOrder', () => {
  it('should order keys as PostgreSQL prints jsonb when an address comes from a connector', () => {
    const address = {
      lines: ['12 rue Gambetta'],
      postalCode: '52100',
      city: 'Saint-Dizier',
      inseeCode: undefined,
    };
    expect(JSON.stringify(inJsonbKeyOrder(address))).toBe(
      '{"city":"Saint-Dizier","lines":["12 rue Gambetta"],"postalCode":"52100"}',
    );
  });

  it('should order nested objects and keep arrays in their order', () => {
    expect(JSON.stringify(inJsonbKeyOrder({ bb: [{ b: 1, a: 2 }], a: null }))).toBe(
      '{"a":null,"bb":[{"a":2,"b":1}]}',
    );
  });
});
