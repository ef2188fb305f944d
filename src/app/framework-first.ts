/**
 * Bundled into the framework chunk (vite.config.ts), not the entry: importing React DOM's client
 * here makes the framework file run its (CommonJS) code when boot.js runs that file, in a task
 * of its own, instead of inside the entry's task. On a slow phone the two together were one task
 * of about 250 ms after the page was already on screen, during which a tap waited.
 */
import 'react-dom/client';
