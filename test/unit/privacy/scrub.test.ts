import { describe, expect, it } from 'vitest';
import { scrub } from '../../../src/privacy/scrub.ts';

describe('scrub redacts', () => {
  it.each([
    ['mail me at jane.doe+cx@example.co.uk please', 'mail me at [email] please', ['email']],
    ['Jane_Doe@Example.COM', '[email]', ['email']],
    ['card 4111 1111 1111 1111 exp 12/27', 'card [card] exp 12/27', ['card']],
    ['4111-1111-1111-1111', '[card]', ['card']],
    ['amex 378282246310005.', 'amex [card].', ['card']],
    ['card 4111 1111 1111 1111 12', 'card [card] 12', ['card']],
    ['IBAN DE89 3704 0044 0532 0130 00 thanks', 'IBAN [iban] thanks', ['iban']],
    ['gb82west12345698765432', '[iban]', ['iban']],
    ['NL91ABNA0417164300, bitte', '[iban], bitte', ['iban']],
    ['call +49 30 1234567 today', 'call [phone] today', ['phone']],
    ['ring +1 (415) 555-2671', 'ring [phone]', ['phone']],
    ['0044 20 7946 0958', '[phone]', ['phone']],
    ['Tel. 030/1234567', 'Tel. [phone]', ['phone']],
    ['(030) 123 45 67', '[phone]', ['phone']],
    ['0171 1234567', '[phone]', ['phone']],
    ['415-555-2671', '[phone]', ['phone']],
    ['(415) 555-2671', '[phone]', ['phone']],
    ['1-800-555-0199', '[phone]', ['phone']],
    ['see https://bob:hunter2@example.com/x', 'see https://[credentials]@example.com/x', ['url-credentials']],
    ['ftp://token@files.example.org', 'ftp://[credentials]@files.example.org', ['url-credentials']],
    ['a@b.io and +33 1 23 45 67 89', '[email] and [phone]', ['email', 'phone']],
  ] as const)('%s', (input, text, kinds) => {
    expect(scrub(input)).toEqual({ text, kinds: [...kinds] });
  });
});

describe('scrub leaves alone', () => {
  it.each([
    'Order #12345678 arrived late',
    'order ORD-2024-000123',
    'delivered on 2024-01-15 at 10:30',
    'delivered 15.01.2024',
    'delivered 01.02.2024',
    'due 01/15/2024',
    'costs $1,299.99 or 1.299,00 €',
    'price 0.99',
    'version 1.2.3.4 and v10.20.30',
    'IP 192.168.0.1',
    'call 1-800 or room 1800',
    'in 2024, like in 1999',
    'between 1999 and 2024',
    'ISBN 978-3-16-148410-0',
    'card 4111 1111 1111 1112',
    'zip 94103-1234',
    'it was 10:00-12:00',
    'mp3s and AB12 stuff here',
    'https://example.com/path?q=1',
    'rated it 5/5 and 10/10',
    '',
  ])('%s', (input) => {
    expect(scrub(input)).toEqual({ text: input, kinds: [] });
  });
});
