import type { ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import type { Condition } from '../../../api/forms/schema.ts';
import { matches, type Values } from '../definition.ts';

/**
 * Shows its children while the condition holds. It watches only the one answer the condition
 * reads (`base` is a group item's path, "children.0", for a condition inside the item) and
 * re-renders only when the condition flips, not on every keystroke in that answer. Hidden fields
 * keep their values but are neither checked nor sent.
 */
export const When = ({ condition, base, children }: { condition: Condition; base?: string; children: ReactNode }) => {
  const visible = useWatch<Values>({
    name: base ? `${base}.${condition.field}` : condition.field,
    compute: (value: unknown) => matches(condition, { [condition.field]: value }),
  }) as boolean;
  return visible ? children : null;
};
