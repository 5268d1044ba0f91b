import { createTestGateway, type TestGateway } from '../support/test-gateway';

describe('GET /health', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await createTestGateway();
  });

  afterAll(async () => {
    await gateway.close();
  });

  it('should answer 200 with every check ok when PostgreSQL, Redis and the schema are right', async () => {
    const response = await fetch(`${gateway.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      checks: { postgres: { status: 'ok' }, redis: { status: 'ok' }, schema: { status: 'ok' } },
    });
  });

  it('should answer 503 when the schema is behind the code', async () => {
    // A migration known to the code but not applied: only this process's data source sees it.
    class FutureMigration9999999999999 {
      name = 'FutureMigration9999999999999';
      async up(): Promise<void> {}
      async down(): Promise<void> {}
    }
    gateway.dataSource.migrations.push(new FutureMigration9999999999999());
    try {
      const response = await fetch(`${gateway.url}/health`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as { checks: { schema: { status: string } } };
      expect(body.checks.schema.status).toBe('error');
    } finally {
      gateway.dataSource.migrations.pop();
    }
  });
});
