import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ENDPOINT = 'spie:public-endpoint';

/** Marks a handler that needs no actor (health, referentiel metadata). Everything else is authenticated. */
export const PublicEndpoint = () => SetMetadata(PUBLIC_ENDPOINT, true);
