require('../../bin/register');
module.exports = require('../../libs/shared/testing/src/lib/integration-global-teardown.ts').default;
