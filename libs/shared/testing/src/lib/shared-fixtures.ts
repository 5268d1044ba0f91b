import { join, resolve } from 'node:path';

/** Path of a public partner sample in `../shared/fixtures` (conformance tests only; set by `tools/jest/run-conformance.js`). */
export function sharedFixture(...segments: string[]): string {
  const root = process.env.SPIE_SHARED_FIXTURES ?? resolve(__dirname, '../../../../../../shared/fixtures');
  return join(root, ...segments);
}
