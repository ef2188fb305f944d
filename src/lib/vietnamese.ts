/**
 * Folds Vietnamese text for matching: "Đăng ký khai sinh" and "dang ky khai sinh" fold alike.
 * NFC first (input may arrive decomposed), then NFD to split off the marks, drop them, and map
 * đ/Đ (and Ð, eth, which people type for Đ) to d explicitly: NFD does not decompose đ.
 * Keep the original for display: Đoàn and Doãn are different names.
 */
export const fold = (text: string): string =>
  text
    .normalize('NFC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐÐð]/g, 'd')
    .toLowerCase();

/** Folded words of a text, without punctuation. */
export const foldedWords = (text: string): string[] =>
  fold(text)
    .split(/[^\p{L}\p{N}.]+/u)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter(Boolean);
