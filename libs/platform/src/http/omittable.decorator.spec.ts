import { plainToInstance } from 'class-transformer';
import { IsString, validateSync } from 'class-validator';
import { Omittable } from './omittable.decorator.js';

class Renaming {
  @Omittable()
  @IsString()
  name?: string;
}

const failedFields = (body: object) => validateSync(plainToInstance(Renaming, body)).map((error) => error.property);

describe('Omittable', () => {
  it('accepts the field left out', () => {
    expect(failedFields({})).toEqual([]);
  });

  it('validates the field when present', () => {
    expect(failedFields({ name: 'Orders' })).toEqual([]);
    expect(failedFields({ name: 42 })).toEqual(['name']);
  });

  it('refuses null, unlike IsOptional', () => {
    expect(failedFields({ name: null })).toEqual(['name']);
  });
});
