import { GraphQLError } from 'graphql';

/** The only error codes a client ever sees. Internals (stack, SQL, paths) never leave the server. */
export enum HubErrorCode {
  NotFound = 'NOT_FOUND',
  Forbidden = 'FORBIDDEN',
  BadUserInput = 'BAD_USER_INPUT',
  Conflict = 'CONFLICT',
  Unauthenticated = 'UNAUTHENTICATED',
  /** The actor (or the IP address, without a token) spent its request budget; `retryAfterSeconds` says when to retry. */
  RateLimited = 'RATE_LIMITED',
  Internal = 'INTERNAL_SERVER_ERROR',
}

/** Builds the client-facing error: a code for programs, a plain message for people, the context's own reason. */
export function hubGraphQLError(
  code: HubErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}
