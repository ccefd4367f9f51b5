// Editing the preview grid as in Sheets: double-click a cell, press Enter or F2, or just start typing on the
// selected cell; Enter commits and selects the cell below, Escape cancels. The text goes to the preview server
// (POST /api/edit), which enters it as Sheets takes typed input, so a formula runs through the runtime's formula
// engine and the bundle's custom functions. Works on the cell grid-selection.js selected (its top-left cell when a range).
(function () {
  var editor = null; // { td, input, sheet, cell }
  window.gridEditing = false;

  function letters(column) {
    var s = '';
    for (var n = column; n > 0; n = Math.floor((n - 1) / 26))
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  function activeSheet() {
    var tab = document.querySelector('#tabs [aria-selected="true"]');
    return tab ? tab.dataset.sheet : null;
  }
  function start(td, text) {
    if (editor) return;
    var input = document.createElement('input');
    input.setAttribute('aria-label', 'Cell editor');
    // What Sheets puts in the editor: the formula, else the value as shown.
    input.value = text !== undefined ? text : td.dataset.input || '';
    input.style.width = Math.max(td.offsetWidth, 120) + 'px';
    editor = {
      td: td,
      input: input,
      sheet: activeSheet(),
      cell: letters(td.cellIndex) + td.parentElement.rowIndex,
    };
    window.gridEditing = true;
    td.replaceChildren(input);
    input.focus();
  }
  function stop() {
    editor = null;
    window.gridEditing = false;
    window.refresh();
  }
  /** Selects the cell below, as Sheets does after Enter (through grid-selection.js, so the spreadsheet follows). */
  function selectBelow(td) {
    var next = td.parentElement.nextElementSibling;
    var below = next && next.cells[td.cellIndex];
    if (!below) return;
    below.dispatchEvent(new window.MouseEvent('mousedown', { bubbles: true }));
    below.dispatchEvent(new window.MouseEvent('mouseup', { bubbles: true }));
  }
  function commit() {
    var edit = editor;
    edit.input.disabled = true;
    fetch('/api/edit', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sheet: edit.sheet, cell: edit.cell, input: edit.input.value }),
    })
      .then(function (r) {
        return r.json();
      })
      .then(function (reply) {
        if (!reply.ok) window.alert(reply.error);
        else selectBelow(edit.td);
        stop();
      });
  }
  function selectedCell() {
    return document.querySelector('#sheet td.selected');
  }

  document.addEventListener('dblclick', function (event) {
    var td = event.target.closest ? event.target.closest('#sheet td') : null;
    if (td) start(td);
  });
  document.addEventListener('keydown', function (event) {
    if (editor) {
      if (event.key === 'Enter') {
        event.preventDefault();
        commit();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        stop();
      }
      return;
    }
    var td = selectedCell();
    if (!td || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      start(td);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      start(td, '');
    } else if (event.key.length === 1) {
      // Typing replaces the cell's content, as in Sheets: the key pressed is the editor's first character.
      event.preventDefault();
      start(td, event.key);
    }
  });
})();
