// Keyboard shortcuts of the conversation view. Alt+letter works while typing; the page decides what each does.
window.agencyShortcuts = {
  attach: function (dotnet) {
    const handler = function (e) {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const key = e.key.toLowerCase();
      if (["r", "p", "w", "n", "o", "m"].includes(key)) {
        e.preventDefault();
        dotnet.invokeMethodAsync("OnShortcut", key);
      }
    };
    document.addEventListener("keydown", handler);
    window.agencyShortcuts._handler = handler;
  },
  detach: function () {
    if (window.agencyShortcuts._handler) document.removeEventListener("keydown", window.agencyShortcuts._handler);
    window.agencyShortcuts._handler = null;
  }
};
