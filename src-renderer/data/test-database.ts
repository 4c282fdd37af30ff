/** For tests of the data layer and of features: fresh empty databases, opened the way the app does. */
export { createTestDatabases } from '@db/test-database';
