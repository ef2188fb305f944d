/**
 * Full names, "họ, chữ đệm và tên" (family name, middle names, given name), with diacritics.
 * Names are kept exactly as typed apart from Unicode normalisation and spacing: Đoàn and Doãn
 * are different names, so nothing here folds or changes case.
 */

export type PersonNameError = 'name.characters' | 'name.tooLong' | 'name.oneWord';

const MAX_LENGTH = 100;

/**
 * NFC, trimmed, inner whitespace collapsed to one space. NFC because input may arrive
 * decomposed (macOS, some Vietnamese keyboards' "Unicode tổ hợp"), and the same name must
 * compare and count the same however it was typed.
 */
export const normalisePersonName = (value: string) => value.normalize('NFC').trim().replace(/\s+/g, ' ');

// A word is letters (each with any combining marks NFC could not fold in), apostrophes — ASCII
// or typographic, as in the Ê Đê and Jrai names "Y'Moan", "H’Hen Niê" — and hyphens, with at
// least one letter. No digits, no markup, no emoji, no other punctuation. Three simple tests
// rather than one clever pattern, so a long hostile input cannot make the regex backtrack.
const WORD_CHARACTERS = /^[\p{L}\p{M}'’-]+$/u;
const LETTER = /\p{L}/u;
const STRAY_MARK = /(?:^|['’-])\p{M}/u;

const isNameWord = (word: string): boolean => WORD_CHARACTERS.test(word) && LETTER.test(word) && !STRAY_MARK.test(word);

/**
 * Null for a plausible full name, else: 'name.characters' (anything but letters, spaces,
 * apostrophes and hyphens, e.g. "Nguyễn 2" or "<script>"), 'name.tooLong' (over 100 characters
 * after normalisation), 'name.oneWord' (fewer than two words: a Vietnamese full name has at least
 * a family and a given name; an empty value lands here too, since requiredness is the form's job).
 */
export const validatePersonName = (value: string): PersonNameError | null => {
  const name = normalisePersonName(value);
  const words = name === '' ? [] : name.split(' ');
  if (!words.every(isNameWord)) return 'name.characters';
  // Code points, not UTF-16 units, so a name's length does not depend on how it is encoded.
  if ([...name].length > MAX_LENGTH) return 'name.tooLong';
  if (words.length < 2) return 'name.oneWord';
  return null;
};
