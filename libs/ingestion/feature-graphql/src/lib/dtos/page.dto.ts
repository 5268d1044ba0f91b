import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { PageInfoDTO } from '@spie/platform/graphql';

// `PageInfo` is shared by every context's lists: it lives in @spie/platform/graphql.
export { PageInfoDTO };

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfoDTO;
  totalCount: number;
}

/** A Relay-style connection type (`<name>Connection` with `<name>Edge`) for one node type. */
export function connectionOf<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType implements Connection<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfoDTO)
    pageInfo!: PageInfoDTO;

    @Field(() => Int, { description: 'Rows in the whole list, all pages' })
    totalCount!: number;
  }
  return ConnectionType;
}

/** `first` and `after` of a paginated list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1–100' })
  @IsInt()
  @Min(1)
  @Max(100)
  first = 20;

  @Field(() => String, { nullable: true, description: '`endCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}
