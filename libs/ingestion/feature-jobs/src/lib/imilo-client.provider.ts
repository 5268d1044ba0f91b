import { Injectable } from '@nestjs/common';

import { ImiloClient } from '@spie/connectors/mission-locale';
import { EnvironmentVariables } from '@spie/platform/config';

/** The i-Milo client of this process, or null when `IMILO_URL` is not set. */
@Injectable()
export class ImiloClientProvider {
  readonly client: ImiloClient | null;

  constructor(env: EnvironmentVariables) {
    this.client =
      env.IMILO_URL && env.IMILO_API_KEY
        ? new ImiloClient({ baseUrl: env.IMILO_URL, apiKey: env.IMILO_API_KEY })
        : null;
  }
}
