// Small progressive enhancements; every page works without them.
document.addEventListener('DOMContentLoaded', function () {
  // Time zone selects with no choice yet default to the browser's own zone.
  document.querySelectorAll('select[data-default-from-browser="true"]').forEach(function (select) {
    try {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (zone && select.querySelector('option[value="' + zone.replace(/"/g, '') + '"]')) {
        select.value = zone;
      }
    } catch (e) { /* no Intl: the person chooses */ }
  });
});
