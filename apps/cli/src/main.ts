import { Command } from 'commander';

import { registerAuditCommand } from './commands/audit.command';
import { registerImportsCommand } from './commands/imports.command';
import { registerIngestCommand } from './commands/ingest.command';
import { registerMigrationCommands } from './commands/migration.command';
import { registerRetentionCommand } from './commands/retention.command';
import { registerSeedCommand } from './commands/seed.command';
import { registerStartCommand } from './commands/start.command';
import { registerTokenCommand } from './commands/token.command';

const program = new Command()
  .name('spie')
  .description('spie-hub: the interoperability hub of the service public de l’insertion et de l’emploi')
  .showHelpAfterError();

registerStartCommand(program);
registerMigrationCommands(program);
registerSeedCommand(program);
registerTokenCommand(program);
registerIngestCommand(program);
registerImportsCommand(program);
registerAuditCommand(program);
registerRetentionCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`spie: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
