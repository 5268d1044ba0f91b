export default async function integrationGlobalTeardown(): Promise<void> {
  await globalThis.__SPIE_TEST_STACK__?.stop();
}
