// Jest does not apply moduleNameMapper to globalSetup: load the TypeScript setup through the project's own register.
require('../../bin/register');
module.exports = require('../../libs/shared/testing/src/lib/integration-global-setup.ts').default;
