import browser from 'webextension-polyfill';

// The DevTools page only adds the panel; the panel page does the work. The path is the
// built page's, relative to the extension root (toolchain notes §3).
void browser.devtools.panels.create('tagwarden', '', 'src/panel/panel.html');
