/** The message of the error `build` throws; fails the test when it throws nothing. */
export function thrown(build: () => unknown): string {
  try {
    build();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}
