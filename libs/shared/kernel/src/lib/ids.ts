declare const brand: unique symbol;
/** A nominal type: a string that the compiler will not confuse with another kind of id. */
export type Branded<T, B extends string> = T & { readonly [brand]: B };

export type PersonId = Branded<string, 'PersonId'>;
export type HouseholdId = Branded<string, 'HouseholdId'>;
export type OrganisationId = Branded<string, 'OrganisationId'>;
export type AgentId = Branded<string, 'AgentId'>;
export type ContractId = Branded<string, 'ContractId'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
