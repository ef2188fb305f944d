/** Input ids from field paths ("members.0.fullName" → "f-members-0-fullName"). */
export const inputId = (path: string): string => `f-${path.replace(/\./g, '-')}`;
