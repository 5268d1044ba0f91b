import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { from, lastValueFrom, type Observable } from 'rxjs';

import { readsPersonFiles } from '@spie/access/domain';
import { hubGraphQLError, HubErrorCode } from '@spie/platform/graphql';

import { requestAccess, type AccessAwareRequest } from './access-runtime';
import { checkWrite, ENTRY_READS, LIST_READS, tag, WRITES } from './access-field.middleware';

/**
 * The access check of root fields (the field checks wrap fields of objects, not `Query`/`Mutation`): a read of a person
 * outside the portfolio answers null (not found), a search returns only people in scope, a write needs the person in
 * scope and the category writable under the request's purpose.
 */
@Injectable()
export class AccessInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<{ parentType: { name: string }; fieldName: string }>();
    const key = `${info.parentType.name}.${info.fieldName}`;
    const entry = ENTRY_READS[key];
    const list = LIST_READS.has(key);
    const write = WRITES[key];
    if (!entry && !list && !write) return next.handle();
    const access = requestAccess(gql.getContext<{ req: AccessAwareRequest }>().req);
    if (!access || access.bypass) return next.handle();
    const args = gql.getArgs<Record<string, unknown>>();
    if (entry) {
      const id = entry(args);
      if (typeof id === 'string') access.prefetch([id]);
    }
    return from(
      (async () => {
        // Purpose first: a request without a habilitated purpose is refused once, before anything is read.
        const grant = await access.grant();
        if ((entry !== undefined || list) && !readsPersonFiles(grant)) {
          access.noteRefusal({
            personId: null,
            operation: key,
            outcome: 'refused',
            reason: 'NO_FILE_ACCESS',
          });
          throw hubGraphQLError(
            HubErrorCode.Forbidden,
            `The purpose ${grant.purpose} does not let this account read person files`,
            { reason: 'NO_FILE_ACCESS' },
          );
        }
        if (entry) {
          const id = entry(args);
          const decision = typeof id === 'string' ? await access.decision(id) : null;
          if (!decision?.visible) {
            access.noteRefusal({
              personId: null,
              operation: key,
              outcome: 'not_found',
              reason: 'out of scope or unknown',
            });
            return null;
          }
          return lastValueFrom(next.handle(), { defaultValue: null });
        }
        if (list) {
          const found = ((await lastValueFrom(next.handle(), { defaultValue: [] })) ?? []) as Array<{
            id: string;
          }>;
          const decisions = await access.decideMany(found.map((person) => person.id));
          return found.filter((person) => decisions.get(person.id)?.visible);
        }
        const personId = await checkWrite(access, key, args);
        const value = await lastValueFrom(next.handle(), { defaultValue: null });
        // No person: the id was malformed and the input's validation refused it above; a value here names no one.
        if (personId === null) throw hubGraphQLError(HubErrorCode.NotFound, 'No such person or record');
        tag(value, personId);
        return value;
      })(),
    );
  }
}
