export { DataExportModule } from './data-export.module';
export { DataExport } from './entities/data-export.entity';
export { RequestDataExportCommand } from './commands/request-data-export/request-data-export.command';
export { DataExportAcceptedDto } from './dto/data-export.dto';
export { DataExportReady, DataExportRequested } from './events/data-export.events';
export { dataExportProblems } from './data-export.problems';
export { ExpireDataExports } from './jobs/expire-data-exports';
