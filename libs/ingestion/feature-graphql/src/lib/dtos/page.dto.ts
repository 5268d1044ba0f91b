import { type Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';

import { PageArgs, PageInfoDTO } from '@spie/platform/graphql';

// `PageInfo` and `PageArgs` are shared by every context's lists: they live in @spie/platform/graphql.
export { PageArgs, PageInfoDTO };

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
