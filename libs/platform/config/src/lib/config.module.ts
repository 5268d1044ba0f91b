import { Global, Module } from '@nestjs/common';

import { EnvironmentVariables, validateEnvironment } from './environment-variables';

/** Validates `process.env` once at boot and provides `EnvironmentVariables` to every module. */
@Global()
@Module({
  providers: [{ provide: EnvironmentVariables, useFactory: () => validateEnvironment(process.env) }],
  exports: [EnvironmentVariables],
})
export class HubConfigModule {}
