import { useGql } from '../shared/graphql';
import { ROLE_PURPOSES } from '../shared/words';

export const VIEWER_QUERY = /* GraphQL */ `
  query Viewer {
    viewer {
      agent {
        id
        name
        roles
      }
      organisation {
        id
        name
        type
        departmentCode
      }
    }
  }
`;

export interface Viewer {
  viewer: {
    agent: { id: string; name: string; roles: string[] };
    organisation: { id: string; name: string; type: string; departmentCode: string };
  };
}

/** The signed-in agent and the purposes their roles allow. */
export function useViewer() {
  const query = useGql<Viewer>(VIEWER_QUERY, {}, { staleTime: 60_000 });
  const roles = query.data?.data.viewer.agent.roles ?? [];
  const purposes = [...new Set(roles.flatMap((role) => ROLE_PURPOSES[role] ?? []))];
  return { query, viewer: query.data?.data.viewer, purposes };
}
