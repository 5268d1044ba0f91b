/** Base of every context's exception: a machine-readable code from that context's enum and a safe message. */
export abstract class CustomException<TCode extends string = string> extends Error {
  protected constructor(
    public readonly code: TCode,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
