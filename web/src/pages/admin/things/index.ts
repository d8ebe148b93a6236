/** 一件事管理: the admin list and editor of things (one lazy chunk). */
export { ThingAdminListPage } from './ThingAdminListPage';
export { ThingEditorPage } from './ThingEditorPage';
