// The intent form: a value field suggests the values of the attribute named beside it
// (datalist "values-<key>", rendered with the category's suggestions), or all suggested values.
document.addEventListener('input', function (event) {
  var key = event.target;
  if (!key.classList || !key.classList.contains('attribute-key')) {
    return;
  }
  var value = key.closest('tr') && key.closest('tr').querySelector('.attribute-value');
  if (value) {
    var own = document.getElementById('values-' + key.value.trim());
    value.setAttribute('list', own ? own.id : 'attribute-values');
  }
});
