/** The person's own file (`me.person`, masked by the same policy as an agent's view). Depth 7 at most. */
export const MY_FILE_QUERY = /* GraphQL */ `
  query MyFile {
    me {
      personId
      person {
        id
        identity {
          lastName
          birthName
          firstNames
          birthDate
        }
        contact {
          email
          phone
          address {
            lines
            postalCode
            city
          }
        }
        households {
          organisme
          matricule
          roleLabel
          since
          household {
            familySituationLabel
          }
        }
        rsa {
          status
          since
          openedOn
          suspendedOn
          closedOn
          suspensionReasonLabel
          closureReasonLabel
          subjectToRightsAndDuties
        }
        orientation {
          type
          decidedAt
          structure {
            name
            address
            phone
            email
          }
          referent {
            name
            email
            phone
          }
        }
        diagnostic {
          version
          createdAt
          themes {
            code
            label
            situations {
              code
              label
            }
            needs {
              code
              label
              value
            }
          }
          projects {
            romeCode
            label
          }
        }
        contracts {
          id
          type
          status
          startDate
          endDate
          currentVersion
          referent {
            name
          }
          versions {
            version
            signedAt
            objectives {
              id
              label
              actions {
                id
                label
                dueDate
                status
              }
            }
          }
        }
      }
    }
  }
`;

export interface MyFile {
  me: {
    personId: string;
    person: {
      id: string;
      identity: {
        lastName: string;
        birthName: string | null;
        firstNames: string[];
        birthDate: string | null;
      } | null;
      contact: {
        email: string | null;
        phone: string | null;
        address: { lines: string[]; postalCode: string | null; city: string | null } | null;
      } | null;
      households: Array<{
        organisme: string;
        matricule: string;
        roleLabel: string | null;
        since: string;
        household: { familySituationLabel: string | null };
      }>;
      rsa: {
        status: string;
        since: string;
        openedOn: string | null;
        suspendedOn: string | null;
        closedOn: string | null;
        suspensionReasonLabel: string | null;
        closureReasonLabel: string | null;
        subjectToRightsAndDuties: boolean | null;
      } | null;
      orientation: {
        type: string;
        decidedAt: string;
        structure: { name: string; address: string | null; phone: string | null; email: string | null };
        referent: { name: string; email: string | null; phone: string | null } | null;
      } | null;
      diagnostic: {
        version: number;
        createdAt: string;
        themes: Array<{
          code: string;
          label: string;
          situations: Array<{ code: string; label: string }>;
          needs: Array<{ code: string; label: string; value: string }>;
        }>;
        projects: Array<{ romeCode: string; label: string | null }> | null;
      } | null;
      contracts: Array<{
        id: string;
        type: string;
        status: string;
        startDate: string | null;
        endDate: string | null;
        currentVersion: number;
        referent: { name: string } | null;
        versions: Array<{
          version: number;
          signedAt: string | null;
          objectives: Array<{
            id: string;
            label: string;
            actions: Array<{ id: string; label: string; dueDate: string | null; status: string }>;
          }>;
        }>;
      }>;
    } | null;
  };
}
