import { ProductCatalogue } from './ProductCatalogue.tsx';

export { ProductCatalogue };
/** The name the shell mounted before the catalogue editor existed. */
export const ProductsInspector = ProductCatalogue;
export { parseProductsCsv, productsToCsv, importChange } from './productCsv.ts';
