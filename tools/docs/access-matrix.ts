/**
 * `npm run docs:access-matrix`: writes docs/access-matrix.md from the policy data (libs/access/domain), what each
 * source writes (libs/ingestion/domain) and the demo personas, formatted as the repository formats Markdown. `--check` fails when the committed file drifted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { format, resolveConfig } from 'prettier';

import { accessMatrixMarkdown } from '@spie/access/domain';
import { importsMatrixMarkdown } from '@spie/ingestion/domain';
import { DEMO_AGENT_PERSONAS, DEMO_PERSONAS } from '@spie/ops/demo-seed';

export const ACCESS_MATRIX_FILE = join(__dirname, '../../docs/access-matrix.md');

export async function renderAccessMatrix(): Promise<string> {
  const options = (await resolveConfig(ACCESS_MATRIX_FILE)) ?? {};
  const imports = importsMatrixMarkdown(DEMO_AGENT_PERSONAS);
  return format(accessMatrixMarkdown(DEMO_PERSONAS, [imports]), { ...options, parser: 'markdown' });
}

async function main(check: boolean): Promise<void> {
  const markdown = await renderAccessMatrix();
  if (check) {
    if (readFileSync(ACCESS_MATRIX_FILE, 'utf8') !== markdown) {
      process.stderr.write(
        'docs/access-matrix.md is out of date: run `npm run docs:access-matrix` and commit it\n',
      );
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(ACCESS_MATRIX_FILE, markdown);
  process.stderr.write('wrote docs/access-matrix.md\n');
}

if (require.main === module) {
  main(process.argv.includes('--check')).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
