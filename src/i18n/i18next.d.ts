import 'i18next';
import type common from './locales/vi/common.json';
import type catalogue from './locales/vi/catalogue.json';

// Keys are typed from the source locale (Vietnamese): a missing or misspelt key fails tsc.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      catalogue: typeof catalogue;
    };
  }
}
