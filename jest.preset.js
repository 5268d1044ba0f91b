// Shared by the unit and integration configurations: SWC transform with decorator metadata, tsconfig path aliases.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

// ES-module-only packages that test code imports (openid-client and what it brings): Jest's module system cannot
// require an ES module on Node 20, so they are compiled to CommonJS like our sources. oidc-provider is not listed: it
// runs only in the global setup, which Node loads itself.
const ESM_PACKAGES = ['openid-client', 'oauth4webapi'];

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  transform: {
    '^.+\\.ts$': swc,
    [`/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: swc,
  },
  transformIgnorePatterns: [`^(?!.*/node_modules/(${ESM_PACKAGES.join('|')})/).*/node_modules/`],
  setupFiles: ['reflect-metadata'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
};
