// The theme adds two kinds of element in the browser that axe-core reports:
// - each code block's copy button sits in a <nav>, so a page with several code blocks has
//   several unnamed navigation landmarks; the button is not navigation, so the <nav> is
//   given no role of its own;
// - a wide table scrolls sideways in a wrapper a keyboard cannot reach; the wrapper takes
//   the focus, so the arrow keys scroll it.
(function () {
  "use strict";
  function repair() {
    document.querySelectorAll("nav.md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (wrap) {
      wrap.setAttribute("tabindex", "0");
    });
  }
  repair();
  new MutationObserver(repair).observe(document.body, { childList: true, subtree: true });
})();
