/**
 * A bar of a chart: inline SVG (its length is an attribute, which the CSP allows, where a style
 * attribute would be refused), hidden from screen readers — the value beside it is the text
 * everyone reads. `share`: 0…1 of the track.
 */
export const Bar = ({ share }: { share: number }) => (
  <svg className="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
    <rect className="bar__track" x="0" y="0" width="100" height="10" />
    <rect className="bar__fill" x="0" y="0" width={Math.max(0, Math.min(100, share * 100)).toFixed(1)} height="10" />
  </svg>
);
