import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { requestAccess, tag, type AccessAwareRequest } from '@spie/access/feature-graphql';
import { PersonService } from '@spie/person/data-access';
import { toPersonDTO } from '@spie/person/feature-graphql';
import { CurrentActor } from '@spie/platform/auth';
import type { Actor } from '@spie/shared/kernel';

import { PortfolioEntryDTO } from './dtos/portfolio-entry.dto';

/**
 * The agent's portfolio: the people their structure orients or accompanies (current orientation to it or to them as
 * référent, a contract it holds, a partner follow-up it runs), the agent's own people first. The access layer keeps
 * only those the request may see.
 */
@Resolver(() => PortfolioEntryDTO)
export class PortfolioResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly persons: PersonService,
  ) {}

  @Query(() => [PortfolioEntryDTO], {
    description:
      'The people the agent’s structure follows, the agent’s own first, then by name (advisers, référents)',
  })
  async portfolio(
    @CurrentActor() actor: Actor,
    @Context() context: { req: AccessAwareRequest },
    @Args('first', { type: () => Int, defaultValue: 100, description: 'How many, 1–500' }) first: number,
  ): Promise<PortfolioEntryDTO[]> {
    if (actor.kind !== 'agent' || !actor.organisationId) return [];
    const rows = (await this.dataSource.query(
      `SELECT p.id, COALESCE(o.referent_agent_id = $2, false) AS mine
         FROM person p
         LEFT JOIN orientation o ON o.person_id = p.id AND o.superseded_at IS NULL
        WHERE p.archived_at IS NULL AND p.not_beneficiary_at IS NULL
          AND (o.structure_id = $1 OR o.referent_agent_id = $2
               OR EXISTS (SELECT 1 FROM contract c WHERE c.person_id = p.id AND c.organisation_id = $1
                            AND c.status <> 'ended')
               OR EXISTS (SELECT 1 FROM partner_follow_up f WHERE f.person_id = p.id AND f.organisation_id = $1
                            AND f.superseded_at IS NULL AND f.end_on IS NULL))
        ORDER BY mine DESC, p.last_name_normalized, p.first_name_normalized, p.id
        LIMIT $3`,
      [actor.organisationId, actor.id, Math.min(Math.max(first, 1), 500)],
    )) as Array<{ id: string; mine: boolean }>;
    const access = requestAccess(context.req);
    let visible = rows;
    if (access && !access.bypass) {
      await access.grant();
      const decisions = await access.decideMany(rows.map((row) => row.id));
      visible = rows.filter((row) => decisions.get(row.id)?.visible);
    }
    const persons = await this.persons.findByIds(visible.map((row) => row.id));
    return visible.flatMap((row) => {
      const person = persons.get(row.id);
      if (!person) return [];
      const entry: PortfolioEntryDTO = { person: toPersonDTO(person), youAreReferent: row.mine };
      tag(entry, row.id);
      return [entry];
    });
  }
}
