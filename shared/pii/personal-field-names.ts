/**
 * Parameter names that announce personal data (`email=`, `first_name`, `customer_telephone`,
 * GA4 user-provided data `user_data.address.0.first_name`). Names are compared in snake_case,
 * whole or as a suffix after `_`, so `billingEmail` and `billing[email]` count too.
 */
const personalNames = [
  'email',
  'e_mail',
  'email_address',
  'mail',
  'phone',
  'phone_number',
  'telephone',
  'tel',
  'mobile',
  'mobile_number',
  'fax',
  'first_name',
  'firstname',
  'last_name',
  'lastname',
  'surname',
  'full_name',
  'fullname',
  'given_name',
  'family_name',
  'fname',
  'lname',
  'username',
  'user_name',
  'address',
  'street',
  'street_address',
  'address1',
  'address2',
  'address_line1',
  'address_line2',
  'postcode',
  'postal_code',
  'zip',
  'zipcode',
  'zip_code',
  'birthdate',
  'birth_date',
  'date_of_birth',
  'dob',
  'birthday',
  'ssn',
  'national_id',
  'passport',
  'password',
  'passwd',
  'pwd',
];

// `name` alone is personal in a query string (`?name=Jane`) but not as an event parameter,
// where it is usually an item, form or link name.
const queryOnlyNames = ['name'];

const phoneNames = ['phone', 'phone_number', 'telephone', 'tel', 'mobile', 'mobile_number', 'fax'];

export function toSnakeName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Whether an event parameter or nested key name announces personal data. */
export function isPersonalFieldName(name: string): boolean {
  return matches(toSnakeName(name), personalNames);
}

/** Whether a URL query parameter name announces personal data. */
export function isPersonalQueryName(name: string): boolean {
  const snake = toSnakeName(name);
  return matches(snake, personalNames) || queryOnlyNames.includes(snake);
}

/** Whether the name announces a phone number. */
export function isPhoneFieldName(name: string): boolean {
  return matches(toSnakeName(name), phoneNames);
}

function matches(snake: string, names: string[]): boolean {
  return names.some((name) => snake === name || snake.endsWith(`_${name}`));
}
