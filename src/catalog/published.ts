import { and, eq, isNotNull } from 'drizzle-orm';
import { serviceItems, serviceItemVersions } from './schema.js';

/** Published, available items: what the portal may show and windows may accept. */
export const isPublic = and(isNotNull(serviceItems.publishedVersion), eq(serviceItems.availability, 'active'))!;
/** An item joined with its published version. */
export const publishedJoin = and(eq(serviceItemVersions.itemId, serviceItems.id), eq(serviceItemVersions.version, serviceItems.publishedVersion));
