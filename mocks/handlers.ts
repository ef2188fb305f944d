import { http } from 'msw';
import { controlHandlers, faultInjection } from './handlers/control.ts';
import { procedureHandlers } from './handlers/procedures.ts';
import { adminUnitHandlers } from './handlers/admin-units.ts';
import { idpHandlers } from './handlers/idp.ts';
import { formHandlers } from './handlers/forms.ts';
import { dossierControlHandlers, dossierHandlers } from './handlers/dossiers.ts';
import { openApiHandlers } from './handlers/openapi.ts';
import { ratingControlHandlers, ratingHandlers } from './handlers/ratings.ts';
import { statsHandlers } from './handlers/stats.ts';
import { questionControlHandlers, questionHandlers } from './handlers/questions.ts';
import { problem } from './handlers/problem.ts';
import { kioskControlHandlers, kioskHandlers } from './handlers/kiosk.ts';
import { assistedControlHandlers, assistedGate, assistedHandlers } from './handlers/assisted.ts';

/** Every handler of the simulated backend, in the order msw tries them. */
export const handlers = [
  ...controlHandlers,
  ...dossierControlHandlers,
  ...kioskControlHandlers,
  ...ratingControlHandlers,
  ...questionControlHandlers,
  ...assistedControlHandlers,
  faultInjection,
  // A delegated token acts for a resident only within a running consent (and is recorded).
  assistedGate,
  ...procedureHandlers,
  ...adminUnitHandlers,
  ...idpHandlers,
  ...formHandlers,
  ...ratingHandlers,
  ...dossierHandlers,
  ...kioskHandlers,
  ...assistedHandlers,
  ...statsHandlers,
  ...questionHandlers,
  ...openApiHandlers,
  http.all('*/api/*', () => problem(404, 'not-found', 'No such endpoint')),
];
