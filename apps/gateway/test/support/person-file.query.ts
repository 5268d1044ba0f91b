/**
 * The person file as an adviser's console reads it: identity, household and RSA rights with their history, the
 * diagnostic, contracts down to each action's status history, orientation, partners' follow-ups. It is the deepest
 * query the hub serves (depth 7 as graphql-armor counts), used by the hardening tests (it must pass every limit) and
 * by `npm run bench:api` (the query it measures).
 */
export const PERSON_FILE_QUERY = /* GraphQL */ `
  query PersonFile($id: ID!) {
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
      contact {
        email
        phone
      }
      identifiers {
        system
        value
      }
      households {
        organisme
        matricule
        role
        roleLabel
        since
        household {
          id
          departmentCode
          familySituation
          familySituationLabel
        }
      }
      rsa {
        status
        since
        etatDossier
        etatDossierLabel
        subjectToRightsAndDuties
        openedOn
        provenance {
          source
          sourceRef
        }
        history {
          month
          status
          etatDossier
        }
      }
      diagnostic {
        id
        version
        educationLevel
        workSituation
        rqth
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
          }
          constraints {
            code
            label
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
        referent {
          id
          name
        }
        versions {
          version
          signedAt
          objectives {
            code
            label
            actions {
              code
              label
              status
              statusHistory {
                status
                at
              }
            }
          }
        }
      }
      orientation {
        id
        type
        typeLabel
        decidedAt
        structure {
          id
          name
        }
        referent {
          id
          name
        }
      }
      partnerFollowUps {
        kind
        partner
        startOn
        structureName
      }
    }
  }
`;
