import { mountPage } from '../ui/mount-page.js';
import { PopupApp } from './popup-app.js';

mountPage(PopupApp, {});
