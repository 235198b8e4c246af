import { metricWith, parseSelector, SelectorError } from './selector';

describe('parseSelector', () => {
  it.each([
    ['', []],
    ['{}', []],
    ['{job="api"}', [{ name: 'job', op: '=', value: 'api' }]],
    [
      ' { job = "api" , instance=~"10\\\\.0\\\\..*" } ',
      [
        { name: 'job', op: '=', value: 'api' },
        { name: 'instance', op: '=~', value: '10\\.0\\..*' },
      ],
    ],
    [
      '{a!="x",b!~"y"}',
      [
        { name: 'a', op: '!=', value: 'x' },
        { name: 'b', op: '!~', value: 'y' },
      ],
    ],
    ['{route="/a\\"b"}', [{ name: 'route', op: '=', value: '/a"b' }]],
  ])('reads %s', (text, expected) => expect(parseSelector(text)).toEqual(expected));

  it.each(['job="api"', '{job=api}', '{job="api"', '{job="a"} or vector(1)', '{1job="a"}', '{job="a" x}'])(
    'refuses %s with a message naming it',
    (text) => expect(() => parseSelector(text)).toThrow(SelectorError)
  );
});

describe('metricWith', () => {
  it('leaves a bare metric alone', () => expect(metricWith('go_goroutines', [])).toBe('go_goroutines'));

  it('re-quotes values so a hostile label value cannot escape its string', () => {
    const matchers = parseSelector('{pod="x\\"}) or vector(1) #"}');
    expect(metricWith('up', matchers)).toBe('up{pod="x\\"}) or vector(1) #"}');
  });
});
