import { lazy, Suspense, type ComponentType } from 'react';
import { useAfterFirstPaint } from '../../../lib/use-after-first-paint.ts';

// Not part of the pre-rendered page: loaded with its strings once the page is on screen.
// Offline before the service worker kept its code: the section stays away, the page stays.
const QuestionsSection = lazy<ComponentType<{ procedureId: string }>>(() => import('./QuestionsSection.tsx').catch(() => ({ default: () => null })));

/** The procedure page's "Hỏi đáp": answered questions, and asking one. One line in ProcedurePage. */
export const ProcedureQuestions = ({ procedureId }: { procedureId: string }) => {
  const painted = useAfterFirstPaint();
  return painted ? (
    <Suspense fallback={null}>
      <QuestionsSection procedureId={procedureId} />
    </Suspense>
  ) : null;
};
