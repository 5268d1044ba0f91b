import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { requestAccess, tag, type AccessAwareRequest } from '@spie/access/feature-graphql';
import { PersonService } from '@spie/person/data-access';
import { toPersonDTO } from '@spie/person/feature-graphql';
import { CurrentActor } from '@spie/platform/auth';
import type { Actor } from '@spie/shared/kernel';

import { NewEntrantDTO } from './dtos/new-entrant.dto';

interface QueueRow {
  person_id: string;
  right_opened_on: string | null;
  days: number | null;
}

/**
 * The orientation queue from the parcours read model (`person_parcours_status`, stage `to_orient`), oldest right
 * first. The SQL keeps the households of the agent's department; the access layer then keeps only the people the
 * request may see (need to know), so that the queue reveals nobody outside the portfolio.
 */
@Resolver(() => NewEntrantDTO)
export class NewEntrantsResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly persons: PersonService,
  ) {}

  @Query(() => [NewEntrantDTO], {
    description:
      'New entrants to orient: subject to rights and duties, right open, not oriented; the oldest right first (orientation teams)',
  })
  async newEntrants(
    @CurrentActor() actor: Actor,
    @Context() context: { req: AccessAwareRequest },
    @Args('first', { type: () => Int, defaultValue: 50, description: 'How many, 1–200' }) first: number,
  ): Promise<NewEntrantDTO[]> {
    const limit = Math.min(Math.max(first, 1), 200);
    const rows = (await this.dataSource.query(
      `SELECT s.person_id, to_char(s.right_opened_on, 'YYYY-MM-DD') AS right_opened_on,
              (current_date - s.right_opened_on) AS days
         FROM person_parcours_status s
        WHERE s.stage = 'to_orient' AND s.subject_to_rights_and_duties
          AND EXISTS (SELECT 1 FROM household_member m JOIN household h ON h.id = m.household_id
                        JOIN organisation org ON org.id = $1
                       WHERE m.person_id = s.person_id AND m.valid_to IS NULL
                         AND ltrim(h.department_code, '0') = ltrim(org.department_code, '0'))
        ORDER BY s.right_opened_on ASC NULLS LAST, s.person_id
        LIMIT $2`,
      [actor.organisationId, limit],
    )) as QueueRow[];
    const access = requestAccess(context.req);
    let visible = rows;
    if (access && !access.bypass) {
      await access.grant();
      const decisions = await access.decideMany(rows.map((row) => row.person_id));
      visible = rows.filter((row) => decisions.get(row.person_id)?.visible);
    }
    const persons = await this.persons.findByIds(visible.map((row) => row.person_id));
    return visible.flatMap((row) => {
      const person = persons.get(row.person_id);
      if (!person || person.archivedAt || person.notBeneficiaryAt) return [];
      const entrant: NewEntrantDTO = {
        person: toPersonDTO(person),
        rightOpenedOn: row.right_opened_on,
        daysSinceRightOpened: row.days === null ? null : Number(row.days),
      };
      tag(entrant, row.person_id);
      return [entrant];
    });
  }
}
