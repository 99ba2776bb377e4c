/* Asah base: placeholder until the runtime refactor lands. */
(function () {
  "use strict";
})();
