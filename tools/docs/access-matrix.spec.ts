import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

describe('docs/access-matrix.md', () => {
  // Prettier formats through dynamic imports that jest's VM refuses: the check runs as the npm script does.
  it('should be the matrix the policy data gives today (else run npm run docs:access-matrix)', () => {
    const check = spawnSync(
      process.execPath,
      ['-r', './bin/register.js', 'tools/docs/access-matrix.ts', '--check'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 60_000);
});
