import {
  defaultFieldResolver,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';

import {
  CONTAINER_CATEGORIES,
  DataCategory,
  FIELD_CATEGORIES,
  ITEM_CATEGORIES,
  type PersonDecision,
} from '@spie/access/domain';
import { HubErrorCode, hubGraphQLError } from '@spie/platform/graphql';
import { hasUuidShape } from '@spie/shared/kernel';

import { requestAccess, type AccessAwareRequest } from './access-runtime';
import type { RequestAccess } from './request-access';

/** Set on objects reached through a person's field, so that their own fields know whose data they are. */
export const PERSON_OF = Symbol('spie.personOf');

type Owned = Record<PropertyKey, unknown>;

export function tag(value: unknown, personId: string): void {
  if (Array.isArray(value)) {
    for (const item of value) tag(item, personId);
  } else if (value && typeof value === 'object' && !(PERSON_OF in value)) {
    Object.defineProperty(value, PERSON_OF, { value: personId, enumerable: false });
  }
}

function pathOf(info: GraphQLResolveInfo): string {
  const parts: string[] = [];
  for (let path: GraphQLResolveInfo['path'] | undefined = info.path; path; path = path.prev) {
    parts.unshift(typeof path.key === 'number' ? `[${path.key}]` : `.${path.key}`);
  }
  return parts.join('').replace(/^\./, '').replace(/\.\[/g, '[');
}

function empty(info: GraphQLResolveInfo): unknown {
  return isListType(getNullableType(info.returnType)) ? [] : null;
}

/** Reads whose target is named by an argument: out of scope answers null (not found), never "forbidden". */
export const ENTRY_READS: Readonly<Record<string, (args: Record<string, unknown>) => unknown>> = {
  'Query.person': (args) => args['id'],
};

/** Lists of people: only those in scope are returned, so that no search reveals who exists. */
export const LIST_READS = new Set(['Query.searchPersons']);

/** Writes: the category written and how to find whose file it is. */
export const WRITES: Readonly<
  Record<
    string,
    { category: DataCategory; person: (args: Record<string, unknown>) => { kind: string; id: unknown } }
  >
> = {
  'Mutation.orientPerson': {
    category: DataCategory.Orientation,
    person: (a) => ({ kind: 'person', id: input(a)['personId'] }),
  },
  'Mutation.recordDiagnostic': {
    category: DataCategory.DiagnosticSocial,
    person: (a) => ({ kind: 'person', id: input(a)['personId'] }),
  },
  'Mutation.createContract': {
    category: DataCategory.Contract,
    person: (a) => ({ kind: 'person', id: input(a)['personId'] }),
  },
  'Mutation.updateContractDraft': {
    category: DataCategory.Contract,
    person: (a) => ({ kind: 'contract', id: input(a)['contractId'] }),
  },
  'Mutation.signContract': {
    category: DataCategory.Contract,
    person: (a) => ({ kind: 'contract', id: input(a)['contractId'] }),
  },
  'Mutation.changeContractStatus': {
    category: DataCategory.Contract,
    person: (a) => ({ kind: 'contract', id: input(a)['contractId'] }),
  },
  'Mutation.amendContract': {
    category: DataCategory.Contract,
    person: (a) => ({ kind: 'contract', id: a['contractId'] }),
  },
  'Mutation.setContractActionStatus': {
    category: DataCategory.Contract,
    person: (a) => ({ kind: 'contract_action', id: input(a)['actionId'] }),
  },
  'Mutation.setContractObjectiveStatus': {
    category: DataCategory.Contract,
    person: (a) => ({ kind: 'contract_objective', id: input(a)['objectiveId'] }),
  },
  // R.263-8: the department that orients a person may find they are not a beneficiary; no one else may destroy a file.
  'Mutation.declarePersonNotBeneficiary': {
    category: DataCategory.Orientation,
    person: (a) => ({ kind: 'person', id: input(a)['personId'] }),
  },
};

function input(args: Record<string, unknown>): Record<string, unknown> {
  return (args['input'] ?? {}) as Record<string, unknown>;
}

export async function checkWrite(
  access: RequestAccess,
  key: string,
  args: Record<string, unknown>,
): Promise<string | null> {
  const write = WRITES[key];
  const target = write.person(args);
  const id = typeof target.id === 'string' ? target.id : '';
  // An id that is not a UUID names no record: the input's validation (which runs after interceptors) refuses it with
  // every invalid field named, and nothing is read or written.
  if (!hasUuidShape(id)) return null;
  const personId =
    target.kind === 'person'
      ? id
      : await access
          .service()
          .personOf(target.kind, id)
          .catch(() => null);
  const decision: PersonDecision | null = personId ? await access.decision(personId) : null;
  if (!personId || !decision?.visible) {
    access.noteRefusal({
      personId: null,
      operation: key,
      outcome: 'not_found',
      reason: 'out of scope or unknown',
    });
    throw hubGraphQLError(HubErrorCode.NotFound, 'No such person or record');
  }
  if (!decision.writable.has(write.category)) {
    access.noteRefusal({
      personId,
      operation: key,
      outcome: 'refused',
      reason: `no write on ${write.category}`,
    });
    throw hubGraphQLError(
      HubErrorCode.Forbidden,
      `This account may not write ${write.category} for this purpose`,
      {
        category: write.category,
      },
    );
  }
  return personId;
}

type Resolver = GraphQLFieldResolver<unknown, { req: AccessAwareRequest }, Record<string, unknown>>;

/**
 * The gateway's access check for the fields of objects: every field of `FIELD_CATEGORIES`, `CONTAINER_CATEGORIES` and
 * `ITEM_CATEGORIES` gets its resolver wrapped by `checkedField` when the schema is built (the GraphQL module's
 * `transformSchema`); the entry points above, root fields, go through `AccessInterceptor`. Other fields run
 * unwrapped: they are reachable only through a checked field. A key that names no field of the schema stops the
 * gateway at boot, so a renamed field cannot lose its check.
 */
export function withAccessChecks(schema: GraphQLSchema): GraphQLSchema {
  const keys = new Set([
    ...Object.keys(FIELD_CATEGORIES),
    ...Object.keys(CONTAINER_CATEGORIES),
    ...Object.keys(ITEM_CATEGORIES),
  ]);
  for (const key of keys) {
    const [typeName = '', fieldName = ''] = key.split('.');
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field)
      throw new Error(`The access layer maps ${key} to a data category, but the schema has no such field`);
    field.resolve = checkedField(key, (field.resolve ?? defaultFieldResolver) as Resolver);
  }
  return schema;
}

/**
 * One checked field: a masked field answers null or an empty list, and the response lists it with its reason; what it
 * returns is tagged with the person it belongs to, for the checked fields below it.
 */
function checkedField(key: string, resolve: Resolver): Resolver {
  const category = FIELD_CATEGORIES[key];
  const container = CONTAINER_CATEGORIES[key];
  const itemCategory = ITEM_CATEGORIES[key];
  return (source, args, context, info) => {
    const access = requestAccess(context.req);
    if (!access || access.bypass) return resolve(source, args, context, info);
    return check(access, source as Owned, () => resolve(source, args, context, info), info);
  };

  async function check(
    access: RequestAccess,
    source: Owned,
    next: () => unknown,
    info: GraphQLResolveInfo,
  ): Promise<unknown> {
    const personId = (info.parentType.name === 'Person' ? source['id'] : source[PERSON_OF]) as
      string | undefined;
    if (!personId) return empty(info);
    const decision = await access.decision(personId);
    const path = pathOf(info);
    if (category) {
      if (!decision.readable.has(category)) {
        access.noteMask(personId, path, category, decision.masked.get(category) ?? 'not_habilitated');
        return empty(info);
      }
      access.noteRead(personId, category);
    }
    if (container && !container.some((c) => decision.readable.has(c))) {
      for (const c of container)
        access.noteMask(personId, path, c, decision.masked.get(c) ?? 'not_habilitated');
      return empty(info);
    }
    let value = await next();
    if (itemCategory && Array.isArray(value)) {
      value = value.filter((item: { code?: string }) => {
        const itemCat = itemCategory(item);
        if (decision.readable.has(itemCat)) {
          access.noteRead(personId, itemCat);
          return true;
        }
        access.noteMask(
          personId,
          `${path}[${item.code}]`,
          itemCat,
          decision.masked.get(itemCat) ?? 'not_habilitated',
        );
        return false;
      });
    }
    tag(value, personId);
    return value;
  }
}
