/** A few inline icons (no icon font: nothing to download, nothing to shift). */
const paths = {
  home: 'M3 10.5 12 3l9 7.5V21h-6v-6H9v6H3z',
  person: 'M12 3a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zm0 11c4.4 0 8 2.2 8 5v2H4v-2c0-2.8 3.6-5 8-5z',
  services: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  settings:
    'M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7zm8.6 5-.1-3 2-1.6-2-3.4-2.4.9a8 8 0 0 0-2.6-1.5L15 2h-4l-.5 2.9A8 8 0 0 0 7.9 6.4l-2.4-.9-2 3.4 2 1.6a8 8 0 0 0 0 3l-2 1.6 2 3.4 2.4-.9a8 8 0 0 0 2.6 1.5L11 22h4l.5-2.9a8 8 0 0 0 2.6-1.5l2.4.9 2-3.4z',
  search: 'M10.5 3a7.5 7.5 0 0 1 6 12l4.8 4.8-1.5 1.5-4.8-4.8A7.5 7.5 0 1 1 10.5 3zm0 2a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11z',
  offline: 'M2 4.3 3.3 3 21 20.7 19.7 22l-3.5-3.5A9 9 0 0 0 12 17a5 5 0 0 0-3.5 1.5L7 17a7 7 0 0 1 5-2l.5.1-2.2-2.2A11 11 0 0 0 4 15.5L2.6 14A13 13 0 0 1 8.7 11L6.5 8.8A17 17 0 0 0 1.3 12L0 10.6A19 19 0 0 1 5 7.3z',
  back: 'M15.5 4 7.5 12l8 8 1.5-1.5L10.5 12 17 5.5z',
  chevron: 'M8.5 5 15.5 12l-7 7L7 17.5l5.5-5.5L7 6.5z',
  text: 'M3 19 8.5 5h2L16 19h-2.2l-1.3-3.6H6.5L5.2 19zm4.2-5.6h4.6L9.5 7.2zM17 11h2V8h2v3h2v2h-2v3h-2v-3h-2z',
  folder: 'M2 5.5A1.5 1.5 0 0 1 3.5 4H9l2 2h9.5A1.5 1.5 0 0 1 22 7.5v11a1.5 1.5 0 0 1-1.5 1.5h-17A1.5 1.5 0 0 1 2 18.5z',
} as const;

export type IconName = keyof typeof paths;

export const Icon = ({ name, size = 24 }: { name: IconName; size?: number }) => (
  <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="icon">
    <path d={paths[name]} fill="currentColor" />
  </svg>
);

/** The app's mark (public/favicon.svg), inline so the header needs no extra request. */
export const Logo = ({ size = 28 }: { size?: number }) => (
  <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
    <rect width="64" height="64" rx="14" fill="#fff" />
    <path d="M14 50V22l18-10 18 10v28H38V34H26v16z" fill="#0b4a8b" />
    <path d="M32 19l2.4 5h5.4l-4.3 3.3 1.6 5.2L32 29.3l-5.1 3.2 1.6-5.2-4.3-3.3h5.4z" fill="#da251d" />
  </svg>
);
