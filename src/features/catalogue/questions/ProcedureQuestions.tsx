import { lazy, Suspense } from 'react';
import { useAfterFirstPaint } from '../../../lib/use-after-first-paint.ts';

// Not part of the pre-rendered page: loaded with its strings once the page is on screen.
const QuestionsSection = lazy(() => import('./QuestionsSection.tsx'));

/** The procedure page's "Hỏi đáp": answered questions, and asking one. One line in ProcedurePage. */
export const ProcedureQuestions = ({ procedureId }: { procedureId: string }) => {
  const painted = useAfterFirstPaint();
  return painted ? (
    <Suspense fallback={null}>
      <QuestionsSection procedureId={procedureId} />
    </Suspense>
  ) : null;
};
