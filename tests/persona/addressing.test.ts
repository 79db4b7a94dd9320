// Is the person talking to the buddy? Only when its name is a whole word of the message (any case), or @Name.
import { describe, expect, it } from 'vitest';
import { addressesBuddy } from '../../src/persona/addressing.js';

describe('addressesBuddy', () => {
  it.each([
    'Pip',
    'pip',
    'PIP',
    'Pip, hi',
    'hi pip!',
    'hey Pip.',
    'what do you think, pIp?',
    '@pip',
    '@Pip can you help',
    'ok (pip) look',
    '"Pip" said nothing',
    'thanks pip\nsee you',
    "Pip's idea",
    'pip-pip hooray',
    'a:pip',
  ])('hears its name in %j', (message) => {
    expect(addressesBuddy(message, 'Pip')).toBe(true);
  });

  it.each(['Pipkin is here', 'a pipe burst', 'snappip', 'pip2 is next', 'my_pip_var', 'p i p', 'pi', '', 'hello there'])(
    'does not hear its name in %j',
    (message) => {
      expect(addressesBuddy(message, 'Pip')).toBe(false);
    },
  );

  it('works for names outside ASCII, in any case', () => {
    expect(addressesBuddy('bonjour Zoë !', 'Zoë')).toBe(true);
    expect(addressesBuddy('ZOË?', 'zoë')).toBe(true);
    expect(addressesBuddy('Zoëlle', 'Zoë')).toBe(false);
    expect(addressesBuddy('Ёжик, привет', 'ёжик')).toBe(true);
  });

  it("works for names with apostrophes and hyphens", () => {
    expect(addressesBuddy("hi O'Malley", "O'Malley")).toBe(true);
    expect(addressesBuddy('hi Mary-Jo!', 'Mary-Jo')).toBe(true);
    expect(addressesBuddy('hi Mary', 'Mary-Jo')).toBe(false);
  });

  it('ignores spaces around the stored name', () => {
    expect(addressesBuddy('hi pip', '  Pip ')).toBe(true);
  });

  it('never matches an empty or blank name', () => {
    expect(addressesBuddy('anything at all', '')).toBe(false);
    expect(addressesBuddy('   ', '   ')).toBe(false);
  });

  it.each([
    ['C++', 'hey C++, you there?', 'hey C, you there?'],
    ['Mr.T', 'yo Mr.T!', 'yo MrxT!'],
    ['a*', 'is a* here', 'is aaaa here'],
    ['(pip)', 'hello (pip)', 'hello pip'],
    ['[x]', 'ping [x] now', 'ping x now'],
    ['$pip^', 'ok $pip^ go', 'ok pip go'],
    ['back\\slash', 'hi back\\slash', 'hi backslash'],
    ['a|b', 'hello a|b', 'hello a'],
    ['?', 'who ? me', 'who me'],
  ])('treats the name %j literally', (name, addressed, notAddressed) => {
    expect(() => addressesBuddy(addressed, name)).not.toThrow();
    expect(addressesBuddy(addressed, name)).toBe(true);
    expect(addressesBuddy(notAddressed, name)).toBe(false);
  });
});
