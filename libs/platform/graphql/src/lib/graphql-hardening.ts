import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';

/**
 * The shape limits of every GraphQL document, counted the way graphql-armor counts them. They are far above what
 * the hub's own clients send (the largest query of the integration tests: depth 7, 3 aliases, cost ≈ 2 040,
 * 94 tokens, 1 102 characters) and far below what it takes to make the gateway work for seconds.
 */
export const GRAPHQL_LIMITS = {
  /**
   * Nesting, counting the leaf field (graphql-armor's way). The person file needs 7:
   * `person { contracts { versions { objectives { actions { statusHistory { status } } } } } }`, as does an identity
   * conflict page (`edges { node { observed { identifiers { system } } } }`). graphql-armor's default of 6 would
   * refuse both; 8 and more is refused.
   */
  maxDepth: 7,
  /** Aliases in one operation (graphql-armor's default): 16 aliased copies of `person` are refused. */
  maxAliases: 15,
  /**
   * graphql-armor's cost (object 2, scalar 1, × 1.5 per level, × `first`/`last` when given literally): its default.
   * A page of 20 identity conflicts with every field costs about 2 300; a page of 100 with every field goes over it,
   * so a client asks for pages of 20–40, or for fewer fields.
   */
  maxCost: 5000,
  /** Lexical tokens of the document (graphql-armor's default); enforced by graphql-js's own parser limit. */
  maxTokens: 1000,
  /** Directives in one operation (graphql-armor's default). */
  maxDirectives: 50,
  /** Characters of the query text, checked before parsing (graphql-armor's default for Yoga). */
  maxCharacters: 15000,
} as const;

export interface GraphQLHardeningOptions {
  /** `GRAPHQL_PRODUCTION` (forced by `NODE_ENV=production`): no introspection, no field suggestions. */
  production: boolean;
  /** `GRAPHQL_INTROSPECTION`; ignored (off) in production. */
  introspection: boolean;
}

/** The Apollo Server options that harden the gateway, to spread into the GraphQL module's configuration. */
export interface GraphQLHardening {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
  parseOptions: ParseOptions;
  introspection: boolean;
  hideSchemaDetailsFromClientErrors: boolean;
  allowBatchedHttpRequests: false;
  includeStacktraceInErrorResponses: false;
  csrfPrevention: true;
  /** No landing page (GraphQL Playground, Apollo Sandbox), in any environment. */
  playground: false;
  /**
   * NestJS resets to 200 the status an execution error asks for through `extensions.http`; the hub's only such error
   * is `RATE_LIMITED`, which must answer 429 (with `Retry-After`) so that proxies and clients back off.
   */
  preserveHttpStatusForExecutionErrors: false;
}

/**
 * Every GraphQL answer is personal or per-actor: no cache may keep it. Apollo's cache-control plugin, installed by
 * default, says the same (`no-store` when no field gives a cache hint) but hooks into the resolution of every field of
 * every answer to collect hints the hub never gives; this plugin replaces it.
 */
export const noStorePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/**
 * Depth, alias, cost and directive limits as validation rules (graphql-armor), the token limit in the parser, field
 * suggestions masked and introspection off in production, batching off, CSRF prevention on, no stack traces, answers
 * never cached (`cache-control: no-store`).
 *
 * graphql-armor's own token plugin throws from a parsing hook, which Apollo Server 5 answers with HTTP 500; graphql-js
 * enforces the same limit inside `parse` (`maxTokens`), which Apollo answers as a parse failure (400).
 */
export function graphQLHardening(options: GraphQLHardeningOptions): GraphQLHardening {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: options.production },
  }).protect();
  return {
    validationRules,
    plugins: [...plugins, ApolloServerPluginCacheControlDisabled(), noStorePlugin],
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    introspection: options.introspection && !options.production,
    hideSchemaDetailsFromClientErrors: options.production,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    playground: false,
    preserveHttpStatusForExecutionErrors: false,
  };
}
