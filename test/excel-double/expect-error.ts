import { DoubleOfficeError } from "./index";

/**
 * Test helpers for the double's own tests: the OfficeExtension-like error a batch rejects with,
 * or a call throws (failing the test when there is none).
 */

/** Runs a batch and returns the error it rejects with (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<DoubleOfficeError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DoubleOfficeError);
    return e as DoubleOfficeError;
  }
  throw new Error("expected the promise to reject");
}

/** Calls `fn` and returns the error it throws (fails the test if it returns). */
export function thrown(fn: () => unknown): DoubleOfficeError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DoubleOfficeError);
    return e as DoubleOfficeError;
  }
  throw new Error("expected a throw");
}
