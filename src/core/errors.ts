/** The message of anything thrown: an Error's own, or the value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Anything thrown, as an Error (a thrown string or value becomes its message). */
export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
