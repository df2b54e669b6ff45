/* The display screen: ask for the queue every 3 seconds. Written for old TV browsers (ES5, XHR). If
   anything goes wrong the page simply reloads itself, which is the no-JavaScript behaviour too. */
(function () {
  var root = document.querySelector("[data-stand-url]");
  if (!root) { return; }
  var url = root.getAttribute("data-stand-url");
  var geroepen = document.getElementById("geroepen");
  var info = document.getElementById("info");
  var last = null;
  function render(stand) {
    var key = JSON.stringify(stand);
    if (key === last) { return; }
    last = key;
    var html = "";
    for (var i = 0; i < stand.geroepen.length; i++) {
      html += '<span class="scherm__nummer">' + Number(stand.geroepen[i]) + "</span> ";
    }
    geroepen.innerHTML = html || "<span>–</span>";
    info.textContent = stand.tekst;
  }
  function poll() {
    var xhr = new XMLHttpRequest();
    xhr.open("GET", url, true);
    xhr.timeout = 4000;
    xhr.onload = function () {
      if (xhr.status === 200) {
        try { render(JSON.parse(xhr.responseText)); } catch (e) { window.location.reload(); return; }
        setTimeout(poll, 3000);
      } else { setTimeout(function () { window.location.reload(); }, 5000); }
    };
    xhr.onerror = xhr.ontimeout = function () { setTimeout(function () { window.location.reload(); }, 5000); };
    xhr.send();
  }
  setTimeout(poll, 3000);
})();
