import { useGql } from '../shared/graphql';

export const VIEWER_QUERY = /* GraphQL */ `
  query Viewer {
    viewer {
      agent {
        id
        name
        roles
      }
      purposes
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
    /** What the agent may act for: their roles × their organisation's active habilitations (the access policy). */
    purposes: string[];
    organisation: { id: string; name: string; type: string; departmentCode: string };
  };
}

/** The signed-in agent and the purposes the access policy lets them act for (`viewer.purposes`). */
export function useViewer() {
  const query = useGql<Viewer>(VIEWER_QUERY, {}, { staleTime: 60_000 });
  const purposes = query.data?.data.viewer.purposes ?? [];
  return { query, viewer: query.data?.data.viewer, purposes };
}
