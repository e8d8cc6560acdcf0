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

// A file larger than the portal takes is refused here, next to its field, before it is sent at all.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('input[type="file"][data-max-bytes]').forEach(function (input) {
    input.addEventListener('change', function () {
      var max = Number(input.getAttribute('data-max-bytes'));
      var file = input.files && input.files[0];
      input.setCustomValidity(file && file.size > max ? input.getAttribute('data-too-large') : '');
      input.reportValidity();
    });
  });
});
