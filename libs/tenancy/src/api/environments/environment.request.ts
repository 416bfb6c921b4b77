import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { ENVIRONMENT_KEY_PATTERN } from '../../domain/application/application-key.js';

/** Used for POST and PUT (PUT replaces every field; an omitted or null description clears it). */
export class EnvironmentRequest {
  @ApiProperty({
    example: 'production',
    pattern: ENVIRONMENT_KEY_PATTERN.source,
    description: 'Unique in the application. 2-32 characters, kebab-case, starting with a letter (`development`, `staging`, `prod-eu`).',
  })
  @IsString()
  @Matches(ENVIRONMENT_KEY_PATTERN, { message: 'key must be 2-32 lower-case letters, digits or single hyphens, starting with a letter' })
  key!: string;

  @ApiProperty({ example: 'Production', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ example: 'Customer-facing deployment in eu-west-1.', maxLength: 500, nullable: true, type: String })
  // Null is accepted on purpose: it is how the response says "no description", and it is stored as such.
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;
}
