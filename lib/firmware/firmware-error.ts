// A refused firmware operation, naming the field at fault ("signature: does not verify …").
// Callers turn it into a 400 (API), a field error (UI) or a CLI error.

export class FirmwareInputError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
    /** HTTP status the API answers with. */
    readonly status: 400 | 404 | 409 | 413 = 400,
  ) {
    super(`${field}: ${reason}`);
    this.name = "FirmwareInputError";
  }
}
