/** The licence pages, one lazy chunk (App.tsx). */
export { MyLicencesPage } from './MyLicencesPage';
export { ShowLicencePage } from './ShowLicencePage';
export { VerifyLicencePage } from './VerifyLicencePage';
