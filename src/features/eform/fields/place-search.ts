import { fold } from '../../../lib/vietnamese.ts';

/**
 * A place name for matching: diacritics folded (so "Hoà", "Hòa" and "Hoa" are one), and the
 * apostrophe in names such as B'Lao / B’Lao dropped, whichever of the two a source or a
 * keyboard uses. Display always keeps the published name.
 */
export const placeKey = (name: string): string =>
  fold(name)
    .replace(/['’‘ʼ`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Every word of the query appears in the name, in any order: "hoa binh", "Hòa Bình", "xa hoa binh". */
export const filterPlaces = <T extends { name: string }>(places: readonly T[], query: string): T[] => {
  const words = placeKey(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...places];
  return places.filter((p) => {
    const key = placeKey(p.name);
    return words.every((w) => key.includes(w));
  });
};
