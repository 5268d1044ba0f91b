import { Module } from '@nestjs/common';

import { IngestionDataAccessModule } from '@spie/ingestion/data-access';

import { ImportUploadController } from './import-upload.controller';

/** The HTTP way in for files: `POST /imports/:source`. */
@Module({
  imports: [IngestionDataAccessModule],
  controllers: [ImportUploadController],
})
export class IngestionHttpModule {}
