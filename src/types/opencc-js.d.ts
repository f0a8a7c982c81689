/** opencc-js publishes types for its entry points only; its per-locale dictionary modules are typed here. */
declare module "opencc-js/from/*" {
  import type { DictGroup } from "opencc-js/core";

  const dictionaries: readonly DictGroup[];
  export default dictionaries;
}
declare module "opencc-js/to/*" {
  import type { DictGroup } from "opencc-js/core";

  const dictionaries: readonly DictGroup[];
  export default dictionaries;
}
