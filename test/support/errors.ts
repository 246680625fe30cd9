// Catches the OfframpError a call throws, so a test can check its code, file, line and field.
import { OfframpError } from '../../shared/errors.ts';

function offrampErrorOr(e: unknown): OfframpError {
  if (e instanceof OfframpError) return e;
  throw e;
}

/** The OfframpError `fn` throws; any other error is rethrown, and throwing nothing fails the test. */
export function caught(fn: () => unknown): OfframpError {
  try {
    fn();
  } catch (e) {
    return offrampErrorOr(e);
  }
  throw new Error('expected an OfframpError');
}

/** The OfframpError `p` rejects with; any other error is rethrown, and resolving fails the test. */
export async function caughtAsync(p: Promise<unknown>): Promise<OfframpError> {
  try {
    await p;
  } catch (e) {
    return offrampErrorOr(e);
  }
  throw new Error('expected an OfframpError');
}
