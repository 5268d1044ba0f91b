import type { GraphQLFormattedError } from 'graphql';

import { HubErrorCode } from './graphql-error-code';

const PUBLIC_CODES = new Set<string>([
  ...Object.values(HubErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
]);

/**
 * graphql-js suggestions ("Did you mean "x"?", "Did you mean the enum value "Y"?"): they reveal names of the schema
 * with introspection off, in validation errors and in the coercion errors of variables alike.
 */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Last stop before the client: known codes pass with their message and safe extensions; anything else becomes a
 * generic internal error carrying only the correlation id. In production, locations and field suggestions go too.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  options: { production: boolean; correlationId?: string },
): GraphQLFormattedError {
  const code = String(formatted.extensions?.['code'] ?? HubErrorCode.Internal);
  const {
    stacktrace: _stacktrace,
    exception: _exception,
    originalError: _originalError,
    ...extensions
  } = formatted.extensions ?? {};
  if (!PUBLIC_CODES.has(code) || code === HubErrorCode.Internal) {
    return {
      message: 'Internal error',
      path: formatted.path,
      extensions: { code: HubErrorCode.Internal, correlationId: options.correlationId },
    };
  }
  return {
    message: options.production ? formatted.message.replace(SUGGESTION, '') : formatted.message,
    locations: options.production ? undefined : formatted.locations,
    path: formatted.path,
    extensions: { ...extensions, code, correlationId: options.correlationId },
  };
}
