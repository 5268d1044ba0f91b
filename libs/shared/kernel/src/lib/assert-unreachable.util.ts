/** Makes a switch over a union exhaustive at compile time and fails loudly at run time. */
export function assertUnreachable(value: never, message = 'Unreachable case'): never {
  throw new Error(`${message}: ${JSON.stringify(value)}`);
}
