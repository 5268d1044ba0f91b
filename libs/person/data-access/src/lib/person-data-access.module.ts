import { Module } from '@nestjs/common';

import { NirCipherService } from './services/nir-cipher.service';
import { PersonService } from './services/person.service';

@Module({
  providers: [NirCipherService, PersonService],
  exports: [NirCipherService, PersonService],
})
export class PersonDataAccessModule {}
