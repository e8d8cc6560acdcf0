// Small progressive enhancements; every page works without them.
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', function () {
  // A form marked data-autosubmit applies a choice as soon as it is made (its button stays for pages without script).
  document.querySelectorAll('form[data-autosubmit="true"] input[list]').forEach(function (input) {
    var options = Array.prototype.map.call(document.querySelectorAll('#' + input.getAttribute('list') + ' option'),
      function (o) { return o.value; });
    var last = input.value;
    input.addEventListener('input', function () {
      // a choice from the list (clicked, or typed out in full) applies at once; partial typing waits
      if (input.value !== last && options.indexOf(input.value) >= 0) { last = input.value; input.form.submit(); }
    });
    input.addEventListener('focus', function () { input.select(); });
  });

  // A form that destroys something asks first (data-confirm holds the question); without script it just goes.
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { event.preventDefault(); }
    });
  });

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
