import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';

import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';

import { AccessGraphQLModule, accessFieldMiddleware, AuditLogSink } from '@spie/access/feature-graphql';
import { AuditDataAccessModule } from '@spie/audit/data-access';
import { AuditGraphQLModule } from '@spie/audit/feature-graphql';
import { ContractGraphQLModule } from '@spie/contract/feature-graphql';
import { DiagnosticGraphQLModule } from '@spie/diagnostic/feature-graphql';
import { HouseholdRightsGraphQLModule } from '@spie/household-rights/feature-graphql';
import { IngestionGraphQLModule } from '@spie/ingestion/feature-graphql';
import { IngestionHttpModule } from '@spie/ingestion/feature-http';
import { QueueDashboardModule } from '@spie/ops/queue-dashboard';
import { HUB_ENTITIES } from '@spie/ops/schema';
import { OrganisationGraphQLModule } from '@spie/organisation/feature-graphql';
import { OrientationGraphQLModule } from '@spie/orientation/feature-graphql';
import { PersonGraphQLModule } from '@spie/person/feature-graphql';
import { AuthGuard, HubAuthModule } from '@spie/platform/auth';
import { EnvironmentVariables, HubConfigModule } from '@spie/platform/config';
import { hubDataSourceOptions } from '@spie/platform/database';
import { currentCorrelationId, hubLoggerOptions, redactUrl } from '@spie/platform/logging';
import {
  formatGraphQLError,
  GRAPHQL_LIMITS,
  graphQLCharacterLimit,
  graphQLHardening,
  hubValidationPipe,
} from '@spie/platform/graphql';
import { HubQueueModule } from '@spie/platform/queue';
import { HubRateLimitModule, RateLimitGuard } from '@spie/platform/rate-limit';
import { ReferentielGraphQLModule } from '@spie/referentiel/feature-graphql';
import { SelfServiceGraphQLModule } from '@spie/self-service/feature-graphql';
import { WebStaticModule } from '@spie/web/feature-http';
import { WorklistGraphQLModule } from '@spie/worklist/feature-graphql';

import { HealthController } from './health/health.controller';

const GRAPHQL_PATH = '/graphql';

@Module({
  imports: [
    HubConfigModule,
    LoggerModule.forRootAsync({
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) => ({
        pinoHttp: {
          ...hubLoggerOptions(env.LOG_LEVEL, 'gateway'),
          genReqId: (req) => (req as { correlationId?: string }).correlationId ?? 'none',
          autoLogging: { ignore: (req) => req.url === '/health' },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: redactUrl(req.url),
            }),
          },
        },
      }),
    }),
    TypeOrmModule.forRootAsync({
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) =>
        hubDataSourceOptions({
          url: env.DATABASE_URL,
          entities: HUB_ENTITIES,
          applicationName: 'spie-gateway',
        }),
    }),
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) => ({
        autoSchemaFile: true,
        sortSchema: true,
        path: GRAPHQL_PATH,
        ...graphQLHardening({ production: env.GRAPHQL_PRODUCTION, introspection: env.GRAPHQL_INTROSPECTION }),
        context: ({ req }: { req: unknown }) => ({ req }),
        // The access layer: every field that opens a data category goes through one check (libs/access).
        buildSchemaOptions: { fieldMiddleware: [accessFieldMiddleware] },
        formatError: (formatted) =>
          formatGraphQLError(formatted, {
            production: env.GRAPHQL_PRODUCTION,
            correlationId: currentCorrelationId(),
          }),
      }),
    }),
    HubQueueModule,
    HubAuthModule,
    HubRateLimitModule,
    AccessGraphQLModule.forRoot({ auditSink: AuditLogSink, imports: [AuditDataAccessModule] }),
    ReferentielGraphQLModule,
    OrganisationGraphQLModule,
    PersonGraphQLModule,
    HouseholdRightsGraphQLModule,
    DiagnosticGraphQLModule,
    ContractGraphQLModule,
    OrientationGraphQLModule,
    IngestionGraphQLModule,
    IngestionHttpModule,
    AuditGraphQLModule,
    QueueDashboardModule,
    WorklistGraphQLModule,
    SelfServiceGraphQLModule,
    WebStaticModule,
  ],
  controllers: [HealthController],
  providers: [
    // Global guards run in this order: the rate limit spends the budget of the actor that AuthGuard has set.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_PIPE, useFactory: hubValidationPipe },
  ],
})
export class GatewayModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // After the body parser, before Apollo: a query text too long to parse is refused unread.
    consumer.apply(graphQLCharacterLimit(GRAPHQL_LIMITS.maxCharacters)).forRoutes(GRAPHQL_PATH);
  }
}
