import { createTestGateway, type TestGateway } from './test-gateway';

/**
 * Boots a test gateway with some settings changed (`GRAPHQL_PRODUCTION`, rate-limit budgets…). The settings are read
 * from `process.env` once, when the gateway boots, so the variables are restored right after: other gateways of the
 * same file keep the integration defaults.
 */
export async function createTestGatewayWithEnv(env: Record<string, string>): Promise<TestGateway> {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await createTestGateway();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
