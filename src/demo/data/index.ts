/** Demo data of the 清渭县 government service center (org tree, staff, catalog). */
export * from './org.js';
export * from './items.js';
