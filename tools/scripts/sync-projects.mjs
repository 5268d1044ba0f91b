// Writes project.json for every app and lib listed in projects.json and the matching tsconfig paths.
// Run after adding a lib: `node tools/scripts/sync-projects.mjs`.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { apps, libs } = JSON.parse(readFileSync(join(root, 'tools/scripts/projects.json'), 'utf8'));
const paths = {};

for (const app of apps) {
  const dir = join(root, 'apps', app.name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeProject(dir, {
    name: app.name,
    $schema: '../../node_modules/nx/schemas/project-schema.json',
    projectType: 'application',
    sourceRoot: `apps/${app.name}/src`,
    tags: ['type:app', `scope:${app.scope}`],
    targets: {},
  });
}
for (const lib of libs) {
  const dir = join(root, 'libs', lib.dir);
  const name = lib.dir.replace(/\//g, '-');
  mkdirSync(join(dir, 'src'), { recursive: true });
  const depth = lib.dir.split('/').length + 1;
  writeProject(dir, {
    name,
    $schema: `${'../'.repeat(depth)}node_modules/nx/schemas/project-schema.json`,
    projectType: 'library',
    sourceRoot: `libs/${lib.dir}/src`,
    tags: [`type:${lib.type}`, `scope:${lib.scope}`],
    targets: {},
  });
  const index = join(dir, 'src', 'index.ts');
  if (!existsSync(index)) writeFileSync(index, 'export {};\n');
  paths[`@spie/${lib.dir}`] = [`libs/${lib.dir}/src/index.ts`];
}

const tsconfigPath = join(root, 'tsconfig.base.json');
const tsconfig = JSON.parse(readFileSync(tsconfigPath, 'utf8'));
tsconfig.compilerOptions.paths = paths;
writeFileSync(tsconfigPath, JSON.stringify(tsconfig, null, 2) + '\n');

function writeProject(dir, project) {
  writeFileSync(join(dir, 'project.json'), JSON.stringify(project, null, 2) + '\n');
}
