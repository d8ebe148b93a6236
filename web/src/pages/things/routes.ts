/** The 一件事 pages, one chunk fetched when one of them is opened (App.tsx lazy-loads it). */

export { ThingApplyPage } from './ThingApplyPage';
export { BundlePage } from './BundlePage';
export { WindowThingsPage } from './WindowThingsPage';
