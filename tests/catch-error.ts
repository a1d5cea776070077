import { SuccessKitError } from '../src/core/error';

/** Runs `run` and returns the SuccessKitError it throws; fails the test when it throws something else or nothing. */
export function catchSuccessKitError(run: () => unknown): SuccessKitError {
  try {
    run();
  } catch (error) {
    if (error instanceof SuccessKitError) return error;
    throw error;
  }
  throw new Error('expected a SuccessKitError, but nothing was thrown');
}

/** The paths of an error's issues, written as `a[0].b`, for compact assertions. */
export function issuePaths(error: SuccessKitError): string[] {
  return error.issues.map((issue) =>
    issue.path
      .map((segment, index) =>
        typeof segment === 'number' ? `[${String(segment)}]` : `${index === 0 ? '' : '.'}${segment}`,
      )
      .join(''),
  );
}
