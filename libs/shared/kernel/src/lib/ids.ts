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

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a value has the shape of a UUID, whatever its version: what PostgreSQL's `uuid` type and class-validator's
 * `@IsUUID()` accept. An id without it names no row, so it can be answered without asking the database.
 */
export function hasUuidShape(value: string): boolean {
  return UUID_SHAPE.test(value);
}
