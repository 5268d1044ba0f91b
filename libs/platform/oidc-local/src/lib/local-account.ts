/** Who signs in at the local provider: an agent (ProConnect-shaped claims) or a person (FranceConnect pivot identity). */
export type AccountKind = 'agent' | 'person';

/** The claims ProConnect gives about an agent (https://partenaires.proconnect.gouv.fr, "données fournies"). */
export interface AgentClaims {
  email?: string;
  given_name: string;
  usual_name: string;
  /** SIRET of the agent's establishment; absent when the demo catalogue has none for the structure. */
  siret?: string;
  /** Identity provider the agent used behind ProConnect. */
  idp_id: string;
}

/** FranceConnect's pivot identity: birth name, every given name, birth date, place and sex. */
export interface PersonClaims {
  /** Every given name, separated by spaces, as on the birth certificate. */
  given_name: string;
  /** Birth name. */
  family_name: string;
  /** `YYYY-MM-DD`. */
  birthdate: string;
  gender: 'female' | 'male';
  /** INSEE code of the commune of birth (COG); empty when born abroad. */
  birthplace: string;
  /** INSEE code of the country of birth: `99100` for France. */
  birthcountry: string;
  /** Usage name, when it differs from the birth name. */
  preferred_username?: string;
}

export type LocalAccount =
  | { kind: 'agent'; login: string; description?: string; claims: AgentClaims }
  | { kind: 'person'; login: string; description?: string; claims: PersonClaims };

/** Where the local provider finds its accounts: a fixed list (the demo catalogue), or a database (the tests). */
export interface LocalAccountDirectory {
  find(login: string, kind: AccountKind): Promise<LocalAccount | undefined>;
  /** Accounts the sign-in page suggests (a directory that cannot list returns none: the login is typed). */
  list(kind: AccountKind): Promise<LocalAccount[]>;
}

export function staticAccountDirectory(accounts: readonly LocalAccount[]): LocalAccountDirectory {
  return {
    find: async (login, kind) => accounts.find((account) => account.login === login && account.kind === kind),
    list: async (kind) => accounts.filter((account) => account.kind === kind),
  };
}

/** The first directory that knows a login answers; suggestions are those of every directory. */
export function combineDirectories(...directories: LocalAccountDirectory[]): LocalAccountDirectory {
  return {
    async find(login, kind) {
      for (const directory of directories) {
        const account = await directory.find(login, kind);
        if (account) return account;
      }
      return undefined;
    },
    list: async (kind) => (await Promise.all(directories.map((d) => d.list(kind)))).flat(),
  };
}
