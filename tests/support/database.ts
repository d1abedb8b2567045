export {
  createTestDatabase,
  dropTestDatabase,
  type TestDatabase,
  testDatabaseUrl,
} from "@ketenportaal/db/testing";
