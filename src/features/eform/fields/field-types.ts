import type { ReactNode } from 'react';
import type { ControllerRenderProps } from 'react-hook-form';
import type { LeafField } from '../../../api/forms/schema.ts';
import type { Values } from '../definition.ts';

export type FieldType = LeafField['type'];

/** The definition of a field of type `T` (select and radio share one shape). */
export type FieldOf<T extends FieldType> = LeafField extends infer F ? (F extends { type: infer U } ? (T extends U ? F : never) : never) : never;

/** What every field component gets: its definition, react-hook-form's binding and its frame. */
export interface FieldProps<T extends FieldType> {
  field: FieldOf<T>;
  rhf: ControllerRenderProps<Values, string>;
  /** Label, hint, note, the translated error and information (a late registration), ready for FieldFrame. */
  frame: { id: string; label: string; hint: string | undefined; error: string | undefined; optional: boolean; note: ReactNode; info?: ReactNode };
  /** Options that cannot be chosen on the person's behalf (filing for someone else), and why: offered disabled. */
  notOffered?: { values: readonly string[]; reason: string } | undefined;
}

export type FieldComponent<T extends FieldType> = (props: FieldProps<T>) => ReactNode;
