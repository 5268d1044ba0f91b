import { Field, ObjectType } from '@nestjs/graphql';

/** The `PageInfo` of every paginated list of the schema (one GraphQL type, shared by the contexts). */
@ObjectType('PageInfo', { description: 'Where a page ends: pass `endCursor` as `after` for the next page' })
export class PageInfoDTO {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
