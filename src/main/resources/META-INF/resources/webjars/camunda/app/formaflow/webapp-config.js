/*
 * What Formaflow's four webapps (Tasklist, Cockpit, Admin, Welcome) share: French as the only locale, the product's
 * name in the header and the browser tab, dates as dd/MM/yyyy in Paris time, the French fixes of webapps.js. Each app's
 * scripts/config.js imports it; an app's own customScripts come after webapps.js.
 */
export function formaflowConfig(appName, extra) {
  const own = (extra && extra.customScripts) || [];
  return Object.assign({
    app: {
      vendor: 'Formaflow',
      name: appName
    },
    locales: {
      availableLocales: ['fr'],
      fallbackLocale: 'fr'
    },
    // moment.js formats: 25/11/2026 14:30 and "mercredi 25 novembre 2026 14:30"
    dateFormat: {
      normal: 'DD/MM/YYYY HH:mm',
      long: 'dddd D MMMM YYYY HH:mm',
      short: 'DD/MM/YYYY',
      monthName: 'MMMM',
      day: 'DD',
      abbr: 'ddd'
    },
    // the upstream "first login" box points to the vendor's welcome page, which means nothing to our users
    disableWelcomeMessage: true
  }, extra || {}, {
    // relative to app/<webapp>/
    customScripts: ['../formaflow/webapps.js'].concat(own)
  });
}
