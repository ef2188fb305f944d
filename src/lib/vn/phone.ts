/**
 * Vietnamese phone numbers, as people type them: "0912 345 678", "091.234.5678",
 * "+84 912 345 678", "(024) 3825 1234". Validation runs on the normalised national form.
 */

export type PhoneError = 'phone.format' | 'phone.letters';

/**
 * The national form: only digits, starting with 0. Drops spaces, dots, dashes and parentheses,
 * and turns the country code +84 / 84 into the trunk 0 when a full national number follows —
 * 9 digits for a mobile, or 10 digits starting with 2 for a landline ("+84 24 3825 1234"),
 * which the international form shortens the same way. "+84 (0) 912 …", a common way of
 * writing the trunk 0 next to the country code, is accepted too (only after "+", where it
 * cannot be confused with a domestic number). Anything else is left for validation to reject.
 */
export const normalisePhone = (value: string): string => {
  const compact = value.replace(/[\s.\-()]/g, '');
  return compact.replace(/^(?:\+840|\+84|84)(?=(?:[0-9]{9}|2[0-9]{9})$)/, '0');
};

// Mobile: 0 + 9 digits with the prefixes left after the 2018 switch from 11-digit numbers
// (03x, 05x, 07x, 08x, 09x). Landline: 02 + 9 digits since the 2017 area-code change (024 Hà Nội,
// 028 TP HCM, …), so 11 digits in all.
const MOBILE = /^0[35789][0-9]{8}$/;
const LANDLINE = /^02[0-9]{9}$/;

/**
 * Null for a Vietnamese mobile or landline number, else 'phone.letters' when the input has any
 * letter (often an e-mail typed in the wrong field, which deserves its own message) or
 * 'phone.format'. An empty value is 'phone.format': whether the field may be left empty is the
 * form's decision, not this validator's.
 */
export const validatePhone = (value: string): PhoneError | null => {
  if (/\p{L}/u.test(value)) return 'phone.letters';
  const phone = normalisePhone(value);
  return MOBILE.test(phone) || LANDLINE.test(phone) ? null : 'phone.format';
};
