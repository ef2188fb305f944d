import type { PointerEvent } from 'react';
import './keypad.css';

/**
 * The kiosk's on-screen keypad: digits for ID numbers and phone digits, digits and capital
 * letters (and the dot and dash of a dossier code) for codes. A kiosk has no physical keyboard,
 * and a code typed on the system keyboard would put the person's typing on a shared screen's
 * keyboard suggestions. Keys never take the focus from the field being typed into.
 */
export type KeypadMode = 'numeric' | 'alphanumeric';

export interface KeypadLabels {
  /** The group's name, e.g. "Keypad". */
  keypad: string;
  backspace: string;
  clear: string;
  done: string;
}

interface Props {
  mode: KeypadMode;
  labels: KeypadLabels;
  onKey: (key: string) => void;
  onBackspace: () => void;
  onClear: () => void;
  onDone: () => void;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
const LETTERS = 'QWERTYUIOPASDFGHJKLZXCVBNM'.split('');

/** A tap must not move the focus away from the field (which would close the keypad). */
const keepFocus = (event: PointerEvent) => event.preventDefault();

export const Keypad = ({ mode, labels, onKey, onBackspace, onClear, onDone }: Props) => {
  const keys = mode === 'numeric' ? DIGITS : [...DIGITS, ...LETTERS, '.', '-'];
  return (
    <div role="group" aria-label={labels.keypad} className={`keypad keypad--${mode}`}>
      <div className="keypad__keys">
        {keys.map((key) => (
          <button key={key} type="button" className="keypad__key" onPointerDown={keepFocus} onClick={() => onKey(key)}>
            {key}
          </button>
        ))}
      </div>
      <div className="keypad__actions">
        <button type="button" className="keypad__key keypad__key--action" onPointerDown={keepFocus} onClick={onBackspace} aria-label={labels.backspace}>
          ⌫
        </button>
        <button type="button" className="keypad__key keypad__key--action" onPointerDown={keepFocus} onClick={onClear}>
          {labels.clear}
        </button>
        <button type="button" className="keypad__key keypad__key--done" onPointerDown={keepFocus} onClick={onDone}>
          {labels.done}
        </button>
      </div>
    </div>
  );
};

/**
 * Types into a field as a person would, so React (and react-hook-form) see an ordinary input
 * event: the value is set through the element's own setter, then `input` is dispatched.
 */
export const typeInto = (field: HTMLInputElement, next: string): void => {
  const max = field.maxLength > 0 ? field.maxLength : Infinity;
  const value = next.slice(0, max);
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
};

/** Which keypad a field wants, or none (free text uses the system's on-screen keyboard). */
export const keypadModeFor = (element: Element | null): KeypadMode | null => {
  if (!(element instanceof HTMLInputElement) || element.readOnly || element.disabled) return null;
  const wanted = element.dataset.keypad;
  if (wanted === 'numeric' || wanted === 'alphanumeric') return wanted;
  const mode = element.getAttribute('inputmode');
  if (mode === 'numeric' || mode === 'tel' || mode === 'decimal' || element.type === 'tel') return 'numeric';
  if (element.classList.contains('input--code')) return 'alphanumeric';
  return null;
};
