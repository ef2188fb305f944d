const MARK = '\u0001';

/**
 * A translated sentence with one value in it as an element of its own, so the value can carry its
 * language (`lang="vi"` for an office's name in an English sentence) while the sentence is the
 * page's. `sentence` is the translation with the mark in the value's place. Not i18next's `Trans`:
 * it would put itself in the framework chunk every first page loads.
 */
export const Embed = ({ sentence, value, lang }: { sentence: (mark: string) => string; value: string; lang?: string | undefined }) => {
  const [before = '', ...after] = sentence(MARK).split(MARK);
  return (
    <>
      {before}
      <span lang={lang}>{value}</span>
      {after.join(value)}
    </>
  );
};
