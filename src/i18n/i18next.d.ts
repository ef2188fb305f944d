import 'i18next';
import type common from './locales/vi/common.json';
import type catalogue from './locales/vi/catalogue.json';
import type eform from './locales/vi/eform.json';
import type auth from './locales/vi/auth.json';
import type me from './locales/vi/me.json';
import type documents from './locales/vi/documents.json';
import type dossiers from './locales/vi/dossiers.json';
import type settings from './locales/vi/settings.json';
import type problems from './locales/vi/problems.json';
import type kiosk from './locales/vi/kiosk.json';
import type rating from './locales/vi/rating.json';
import type stats from './locales/vi/stats.json';
import type questions from './locales/vi/questions.json';
import type assisted from './locales/vi/assisted.json';
import type help from './locales/vi/help.json';
import type volunteer from './locales/vi/volunteer.json';
import type offer from './locales/vi/offer.json';

// Keys are typed from the source locale (Vietnamese): a missing or misspelt key fails tsc.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    fallbackNS: 'problems';
    resources: {
      common: typeof common;
      catalogue: typeof catalogue;
      eform: typeof eform;
      auth: typeof auth;
      me: typeof me;
      documents: typeof documents;
      dossiers: typeof dossiers;
      settings: typeof settings;
      problems: typeof problems;
      kiosk: typeof kiosk;
      rating: typeof rating;
      stats: typeof stats;
      questions: typeof questions;
      assisted: typeof assisted;
      help: typeof help;
      volunteer: typeof volunteer;
      offer: typeof offer;
    };
  }
}
