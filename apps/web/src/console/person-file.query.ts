/** The consolidated person file as the console shows it, each value with its provenance. Depth 7 at most. */
export const CONSOLE_PERSON_QUERY = /* GraphQL */ `
  query ConsolePerson($id: ID!) {
    person(id: $id) {
      id
      identity {
        lastName
        birthName
        firstNames
        birthDate
        sex
        hasNir
      }
      history {
        field
        newValue
        provenance {
          source
          recordedAt
          recordedBy
        }
      }
      identifiers {
        system
        value
        provenance {
          source
          recordedAt
        }
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
          departmentCode
          familySituationLabel
        }
      }
      rsa {
        status
        openedOn
        since
        etatDossierLabel
        subjectToRightsAndDuties
        suspensionReasonLabel
        closureReasonLabel
        provenance {
          source
          sourceRef
          recordedAt
        }
      }
      orientation {
        type
        typeLabel
        decidedAt
        reason
        structure {
          id
          name
        }
        referent {
          id
          name
        }
        provenance {
          source
          recordedAt
          recordedBy
        }
      }
      diagnostic {
        version
        createdAt
        author {
          organisation {
            name
          }
          agent {
            name
          }
        }
        themes {
          code
          label
          situations {
            code
            label
            provenance {
              source
              recordedAt
            }
          }
          needs {
            code
            label
            value
            provenance {
              source
              recordedAt
            }
          }
        }
      }
      orientationHistory {
        id
        decidedAt
        type
        typeLabel
        structure {
          name
        }
      }
      diagnosticHistory {
        version
        createdAt
        source
      }
      contracts {
        id
        type
        status
        events {
          at
          kind
          version
        }
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
            themeCode
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
`;

interface Provenance {
  source: string;
  sourceRef?: string | null;
  recordedAt: string;
  recordedBy?: string;
}

export interface ConsolePerson {
  person: {
    id: string;
    identity: {
      lastName: string;
      birthName: string | null;
      firstNames: string[];
      birthDate: string | null;
      sex: string | null;
      hasNir: boolean;
    } | null;
    history: Array<{ field: string; newValue: string | null; provenance: Provenance }>;
    identifiers: Array<{ system: string; value: string; provenance: Provenance }>;
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
      household: { departmentCode: string; familySituationLabel: string | null };
    }>;
    rsa: {
      status: string;
      openedOn: string | null;
      since: string;
      etatDossierLabel: string | null;
      subjectToRightsAndDuties: boolean | null;
      suspensionReasonLabel: string | null;
      closureReasonLabel: string | null;
      provenance: Provenance;
    } | null;
    orientation: {
      type: string;
      typeLabel: string | null;
      decidedAt: string;
      reason: string | null;
      structure: { id: string; name: string };
      referent: { id: string; name: string } | null;
      provenance: Provenance;
    } | null;
    diagnostic: {
      version: number;
      createdAt: string;
      author: { organisation: { name: string } | null; agent: { name: string } | null };
      themes: Array<{
        code: string;
        label: string;
        situations: Array<{ code: string; label: string; provenance: Provenance }>;
        needs: Array<{ code: string; label: string; value: string; provenance: Provenance }>;
      }>;
    } | null;
    orientationHistory: Array<{
      id: string;
      decidedAt: string;
      type: string;
      typeLabel: string | null;
      structure: { name: string };
    }>;
    diagnosticHistory: Array<{ version: number; createdAt: string; source: string }>;
    contracts: Array<{
      id: string;
      type: string;
      status: string;
      events: Array<{ at: string; kind: string; version: number }>;
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
          themeCode: string;
          actions: Array<{ id: string; label: string; dueDate: string | null; status: string }>;
        }>;
      }>;
    }>;
  } | null;
}
