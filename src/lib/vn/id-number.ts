import { isValidIsoDate, todayInVietnam } from './dates.ts';

/**
 * The 12-digit personal identification number (số định danh cá nhân, printed on the căn cước):
 * `PPP G YY NNNNNN` — Decree 137/2015, Circular 07/2016/TT-BCA, Circular 59/2021/TT-BCA.
 * PPP is where the birth was registered, G the century and sex, YY the last two digits of the
 * year of birth, NNNNNN random. There is no check digit, so we can only check the structure and
 * that it agrees with the person's sex and year of birth.
 */

export type IdNumberError = 'idNumber.format' | 'idNumber.province' | 'idNumber.birthYear' | 'idNumber.sex';

export type Sex = 'male' | 'female';

export type IdNumberCheck = {
  /** ISO yyyy-mm-dd, from the same form. */
  dateOfBirth?: string;
  sex?: Sex;
};

export type ParsedIdNumber = {
  province: string;
  provinceName: string;
  sex: Sex;
  birthYear: number;
};

/**
 * PPP: the 63 provinces before the 2025 mergers (Circular 07/2016/TT-BCA, Annex I). The list is
 * frozen on purpose: numbers already issued keep their old code after 1 July 2025, so the old
 * names are what the code means, even where the province no longer exists.
 *
 * Citizens whose birth was registered abroad get a country code instead ("mã tỉnh, thành phố
 * hoặc mã quốc gia nơi công dân đăng ký khai sinh", Circular 07/2016). We could not confirm that
 * list from an official source (third-party code disagrees: ISO 3166 numeric vs a 101–295
 * range), so any code not below is rejected as 'idNumber.province'. Those citizens will be
 * refused until the country list is confirmed and added here.
 */
export const idNumberProvinces: Readonly<Record<string, string>> = Object.freeze({
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa–Vũng Tàu',
  '079': 'TP Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
});

/** Strips whitespace: people copy the number in groups, "001 2 95 012345". */
export const normaliseIdNumber = (value: string) => value.replace(/\s+/g, '');

// G: even = male, odd = female; G div 2 counts centuries from 1900 (0/1 → 1900s … 8/9 → 2300s).
const decodeGenderCentury = (g: number): { sex: Sex; century: number } => ({
  sex: g % 2 === 0 ? 'male' : 'female',
  century: 1900 + Math.floor(g / 2) * 100,
});

type Decoded = ParsedIdNumber | IdNumberError;

// Structure only: format, then province, then the year and sex the digits encode.
const decode = (value: string): Decoded => {
  const digits = normaliseIdNumber(value);
  // [0-9], not \d: only ASCII digits are ever printed on the card.
  if (!/^[0-9]{12}$/.test(digits)) return 'idNumber.format';
  const province = digits.slice(0, 3);
  // Own-property lookup, so "constructor" or "__proto__" can never count as a province.
  if (!Object.hasOwn(idNumberProvinces, province)) return 'idNumber.province';
  const provinceName = idNumberProvinces[province] ?? '';
  const { sex, century } = decodeGenderCentury(Number(digits[3]));
  return { province, provinceName, sex, birthYear: century + Number(digits.slice(4, 6)) };
};

const currentYearInVietnam = (): number => Number(todayInVietnam().slice(0, 4));

/**
 * Validates an ID number, optionally against the date of birth and sex entered on the same form.
 * Returns null when valid, else the first error found, in this order:
 * 'idNumber.format' (not 12 digits once spaces are removed), 'idNumber.province' (unknown PPP),
 * 'idNumber.birthYear' (century + YY differs from the year of `check.dateOfBirth`; without a
 * usable date of birth, a year later than the current year in Vietnam), 'idNumber.sex' (G's
 * parity differs from `check.sex`).
 * A malformed `dateOfBirth` is the date field's error to report, not ours: we then fall back to
 * the future-year check instead of blaming the ID number.
 */
export const validateIdNumber = (value: string, check: IdNumberCheck = {}): IdNumberError | null => {
  const decoded = decode(value);
  if (typeof decoded === 'string') return decoded;
  const { dateOfBirth, sex } = check;
  if (dateOfBirth !== undefined && isValidIsoDate(dateOfBirth)) {
    if (decoded.birthYear !== Number(dateOfBirth.slice(0, 4))) return 'idNumber.birthYear';
  } else if (decoded.birthYear > currentYearInVietnam()) {
    return 'idNumber.birthYear';
  }
  if (sex !== undefined && decoded.sex !== sex) return 'idNumber.sex';
  return null;
};

/**
 * Reads what an ID number says about its holder — province of birth registration, sex, year of
 * birth — to pre-fill or cross-check a form. Null whenever `validateIdNumber(value)` would report
 * an error, so callers never display facts read from a number we would reject.
 */
export const parseIdNumber = (value: string): ParsedIdNumber | null => {
  const decoded = decode(value);
  if (typeof decoded === 'string' || decoded.birthYear > currentYearInVietnam()) return null;
  return decoded;
};
