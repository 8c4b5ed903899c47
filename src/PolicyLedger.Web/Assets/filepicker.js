// File inputs in Chinese (Shared/_FilePicker.cshtml): the browser's own button is hidden (its text is in the browser's
// language), the <label> styled as a button opens the chooser, and the files chosen are named here. The input itself
// keeps the keyboard focus. Without this script the browser's input stays visible beside the label.
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('.file-picker'), function (picker) {
    var input = picker.querySelector('input[type=file]');
    var chosen = picker.querySelector('.file-chosen');
    if (!input || !chosen) {
      return;
    }

    picker.classList.add('enhanced');
    var required = input.required;
    // The browser's "please select a file" bubble would be in its language: the check is made below, in Chinese.
    input.required = false;

    function show() {
      var names = Array.prototype.map.call(input.files || [], function (f) { return f.name; });
      chosen.classList.remove('missing');
      chosen.textContent = names.length === 0 ? '未选择文件' : '已选择 ' + names.length + ' 个文件：' + names.join('、');
    }

    input.addEventListener('change', show);
    if (input.form) {
      input.form.addEventListener('reset', function () { window.setTimeout(show, 0); });
      if (required) {
        input.form.addEventListener('submit', function (event) {
          if (input.files.length === 0) {
            event.preventDefault();
            event.stopImmediatePropagation();
            chosen.textContent = '请先选择要导入的文件';
            chosen.classList.add('missing');
            input.focus();
          }
        });
      }
    }

    show();
  });
}());
