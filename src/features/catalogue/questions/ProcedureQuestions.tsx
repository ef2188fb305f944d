import { lazy, Suspense, useRef, type ComponentType } from 'react';
import { useAfterFirstPaint } from '../../../lib/use-after-first-paint.ts';
import { useNearViewport } from '../../../lib/use-near-viewport.ts';

// Not part of the pre-rendered page: loaded with its strings once the page is on screen and the
// reader comes near it (at the foot of the page).
// Offline before the service worker kept its code: the section stays away, the page stays.
const QuestionsSection = lazy<ComponentType<{ procedureId: string }>>(() => import('./QuestionsSection.tsx').catch(() => ({ default: () => null })));

/** The procedure page's "Hỏi đáp": answered questions, and asking one. One line in ProcedurePage. */
export const ProcedureQuestions = ({ procedureId }: { procedureId: string }) => {
  const slot = useRef<HTMLDivElement>(null);
  const painted = useAfterFirstPaint();
  const near = useNearViewport(slot);
  return (
    <div ref={slot}>
      {painted && near ? (
        <Suspense fallback={null}>
          <QuestionsSection procedureId={procedureId} />
        </Suspense>
      ) : null}
    </div>
  );
};
