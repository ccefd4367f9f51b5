import { countryOfPhone } from '../../src/rates/calling-codes';
import { countryCodeOf, marketKey, marketOfCountry } from '../../src/rates/markets';

const MAR_2026 = 20260301;

describe('country → market (dated)', () => {
  it.each([
    ['AR', 'Argentina'],
    ['BR', 'Brazil'],
    ['CL', 'Chile'],
    ['CO', 'Colombia'],
    ['MX', 'Mexico'],
    ['PE', 'Peru'],
  ])('%s is priced on its own row (%s)', (country, market) => {
    expect(marketOfCountry(country, MAR_2026)).toBe(market);
  });

  it.each(['BO', 'CR', 'DO', 'EC', 'SV', 'GT', 'HT', 'HN', 'JM', 'NI', 'PA', 'PY', 'PR', 'UY', 'VE'])(
    '%s is in Rest of Latin America',
    (country) => expect(marketOfCountry(country, MAR_2026)).toBe('Rest of Latin America'),
  );

  it('US and Canada are North America; an unlisted country is Other', () => {
    expect(marketOfCountry('US', MAR_2026)).toBe('North America');
    expect(marketOfCountry('CA', MAR_2026)).toBe('North America');
    expect(marketOfCountry('TT', MAR_2026)).toBe('Other');
    expect(marketOfCountry('XX', MAR_2026)).toBe('Other');
  });

  it('markets leave regions on the rate-card dates', () => {
    expect(marketOfCountry('ZW', 20250930)).toBe('Other');
    expect(marketOfCountry('ZW', 20251001)).toBe('Rest of Africa');
    expect(marketOfCountry('PL', 20260630)).toBe('Rest of Central & Eastern Europe');
    expect(marketOfCountry('PL', 20260701)).toBe('Poland');
    expect(marketOfCountry('SG', 20260701)).toBe('Singapore');
    expect(marketOfCountry('KW', 20260930)).toBe('Rest of Middle East');
    expect(marketOfCountry('KW', 20261001)).toBe('Kuwait');
    expect(marketOfCountry('BD', 20261001)).toBe('Bangladesh');
  });

  it('market and country names match by letters, "&" and "and" alike', () => {
    expect(marketKey('Rest of Central and Eastern Europe')).toBe(
      marketKey('Rest of Central & Eastern Europe'),
    );
    expect(marketKey('  rest of LATIN america ')).toBe(marketKey('Rest of Latin America'));
    expect(marketKey('Türkiye')).toBe(marketKey('Turkey'));
    expect(countryCodeOf('co')).toBe('CO');
    expect(countryCodeOf('República Dominicana')).toBeUndefined();
    expect(countryCodeOf('Dominican Republic')).toBe('DO');
  });
});

describe('country from the calling code', () => {
  it.each([
    ['18095551234', 'DO'],
    ['18295551234', 'DO'],
    ['18495551234', 'DO'],
    ['16585551234', 'JM'],
    ['18765551234', 'JM'],
    ['17875551234', 'PR'],
    ['19395551234', 'PR'],
  ])('+1 Caribbean %s → %s → Rest of Latin America', (digits, country) => {
    expect(countryOfPhone(digits)).toBe(country);
    expect(marketOfCountry(countryOfPhone(digits) as string, MAR_2026)).toBe('Rest of Latin America');
  });

  it.each([
    ['12125551234', 'US', 'North America'],
    ['14165551234', 'US', 'North America'],
    ['18685551234', 'TT', 'Other'],
    ['5491123456789', 'AR', 'Argentina'],
    ['5511940028922', 'BR', 'Brazil'],
    ['56912345678', 'CL', 'Chile'],
    ['573001234567', 'CO', 'Colombia'],
    ['5215512345678', 'MX', 'Mexico'],
    ['51912345678', 'PE', 'Peru'],
    ['59171234567', 'BO', 'Rest of Latin America'],
    ['50688887777', 'CR', 'Rest of Latin America'],
    ['593991234567', 'EC', 'Rest of Latin America'],
    ['50377778888', 'SV', 'Rest of Latin America'],
    ['50255556666', 'GT', 'Rest of Latin America'],
    ['50933334444', 'HT', 'Rest of Latin America'],
    ['50499998888', 'HN', 'Rest of Latin America'],
    ['50588887777', 'NI', 'Rest of Latin America'],
    ['50761234567', 'PA', 'Rest of Latin America'],
    ['595981123456', 'PY', 'Rest of Latin America'],
    ['59899123456', 'UY', 'Rest of Latin America'],
    ['584121234567', 'VE', 'Rest of Latin America'],
    ['5352345678', 'CU', 'Other'],
    ['77011234567', 'KZ', 'Other'],
    ['79161234567', 'RU', 'Russia'],
  ])('%s → %s → %s', (digits, country, market) => {
    expect(countryOfPhone(digits)).toBe(country);
    expect(marketOfCountry(country, MAR_2026)).toBe(market);
  });

  it('no country for digits that start no calling code', () => {
    expect(countryOfPhone('999123')).toBeUndefined();
    expect(countryOfPhone('1')).toBeUndefined();
  });
});
