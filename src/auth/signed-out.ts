/**
 * "You are signed out": a mark in the tab's storage, set after the sign-out's wipe and read by
 * the first page after it. Apart from actions.ts so the shell can read it without loading that.
 */
const SIGNED_OUT = 'mcs.signedOut';

export const markSignedOut = () => {
  try {
    sessionStorage.setItem(SIGNED_OUT, '1');
  } catch {
    // Storage blocked: the confirmation is not shown, the sign-out itself is done.
  }
};

/** True once, on the first page after a sign-out in this tab (for its confirmation). */
export const takeSignedOut = (): boolean => {
  try {
    const signedOut = sessionStorage.getItem(SIGNED_OUT) === '1';
    sessionStorage.removeItem(SIGNED_OUT);
    return signedOut;
  } catch {
    return false;
  }
};
