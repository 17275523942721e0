import fc from 'fast-check';
import { compareGoStrings, goJson, goQuote, goQuoteBytes, goToLower } from '../../src/k8s/go-text';

describe('goQuote is Go\'s %q', () => {
  test.each([
    ['web', '"web"'],
    ['q"uote', '"q\\"uote"'],
    ['back\\slash', '"back\\\\slash"'],
    ['ctl\tchars\u0001\u007f', '"ctl\\tchars\\x01\\x7f"'],
    ['\u0007\b\f\n\r\v', '"\\a\\b\\f\\n\\r\\v"'],
    ['unicode-é 日本 😀', '"unicode-é 日本 😀"'],
    ['<&>', '"<&>"'],
    // Not printable to Go: other spaces, format characters, unassigned code points.
    ['nbsp\u00a0', '"nbsp\\u00a0"'],
    ['soft\u00adhyphen', '"soft\\u00adhyphen"'],
    ['line\u2028sep', '"line\\u2028sep"'],
    ['tag\u{e0001}', '"tag\\U000e0001"'],
    // A lone surrogate is what Go's JSON decoder turns into U+FFFD, which prints.
    ['lone-\ud800', '"lone-\ufffd"'],
  ])('%j', (text, quoted) => {
    expect(goQuote(text)).toBe(quoted);
  });

  test('bytes that are not UTF-8 print as \\x', () => {
    expect(goQuoteBytes(Buffer.from([0x61, 0xc3, 0x62, 0xff]))).toBe('"a\\xc3b\\xff"');
    expect(goQuoteBytes(Buffer.from([0xe2, 0x82]))).toBe('"\\xe2\\x82"');
    // Overlong and surrogate encodings are invalid too.
    expect(goQuoteBytes(Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]))).toBe('"\\xc0\\xaf\\xed\\xa0\\x80"');
  });

  test('printable ASCII is quoted as JSON quotes it', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...' !#$%&()*+,-./09:;<=>?@AZ[]^_`az{|}~'.split('')) }), (text) => {
      expect(goQuote(text)).toBe(JSON.stringify(text));
    }));
  });
});

describe('goJson is Go\'s json.Marshal', () => {
  test.each([
    ['x', '"x"'],
    ['<&>', '"\\u003c\\u0026\\u003e"'],
    ['\u0001\b\f\n\r\t\u007f', '"\\u0001\\b\\f\\n\\r\\t\u007f"'],
    ['\u2028\u2029', '"\\u2028\\u2029"'],
    ['é', '"é"'],
    ['lone-\ud800', '"lone-\ufffd"'],
    [['a', 'b'], '["a","b"]'],
    [{ apiVersion: 'v1', kind: 'K', controller: undefined, blockOwnerDeletion: false }, '{"apiVersion":"v1","kind":"K","blockOwnerDeletion":false}'],
    [[null, 5, true], '[null,5,true]'],
  ])('%j', (value, json) => {
    expect(goJson(value)).toBe(json);
  });
});

test('Go orders strings by their UTF-8 bytes', () => {
  // U+FF21 sorts before U+1F600 in UTF-8, after it in UTF-16.
  expect(['😀', 'Ａ', 'b', 'B'].sort(compareGoStrings)).toEqual(['B', 'b', 'Ａ', '😀']);
});

test('goToLower maps each character on its own', () => {
  expect(goToLower('Example.COM/Ab')).toBe('example.com/ab');
  expect(goToLower('İ')).toBe('i');
  expect(goToLower('ΟΔΟΣ')).toBe('οδοσ');
});
