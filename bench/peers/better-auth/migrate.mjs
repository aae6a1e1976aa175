// Creates/updates better-auth's schema through its own migration API.
import { getMigrations } from "better-auth/db/migration";
import { auth, pool } from "./auth.mjs";

const { toBeCreated, toBeAdded, runMigrations } = await getMigrations(auth.options);
console.log(
  `better-auth migrations: ${toBeCreated.length} tables to create, ${toBeAdded.length} to alter`,
);
await runMigrations();
await pool.end();
