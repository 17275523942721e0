import { Progress } from '../../src/cli/progress';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
}

describe('Progress', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  test('says nothing in the first second, then one line redrawn in place, cleared at the end', () => {
    const { written, stream } = fakeStream(true);
    const progress = new Progress('diff', stream);
    progress.update(1, 20000);
    expect(written).toEqual([]);
    jest.setSystemTime(1500);
    progress.update(1234, 20000);
    jest.setSystemTime(1600);
    progress.update(1300, 20000);
    progress.done();
    expect(written).toEqual(['\rdiff: 1,234 of 20,000\u001b[K', '\r\u001b[K']);
  });

  test('never writes to a stream that is not a terminal', () => {
    const { written, stream } = fakeStream(false);
    const progress = new Progress('connections', stream);
    jest.setSystemTime(5000);
    progress.update(5, 10);
    progress.done();
    expect(written).toEqual([]);
  });
});
