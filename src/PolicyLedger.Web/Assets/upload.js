// 文件 page: imports the chosen files one at a time, showing which file is being imported, a progress bar and each
// file's result as it comes. Without this script the form posts every file at once and the page lists the results.
(function () {
  'use strict';
  var form = document.getElementById('upload-form');
  if (!form || !window.FormData || !window.XMLHttpRequest || !window.DOMParser) {
    return;
  }

  var input = form.querySelector('input[type=file]');
  var button = form.querySelector('button[type=submit]');
  var panel = document.getElementById('upload-progress');
  var bar = document.getElementById('upload-bar');
  var status = document.getElementById('upload-status');
  var table = document.getElementById('upload-results');
  var body = table.querySelector('tbody');

  function cell(row, text, css) {
    var td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    if (css) { td.className = css; }
    row.appendChild(td);
  }

  function addRow(line) {
    var row = document.createElement('tr');
    row.className = line.failed ? 'failed' : 'ok';
    cell(row, line.file);
    cell(row, line.outcomeName);
    cell(row, line.documents, 'num');
    cell(row, line.items, 'num');
    cell(row, line.message);
    body.appendChild(row);
  }

  function send(url, data, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.responseType = 'json';
      xhr.upload.onprogress = function (e) { if (e.lengthComputable) { onProgress(e.loaded / e.total); } };
      xhr.onload = function () {
        var answer = xhr.response || {};
        if (xhr.status >= 200 && xhr.status < 300 && answer.files) { resolve(answer.files); }
        else { reject(new Error(answer.error || ('服务器答复 ' + xhr.status))); }
      };
      xhr.onerror = function () { reject(new Error('网络错误，文件未能上传')); };
      xhr.send(data);
    });
  }

  // After the import, the list of documents and the import log are read again from the page.
  function refresh() {
    return fetch(window.location.pathname, { credentials: 'same-origin' })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        ['h-list', 'h-log'].forEach(function (id) {
          var now = document.getElementById(id);
          var next = fresh.getElementById(id);
          if (now && next) { now.parentNode.replaceWith(next.parentNode); }
          else if (!now && next) { document.querySelector('main').appendChild(next.parentNode); }
        });
      });
  }

  form.addEventListener('submit', function (event) {
    var files = Array.prototype.slice.call(input.files);
    if (files.length === 0) { return; }
    event.preventDefault();
    var token = form.querySelector('input[name=__RequestVerificationToken]').value;
    var failed = 0;
    panel.hidden = false;
    table.hidden = false;
    body.textContent = '';
    button.disabled = true;
    bar.value = 0;

    files.reduce(function (previous, file, index) {
      return previous.then(function () {
        status.textContent = '正在导入第 ' + (index + 1) + '/' + files.length + ' 个文件：' + file.name;
        var data = new FormData();
        data.append('__RequestVerificationToken', token);
        data.append('files', file, file.name);
        return send(form.dataset.one, data, function (share) {
          bar.value = Math.round(100 * (index + share * 0.5) / files.length);
        }).then(function (lines) {
          lines.forEach(function (line) { if (line.failed) { failed++; } addRow(line); });
        }, function (error) {
          failed++;
          addRow({ file: file.name, outcomeName: '导入失败', documents: 0, items: 0, message: error.message, failed: true });
        }).then(function () {
          bar.value = Math.round(100 * (index + 1) / files.length);
        });
      });
    }, Promise.resolve()).then(function () {
      status.textContent = '已处理 ' + files.length + ' 个文件：' + (files.length - failed) + ' 个成功，' + failed + ' 个未导入。';
      button.disabled = false;
      form.reset();
      return refresh();
    });
  });
}());
