import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, ProblemResponse } from '#platform';
import { CreateEditionCommand } from '../application/commands/create-edition/create-edition.command.js';
import { CreateProductCommand } from '../application/commands/create-product/create-product.command.js';
import { PublishEditionCommand } from '../application/commands/publish-edition/publish-edition.command.js';
import { PublishProductCommand } from '../application/commands/publish-product/publish-product.command.js';
import { ReplaceAllowlistCommand } from '../application/commands/replace-allowlist/replace-allowlist.command.js';
import { GetProductQuery } from '../application/queries/get-product/get-product.query.js';
import { EditionResponse, ProductResponse } from './licensing.response.js';
import { CreateEditionRequest, CreateProductRequest, ReplaceAllowlistRequest } from './product.request.js';

/** The vendor side: products, editions, publication and allowlists. */
@ApiTags('Licensing: vendor')
@ApiNotFoundResponse({ description: 'No such organization, application, product or edition in your organization.', type: ProblemResponse })
@Authenticated('nexidentity.api')
@Controller('api/licensing')
export class ProductsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post('organizations/:orgId/products')
  @ApiOperation({ summary: 'Turn an application into a product', description: 'Requires licensing.manage. The product starts as a draft.' })
  @ApiCreatedResponse({ type: ProductResponse })
  @ApiBadRequestResponse({ description: 'Invalid name, visibility or application id (field errors listed).', type: ProblemResponse })
  create(@CurrentPrincipal() principal: Principal, @Param('orgId') organizationId: string, @Body() body: CreateProductRequest): Promise<ProductResponse> {
    return this.commandBus.execute(new CreateProductCommand(principal, organizationId, { ...body }));
  }

  @Get('products/:productId')
  @ApiOperation({ summary: 'Get a product', description: 'Requires licensing.read. With its editions and allowlist.' })
  @ApiOkResponse({ type: ProductResponse })
  get(@CurrentPrincipal() principal: Principal, @Param('productId') productId: string): Promise<ProductResponse> {
    return this.queryBus.execute(new GetProductQuery(principal, productId));
  }

  @Post('products/:productId/editions')
  @ApiOperation({
    summary: 'Add an edition',
    description: "Requires licensing.manage. Feature keys must be features of the application's active manifest (`licensing.unknown_feature_key` names the others).",
  })
  @ApiCreatedResponse({ type: EditionResponse })
  @ApiBadRequestResponse({ description: 'Invalid fields, or `licensing.unknown_feature_key`.', type: ProblemResponse })
  @ApiConflictResponse({ description: '`licensing.edition_code_taken`, or `licensing.no_active_manifest`.', type: ProblemResponse })
  addEdition(@CurrentPrincipal() principal: Principal, @Param('productId') productId: string, @Body() body: CreateEditionRequest): Promise<EditionResponse> {
    return this.commandBus.execute(new CreateEditionCommand(principal, productId, { ...body, offlinePolicy: { ...body.offlinePolicy } }));
  }

  @Post('products/:productId/publish')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Publish a product', description: 'Requires licensing.manage. Idempotent.' })
  @ApiOkResponse({ type: ProductResponse })
  publish(@CurrentPrincipal() principal: Principal, @Param('productId') productId: string): Promise<ProductResponse> {
    return this.commandBus.execute(new PublishProductCommand(principal, productId));
  }

  @Post('editions/:editionId/publish')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Publish an edition', description: 'Requires licensing.manage. Idempotent.' })
  @ApiOkResponse({ type: EditionResponse })
  publishEdition(@CurrentPrincipal() principal: Principal, @Param('editionId') editionId: string): Promise<EditionResponse> {
    return this.commandBus.execute(new PublishEditionCommand(principal, editionId));
  }

  @Put('products/:productId/allowlist')
  @ApiOperation({ summary: "Replace a product's allowlist", description: 'Requires licensing.manage. Consumer organizations of any tenant.' })
  @ApiOkResponse({ type: ProductResponse })
  @ApiBadRequestResponse({ description: 'Not a list of organization ids, or too long.', type: ProblemResponse })
  replaceAllowlist(@CurrentPrincipal() principal: Principal, @Param('productId') productId: string, @Body() body: ReplaceAllowlistRequest): Promise<ProductResponse> {
    return this.commandBus.execute(new ReplaceAllowlistCommand(principal, productId, body.organizationIds));
  }
}
