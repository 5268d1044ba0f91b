import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const contexts = [
  'referentiel',
  'organisation',
  'person',
  'household-rights',
  'diagnostic',
  'contract',
  'orientation',
];
const foundations = ['scope:platform', 'scope:shared'];
const core = ['scope:person', 'scope:referentiel', 'scope:organisation', ...foundations];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/.data',
      '**/.nx',
      'coverage',
      'artifacts',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['error'] }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:data-access',
                'type:domain',
                'type:util',
                'type:testing',
              ],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:domain', 'type:util'],
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util'],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:util'],
              bannedExternalImports: ['typeorm', 'bullmq', 'ioredis', 'pg', '@nestjs/*', 'express'],
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:testing', notDependOnLibsWithTags: ['type:app'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: foundations },
            {
              sourceTag: 'scope:referentiel',
              onlyDependOnLibsWithTags: ['scope:referentiel', ...foundations],
            },
            {
              sourceTag: 'scope:organisation',
              onlyDependOnLibsWithTags: ['scope:organisation', 'scope:referentiel', ...foundations],
            },
            { sourceTag: 'scope:person', onlyDependOnLibsWithTags: core },
            ...['household-rights', 'diagnostic', 'contract', 'orientation'].map((context) => ({
              sourceTag: `scope:${context}`,
              onlyDependOnLibsWithTags: [`scope:${context}`, ...core],
            })),
            {
              sourceTag: 'scope:parcours',
              onlyDependOnLibsWithTags: [
                'scope:parcours',
                ...contexts.map((c) => `scope:${c}`),
                ...foundations,
              ],
            },
            {
              sourceTag: 'scope:connectors',
              onlyDependOnLibsWithTags: ['scope:connectors', 'scope:ingestion', ...core],
            },
            {
              // Ingestion writes for the actor who sent the file: it asks the access layer for that actor's rights.
              sourceTag: 'scope:ingestion',
              onlyDependOnLibsWithTags: [
                'scope:ingestion',
                'scope:connectors',
                'scope:parcours',
                'scope:access',
                ...contexts.map((c) => `scope:${c}`),
                ...foundations,
              ],
            },
            // The audit log, the access log and retention: a leaf that any context or the access layer may import.
            // Retention reaches other contexts' tables through SQL (libs/audit/data-access person-destruction.plan.ts).
            { sourceTag: 'scope:audit', onlyDependOnLibsWithTags: ['scope:audit', ...foundations] },
            {
              // The access layer decides over every context's data (need to know, masks); no context depends on it (only
              // ingestion, which asks it what the sender of a file may write).
              sourceTag: 'scope:access',
              onlyDependOnLibsWithTags: [
                'scope:access',
                'scope:audit',
                ...contexts.map((c) => `scope:${c}`),
                ...foundations,
              ],
            },
            { sourceTag: 'scope:ops', notDependOnLibsWithTags: ['type:app'] },
            // What a person changes in their own file from the portal (contact, correction requests), checked by the access
            // layer; an accepted correction is applied to the identity or the diagnostic.
            {
              sourceTag: 'scope:self-service',
              onlyDependOnLibsWithTags: [
                'scope:self-service',
                'scope:access',
                'scope:audit',
                'scope:diagnostic',
                ...core,
              ],
            },
            // Serving the web app (files and sign-in settings): platform only.
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', ...foundations] },
            {
              // Work queues of the console (new entrants): read models over contexts, filtered by the access layer.
              sourceTag: 'scope:worklist',
              onlyDependOnLibsWithTags: [
                'scope:worklist',
                'scope:access',
                'scope:audit',
                'scope:parcours',
                ...contexts.map((c) => `scope:${c}`),
                ...foundations,
              ],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
  {
    // The CLI's standard output is its interface (a JSON summary on the last line).
    files: ['apps/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
];
