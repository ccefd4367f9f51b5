// The preview grid's selection, as in Sheets: click a cell, drag or shift-click to extend. The emulated
// spreadsheet's selection follows (POST /api/select), so the sidebar's "Use selection" reads what was picked;
// clicking a sheet tab makes that sheet the active one. Kept apart from page.html's rendering: it only reads
// the rendered table (row headers in the first column, column letters in the first row).
(function () {
  var anchor = null;
  var selection = null; // { sheet, top, left, bottom, right }
  var dragging = false;

  function activeTab() {
    var tab = document.querySelector('#tabs [aria-selected="true"]');
    return tab ? tab.dataset.sheet || tab.textContent : null;
  }
  function letters(column) {
    var s = '';
    for (var n = column; n > 0; n = Math.floor((n - 1) / 26))
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  function position(target) {
    var td = target && target.closest ? target.closest('#sheet td') : null;
    if (!td) return null;
    // Row r of the sheet is table row r (row 0 holds the column letters); cell 0 is the row number.
    return { row: td.parentElement.rowIndex, column: td.cellIndex };
  }
  function a1(s) {
    var start = letters(s.left) + s.top;
    var end = letters(s.right) + s.bottom;
    return start === end ? start : start + ':' + end;
  }
  function paint() {
    var rows = document.querySelectorAll('#sheet tr');
    var on = selection && selection.sheet === activeTab();
    for (var r = 1; r < rows.length; r++) {
      var cells = rows[r].cells;
      for (var c = 1; c < cells.length; c++) {
        var inside =
          on && r >= selection.top && r <= selection.bottom && c >= selection.left && c <= selection.right;
        cells[c].classList.toggle('selected', !!inside);
      }
    }
  }
  function extendTo(p) {
    selection = {
      sheet: activeTab(),
      top: Math.min(anchor.row, p.row),
      bottom: Math.max(anchor.row, p.row),
      left: Math.min(anchor.column, p.column),
      right: Math.max(anchor.column, p.column),
    };
    paint();
  }
  function send(body) {
    fetch('/api/select', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  document.addEventListener('mousedown', function (event) {
    var p = position(event.target);
    if (!p) return;
    event.preventDefault();
    if (!event.shiftKey || !anchor) anchor = p;
    dragging = true;
    extendTo(p);
  });
  document.addEventListener('mouseover', function (event) {
    var p = dragging && position(event.target);
    if (p) extendTo(p);
  });
  document.addEventListener('mouseup', function () {
    if (!dragging) return;
    dragging = false;
    send({ sheet: selection.sheet, range: a1(selection) });
  });
  document.addEventListener('click', function (event) {
    var tab = event.target.closest ? event.target.closest('#tabs [role="tab"]') : null;
    if (tab) send({ sheet: tab.dataset.sheet || tab.textContent });
  });
  // page.html re-renders the table every few seconds: paint the selection again each time.
  new MutationObserver(paint).observe(document.getElementById('sheet'), { childList: true });
})();
