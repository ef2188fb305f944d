import type { ReactNode } from 'react';
import type { ControllerRenderProps } from 'react-hook-form';
import type { LeafField } from '../../../api/forms/schema.ts';
import type { Values } from '../definition.ts';

export type FieldType = LeafField['type'];

/** The definition of a field of type `T` (select and radio share one shape). */
export type FieldOf<T extends FieldType> = LeafField extends infer F ? (F extends { type: infer U } ? (T extends U ? F : never) : never) : never;

/** What every field component gets: its definition, where its value is in the form, and its frame. */
export interface FieldSlotProps<T extends FieldType> {
  field: FieldOf<T>;
  /** The value's path in the form's values (`childFullName`, `members.0.name`). */
  path: string;
  /** Label, hint, note, the translated error and information (a late registration), ready for FieldFrame. */
  frame: { id: string; label: string; hint: string | undefined; error: string | undefined; optional: boolean; note: ReactNode; info?: ReactNode };
  /** Options that cannot be chosen on the person's behalf (filing for someone else), and why: offered disabled. */
  notOffered?: { values: readonly string[]; reason: string } | undefined;
}

/** A field drawn from its value (`controlled` gives it react-hook-form's binding): it re-renders as its value changes. */
export interface FieldProps<T extends FieldType> extends FieldSlotProps<T> {
  rhf: ControllerRenderProps<Values, string>;
}

export type FieldComponent<T extends FieldType> = (props: FieldSlotProps<T>) => ReactNode;
