export { afterSalesPublications as afterSalesPublicationMap } from './after-sales.publications.js';
