import { mountPage } from '../ui/mount-page.js';
import { SidePanelApp } from './sidepanel-app.js';

mountPage(SidePanelApp, {});
