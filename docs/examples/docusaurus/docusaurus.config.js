// @ts-check
// A small Docusaurus site whose diagrams are drawn by kviz before each
// build (package.json's prebuild script) and checked in CI.

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'kviz example',
  url: 'https://example.org',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: {routeBasePath: '/', sidebarPath: './sidebars.js'},
        blog: false,
        theme: {customCss: './src/css/custom.css'},
      }),
    ],
  ],
  themeConfig: {
    colorMode: {respectPrefersColorScheme: true},
  },
};

module.exports = config;
