import { GiftCatalogueController, GiftStockController } from './gift-catalogue.controller.js';
import { GiftEntitlementsController, GiftIssuancesController } from './gift-issuances.controller.js';
import { GiftRequestsController } from './gift-requests.controller.js';
import { ProcurementPlansController } from './procurement-plans.controller.js';
import { StocktakesController } from './stocktakes.controller.js';

/** Every gifts route of the API outline (Gifts [1.6]). */
export const GIFTS_CONTROLLERS = [
  GiftCatalogueController,
  GiftStockController,
  ProcurementPlansController,
  GiftRequestsController,
  GiftIssuancesController,
  GiftEntitlementsController,
  StocktakesController,
];
