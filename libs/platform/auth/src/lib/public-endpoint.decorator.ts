import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ENDPOINT = 'spie:public-endpoint';

/** Marks a handler that needs no actor (health, referentiel metadata). Everything else is authenticated. */
export const PublicEndpoint = () => SetMetadata(PUBLIC_ENDPOINT, true);

export const OPEN_TO_PEOPLE = 'spie:open-to-people';

/**
 * Marks a handler a person (signed in with the people's issuer) may call, such as their own file. Every other handler
 * refuses people (`FORBIDDEN`): the agents' resolvers do not scope their answers to a person.
 */
export const OpenToPeople = () => SetMetadata(OPEN_TO_PEOPLE, true);
