/** The development entry of the DOM JSX runtime (some transforms import it): the same builder. */
export { Fragment, jsx, jsx as jsxDEV, jsxs, type JSX } from './jsx-runtime';
