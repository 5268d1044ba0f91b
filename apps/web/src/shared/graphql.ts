import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';

import { currentSession, signOut } from './auth';
import type { Face } from './config';
import { useSession } from './session';

/** A field the access layer masked, as `extensions.access.masked` lists it. */
export interface MaskedField {
  path: string;
  category: string;
  reason: 'not_habilitated' | 'two_factor_required' | 'consent_required' | 'opposition' | string;
  explanation?: string;
}

export interface GqlResult<T> {
  data: T;
  masked: MaskedField[];
  purpose: string | null;
}

export class GqlError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export class SignedOutError extends Error {}

/** One GraphQL request to the gateway with the face's bearer token and, in the console, the chosen purpose. */
export async function graphql<T>(
  face: Face,
  query: string,
  variables: Record<string, unknown> = {},
  purpose?: string | null,
): Promise<GqlResult<T>> {
  const session = currentSession(face);
  if (!session) throw new SignedOutError('Vous n’êtes pas connecté.');
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    Authorization: `Bearer ${session.accessToken}`,
  };
  if (purpose) headers['X-Spie-Purpose'] = purpose;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => null)) as {
    data?: T;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
    extensions?: { access?: { purpose?: string | null; masked?: MaskedField[] } };
  } | null;
  const error = body?.errors?.[0];
  if (error || !body?.data) {
    const code = error?.extensions?.code;
    if (code === 'UNAUTHENTICATED' || response.status === 401) {
      signOut(face);
      throw new SignedOutError('Votre session a expiré : connectez-vous à nouveau.');
    }
    throw new GqlError(error?.message ?? `Le service ne répond pas (${response.status})`, code);
  }
  return {
    data: body.data,
    masked: body.extensions?.access?.masked ?? [],
    purpose: body.extensions?.access?.purpose ?? null,
  };
}

/** A query of the current face (react-query), keyed by its text, variables and purpose. */
export function useGql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  options: Partial<UseQueryOptions<GqlResult<T>>> = {},
) {
  const { face, purpose } = useSession();
  return useQuery<GqlResult<T>>({
    queryKey: [face, purpose, query, variables],
    queryFn: () => graphql<T>(face, query, variables, purpose),
    retry: false,
    ...options,
  });
}

/** A mutation of the current face; every query of the face is read again once it succeeds. */
export function useGqlMutation<T, V extends Record<string, unknown>>(mutation: string) {
  const { face, purpose } = useSession();
  const client = useQueryClient();
  return useMutation<GqlResult<T>, Error, V>({
    mutationFn: (variables) => graphql<T>(face, mutation, variables, purpose),
    onSuccess: () => client.invalidateQueries({ queryKey: [face] }),
  });
}
