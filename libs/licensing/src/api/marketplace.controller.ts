import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, PageRequest, pageOf, type Principal, ProblemResponse } from '#platform';
import { AssignSeatsCommand } from '../application/commands/assign-seats/assign-seats.command.js';
import { ChangeEntitlementStatusCommand } from '../application/commands/change-entitlement-status/change-entitlement-status.command.js';
import { CreateEntitlementCommand } from '../application/commands/create-entitlement/create-entitlement.command.js';
import { CreateSubscriptionCommand } from '../application/commands/create-subscription/create-subscription.command.js';
import { InstallProductCommand } from '../application/commands/install-product/install-product.command.js';
import { UninstallProductCommand } from '../application/commands/uninstall-product/uninstall-product.command.js';
import { GetCatalogQuery } from '../application/queries/get-catalog/get-catalog.query.js';
import { GetEntitlementQuery } from '../application/queries/get-entitlement/get-entitlement.query.js';
import { GetInstallationQuery } from '../application/queries/get-installation/get-installation.query.js';
import { GetSeatsQuery } from '../application/queries/get-seats/get-seats.query.js';
import { GetSubscriptionQuery } from '../application/queries/get-subscription/get-subscription.query.js';
import { ListEntitlementsQuery } from '../application/queries/list-entitlements/list-entitlements.query.js';
import { ListInstallationsQuery } from '../application/queries/list-installations/list-installations.query.js';
import { ListSubscriptionsQuery } from '../application/queries/list-subscriptions/list-subscriptions.query.js';
import { IDEMPOTENCY_HEADER, idempotencyKey } from './idempotency-key.js';
import {
  CatalogResponse,
  EntitlementListResponse,
  EntitlementResponse,
  InstallationListResponse,
  InstallationResponse,
  SeatsResponse,
  SubscriptionListResponse,
  SubscriptionResponse,
} from './licensing.response.js';
import { CreateEntitlementRequest, CreateSubscriptionRequest, InstallProductRequest, ReplaceSeatsRequest } from './marketplace.request.js';

const date = (value: string | undefined) => (value === undefined ? undefined : new Date(value));

