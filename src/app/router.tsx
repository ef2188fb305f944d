import { createBrowserRouter, type HydrationState } from 'react-router';
import { routes } from './routes.tsx';

export type AppRouter = ReturnType<typeof createBrowserRouter>;

/**
 * The app's router. Created when the app starts (main.tsx), not when this module loads: a
 * pre-rendered page passes the loader data it was rendered with, so the router starts with the
 * page's data instead of loading it again.
 */
export const createAppRouter = (hydrationData?: HydrationState): AppRouter => createBrowserRouter(routes, { hydrationData });
