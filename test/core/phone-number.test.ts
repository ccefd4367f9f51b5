import { contactDigits } from '../../src/core/contacts/phone-number';

describe('contactDigits', () => {
  it.each([
    ['+57 300 123 4567', '573001234567'],
    ['0057-300-123-4567', '573001234567'],
    ['(57) 300.123.4567', '573001234567'],
    ['  +57 (300) 123-45-67 ', '573001234567'],
    ['573001234567', '573001234567'],
    ['+0057 300 1234567', '573001234567'],
  ])('normalises %j to its digits', (text, digits) => {
    expect(contactDigits(text)).toBe(digits);
  });

  it('treats a numeric cell as its digit string', () => {
    expect(contactDigits(573001234567)).toBe('573001234567');
    expect(contactDigits(573001234567)).toBe(contactDigits('+57 300 123 4567'));
  });

  it('keeps a single leading zero (only the international 00 is dropped)', () => {
    expect(contactDigits('0300 123')).toBe('0300123');
  });

  it('gives "" for blank cells', () => {
    expect(contactDigits('')).toBe('');
    expect(contactDigits('   ')).toBe('');
    expect(contactDigits(undefined)).toBe('');
  });

  it.each([['abc'], ['+57 300 ext 4'], ['--'], ['00'], [0], [-5731], [57.5], [true], [new Date(0)], [1e300]])(
    'rejects %p',
    (value) => {
      expect(contactDigits(value)).toBeUndefined();
    },
  );
});
