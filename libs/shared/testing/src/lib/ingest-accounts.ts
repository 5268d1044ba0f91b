import type { DataSource } from 'typeorm';

import { INGEST_SOURCES, type IngestSource } from '@spie/ingestion/domain';
import type { AgentEntity, OrganisationType } from '@spie/organisation/data-access';
import type { JobEnvelope } from '@spie/platform/queue';

import { buildAgentWithOrganisation } from './factories';

/** The organisation type of the technical account that sends each source in the tests (as in the demo). */
const SENDER_TYPE: Record<IngestSource, OrganisationType> = {
  'caf-msa': 'caf',
  'france-travail-principal': 'france_travail_agency',
  'france-travail-actions': 'france_travail_agency',
  'france-travail-diagnostic': 'france_travail_agency',
  department: 'department',
  'mission-locale': 'mission_locale',
};

/** A job envelope acting as `agent` (what the HTTP upload, the CLI and the i-Milo poll build). */
export function envelopeOf(agent: AgentEntity, correlationId = 'test-ingest'): JobEnvelope {
  return {
    correlationId,
    actor: { kind: 'agent', id: agent.id, login: agent.login, organisationId: agent.organisationId },
  };
}

/**
 * A technical account (role `connector`) of a fresh organisation of the right type for each source, holding its
 * type's habilitation templates (a transmission), as the senders of files are in the demo: `envelopes[source]` sends
 * files of that source within the rights the pipeline checks.
 */
export async function buildIngestSenders(
  dataSource: DataSource,
): Promise<{ agents: Record<IngestSource, AgentEntity>; envelopes: Record<IngestSource, JobEnvelope> }> {
  const byType = new Map<OrganisationType, AgentEntity>();
  for (const type of new Set(Object.values(SENDER_TYPE))) {
    byType.set(type, (await buildAgentWithOrganisation(dataSource, { type, roles: ['connector'] })).agent);
  }
  const agents = Object.fromEntries(
    INGEST_SOURCES.map((source) => [source, byType.get(SENDER_TYPE[source]) as AgentEntity]),
  ) as Record<IngestSource, AgentEntity>;
  const envelopes = Object.fromEntries(
    INGEST_SOURCES.map((source) => [source, envelopeOf(agents[source])]),
  ) as Record<IngestSource, JobEnvelope>;
  return { agents, envelopes };
}
