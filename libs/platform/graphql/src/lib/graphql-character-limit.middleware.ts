import type { NextFunction, Request, Response } from 'express';

/**
 * Refuses a GraphQL query text longer than `maxCharacters` before anything parses it (graphql-armor's character
 * limit, which its Apollo Server integration does not provide). Mounted on the GraphQL path after the body parser;
 * answers 400 with a GraphQL error (`GRAPHQL_VALIDATION_FAILED`) and the correlation id, like any refused document.
 */
export function graphQLCharacterLimit(maxCharacters: number) {
  return (req: Request & { correlationId?: string }, res: Response, next: NextFunction): void => {
    const length = Math.max(queryLength(req.body), queryLength(req.query));
    if (length <= maxCharacters) return next();
    res.status(400).json({
      errors: [
        {
          message: `Syntax Error: Query is longer than ${maxCharacters} characters.`,
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', correlationId: req.correlationId },
        },
      ],
    });
  };
}

/** Length of the `query` of a GET query string or a JSON body; 0 when absent (a batch is refused by Apollo itself). */
function queryLength(carrier: unknown): number {
  if (!carrier || typeof carrier !== 'object' || Array.isArray(carrier)) return 0;
  const query = (carrier as { query?: unknown }).query;
  return typeof query === 'string' ? query.length : 0;
}