/** The consumer side: catalog, installations, subscriptions, entitlements and seats. */
@ApiTags('Licensing: marketplace')
@ApiNotFoundResponse({ description: 'No such organization, installation, subscription or entitlement in your organization.', type: ProblemResponse })
@Authenticated('nexidentity.api')
@Controller('api/licensing')
export class MarketplaceController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get('organizations/:orgId/marketplace/catalog')
  @ApiOperation({
    summary: 'Products the organization may install',
    description: "Requires licensing.read. Eligibility reflects the vendor application's external-consumption policy, product and edition publication, visibility and allowlist; each item says why it is eligible. Cursor-paginated in product id order.",
  })
  @ApiOkResponse({ type: CatalogResponse })
  catalog(@CurrentPrincipal() principal: Principal, @Param('orgId') organizationId: string, @Query() query: PageRequest): Promise<CatalogResponse> {
    return this.queryBus.execute(new GetCatalogQuery(principal, organizationId, pageOf(query)));
  }

  @Post('organizations/:orgId/product-installations')
  @ApiOperation({ summary: 'Install a product', description: 'Requires licensing.manage. The cross-tenant bridge from the organization to a vendor product and edition.' })
  @ApiCreatedResponse({ type: InstallationResponse })
  @ApiBadRequestResponse({ description: 'Invalid ids, or an edition of another product.', type: ProblemResponse })
  @ApiForbiddenResponse({ description: '`licensing.not_eligible` with the `reason`.', type: ProblemResponse })
  @ApiConflictResponse({ description: '`licensing.already_installed`.', type: ProblemResponse })
  install(@CurrentPrincipal() principal: Principal, @Param('orgId') organizationId: string, @Body() body: InstallProductRequest): Promise<InstallationResponse> {
    return this.commandBus.execute(new InstallProductCommand(principal, organizationId, body.productId, body.editionId));
  }

  @Get('organizations/:orgId/product-installations')
  @ApiOperation({ summary: 'List installed products', description: 'Requires licensing.read. Cursor-paginated, oldest first.' })
  @ApiOkResponse({ type: InstallationListResponse })
  installations(@CurrentPrincipal() principal: Principal, @Param('orgId') organizationId: string, @Query() query: PageRequest): Promise<InstallationListResponse> {
    return this.queryBus.execute(new ListInstallationsQuery(principal, organizationId, pageOf(query)));
  }

  @Get('product-installations/:installationId')
  @ApiOperation({ summary: 'Get an installation', description: 'Requires licensing.read.' })
  @ApiOkResponse({ type: InstallationResponse })
  installation(@CurrentPrincipal() principal: Principal, @Param('installationId') installationId: string): Promise<InstallationResponse> {
    return this.queryBus.execute(new GetInstallationQuery(principal, installationId));
  }

  @Delete('product-installations/:installationId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Uninstall a product', description: 'Requires licensing.manage. Its subscriptions, entitlements and seats go with it; seat holders’ ent_ver bumps.' })
  @ApiNoContentResponse({ description: 'Uninstalled.' })
  async uninstall(@CurrentPrincipal() principal: Principal, @Param('installationId') installationId: string): Promise<void> {
    await this.commandBus.execute(new UninstallProductCommand(principal, installationId));
  }

  @Post('organizations/:orgId/subscriptions')
  @ApiOperation({ summary: 'Create a subscription', description: 'Requires licensing.manage. Accepts an Idempotency-Key.' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: SubscriptionResponse })
  @ApiBadRequestResponse({ description: 'Invalid fields or term, or an edition of another product.', type: ProblemResponse })
  @ApiForbiddenResponse({ description: '`licensing.not_eligible` when the edition is no longer offered to the organization.', type: ProblemResponse })
  @ApiConflictResponse({ description: '`platform.idempotency_conflict`.', type: ProblemResponse })
  subscribe(
    @CurrentPrincipal() principal: Principal,
    @Param('orgId') organizationId: string,
    @Body() body: CreateSubscriptionRequest,
    @Headers('idempotency-key') key?: string,
  ): Promise<SubscriptionResponse> {
    const fields = { installationId: body.installationId, editionId: body.editionId, seats: body.seats, startsAt: date(body.startsAt), endsAt: date(body.endsAt) };
    return this.commandBus.execute(new CreateSubscriptionCommand(principal, organizationId, fields, idempotencyKey(key)));
  }

  @Get('organizations/:orgId/subscriptions')
  @ApiOperation({ summary: 'List subscriptions', description: 'Requires licensing.read. Cursor-paginated, oldest first.' })
  @ApiOkResponse({ type: SubscriptionListResponse })
  subscriptions(@CurrentPrincipal() principal: Principal, @Param('orgId') organizationId: string, @Query() query: PageRequest): Promise<SubscriptionListResponse> {
    return this.queryBus.execute(new ListSubscriptionsQuery(principal, organizationId, pageOf(query)));
  }

  @Get('subscriptions/:subscriptionId')
  @ApiOperation({ summary: 'Get a subscription', description: 'Requires licensing.read.' })
  @ApiOkResponse({ type: SubscriptionResponse })
  subscription(@CurrentPrincipal() principal: Principal, @Param('subscriptionId') subscriptionId: string): Promise<SubscriptionResponse> {
    return this.queryBus.execute(new GetSubscriptionQuery(principal, subscriptionId));
  }

  @Post('subscriptions/:subscriptionId/entitlements')
  @ApiOperation({ summary: 'Create an entitlement', description: "Requires licensing.manage. Entitlements of a subscription share its seats. Accepts an Idempotency-Key." })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: EntitlementResponse })
  @ApiBadRequestResponse({ description: 'Invalid fields or validity, or an edition of another product.', type: ProblemResponse })
  @ApiForbiddenResponse({ description: '`licensing.not_eligible`.', type: ProblemResponse })
  @ApiConflictResponse({ description: '`licensing.subscription_seats_exceeded` with `seats`, `allocated` and `requested`; `platform.idempotency_conflict`.', type: ProblemResponse })
  entitle(
    @CurrentPrincipal() principal: Principal,
    @Param('subscriptionId') subscriptionId: string,
    @Body() body: CreateEntitlementRequest,
    @Headers('idempotency-key') key?: string,
  ): Promise<EntitlementResponse> {
    const fields = { editionId: body.editionId, seatCount: body.seatCount, validFrom: date(body.validFrom), validUntil: date(body.validUntil) };
    return this.commandBus.execute(new CreateEntitlementCommand(principal, subscriptionId, fields, idempotencyKey(key)));
  }

  @Get('subscriptions/:subscriptionId/entitlements')
  @ApiOperation({ summary: 'List the entitlements of a subscription', description: 'Requires licensing.read. Cursor-paginated, oldest first.' })
  @ApiOkResponse({ type: EntitlementListResponse })
  entitlements(@CurrentPrincipal() principal: Principal, @Param('subscriptionId') subscriptionId: string, @Query() query: PageRequest): Promise<EntitlementListResponse> {
    return this.queryBus.execute(new ListEntitlementsQuery(principal, subscriptionId, pageOf(query)));
  }

  @Get('entitlements/:entitlementId')
  @ApiOperation({ summary: 'Get an entitlement', description: 'Requires licensing.read.' })
  @ApiOkResponse({ type: EntitlementResponse })
  entitlement(@CurrentPrincipal() principal: Principal, @Param('entitlementId') entitlementId: string): Promise<EntitlementResponse> {
    return this.queryBus.execute(new GetEntitlementQuery(principal, entitlementId));
  }

  @Post('entitlements/:entitlementId/suspend')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Suspend an entitlement', description: 'Requires licensing.manage. Its seats stop counting; seat holders’ ent_ver bumps.' })
  @ApiOkResponse({ type: EntitlementResponse })
  @ApiConflictResponse({ description: '`licensing.invalid_entitlement_state` (an expired entitlement).', type: ProblemResponse })
  suspend(@CurrentPrincipal() principal: Principal, @Param('entitlementId') entitlementId: string): Promise<EntitlementResponse> {
    return this.commandBus.execute(new ChangeEntitlementStatusCommand(principal, entitlementId, 'suspend'));
  }

  @Post('entitlements/:entitlementId/resume')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Resume a suspended entitlement', description: 'Requires licensing.manage.' })
  @ApiOkResponse({ type: EntitlementResponse })
  @ApiConflictResponse({ description: '`licensing.invalid_entitlement_state` or `licensing.entitlement_not_active`.', type: ProblemResponse })
  resume(@CurrentPrincipal() principal: Principal, @Param('entitlementId') entitlementId: string): Promise<EntitlementResponse> {
    return this.commandBus.execute(new ChangeEntitlementStatusCommand(principal, entitlementId, 'resume'));
  }

  @Put('entitlements/:entitlementId/seats')
  @ApiOperation({
    summary: 'Replace the seat holders',
    description: 'Requires licensing.manage. Only active memberships of the organization (`licensing.invalid_seat_holder` names the others), never more than the seat count. Added and removed memberships get a new ent_ver.',
  })
  @ApiOkResponse({ type: SeatsResponse })
  @ApiBadRequestResponse({ description: 'Invalid ids, or `licensing.invalid_seat_holder`.', type: ProblemResponse })
  @ApiConflictResponse({ description: '`licensing.seat_limit_exceeded` with `requested` and `seatCount`; `licensing.entitlement_not_active`.', type: ProblemResponse })
  assignSeats(@CurrentPrincipal() principal: Principal, @Param('entitlementId') entitlementId: string, @Body() body: ReplaceSeatsRequest): Promise<SeatsResponse> {
    return this.commandBus.execute(new AssignSeatsCommand(principal, entitlementId, body.membershipIds));
  }

  @Get('entitlements/:entitlementId/seats')
  @ApiOperation({ summary: 'List the seat holders', description: 'Requires licensing.read.' })
  @ApiOkResponse({ type: SeatsResponse })
  seats(@CurrentPrincipal() principal: Principal, @Param('entitlementId') entitlementId: string): Promise<SeatsResponse> {
    return this.queryBus.execute(new GetSeatsQuery(principal, entitlementId));
  }
}
